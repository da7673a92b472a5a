import type { BrowserContext, Page } from 'playwright-core';
import { expect, inject } from 'vitest';

/**
 * Opens browser mode once (to install the offline cache), then cuts the network before the user
 * does anything: every step after that runs with no network at all, reload included.
 */
export async function openOffline(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(inject('baseUrl'));
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  return page;
}
