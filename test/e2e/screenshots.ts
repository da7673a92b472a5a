/**
 * Looks at the UI the way an SDR sees it: screenshots of browser mode at the laptop and desktop
 * sizes, in English and Chinese, with demo data. Not a test; run with
 * `npm run build:renderer && npx tsx test/e2e/screenshots.ts [outDir]`.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../server/app';
import { launchChromium } from '../helpers/chromium';

const outDir = process.argv[2] ?? '.tmp/screenshots';
mkdirSync(outDir, { recursive: true });
const app = await createApp({ webRoot: fileURLToPath(new URL('../../dist/renderer', import.meta.url)) });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const browser = await launchChromium();
try {
  for (const locale of ['en-US', 'zh-CN']) {
    for (const [width, height] of [
      [1366, 768],
      [1920, 1080],
    ] as const) {
      const context = await browser.newContext({ locale, viewport: { width, height } });
      const page = await context.newPage();
      await page.goto(baseUrl);
      const tag = `${locale}-${width}`;
      await page.getByRole('dialog').waitFor();
      await page.screenshot({ path: `${outDir}/${tag}-0-welcome.png` });
      await page.getByRole('dialog').getByRole('button', { name: /Load demo|加载演示/ }).click();
      await page.getByRole('listbox').getByRole('option').nth(2).click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${outDir}/${tag}-1-queue.png` });
      await page.keyboard.press('e');
      await page.getByRole('form').getByRole('button', { name: /Save|保存/ }).waitFor();
      await page.getByRole('form').locator('input').first().fill('');
      await page.getByRole('form').locator('input[type=tel]').first().fill('12345');
      await page.getByRole('form').getByRole('button', { name: /Save|保存/ }).click();
      await page.waitForTimeout(200);
      await page.screenshot({ path: `${outDir}/${tag}-2-form-errors.png` });
      await page.getByRole('button', { name: /^(Import|导入)$/ }).click();
      await page.getByRole('dialog').locator('input[type=file]').setInputFiles(fileURLToPath(new URL('../fixtures/import/leads-gbk.csv', import.meta.url)));
      await page.getByRole('dialog').getByRole('button', { name: /^(Import|导入) / }).waitFor();
      await page.screenshot({ path: `${outDir}/${tag}-3-import-preview.png` });
      await page.getByRole('dialog').getByRole('button', { name: /^(Import|导入) / }).click();
      await page.getByRole('dialog').getByRole('table').last().waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${outDir}/${tag}-4-import-report.png` });
      await context.close();
    }
  }
} finally {
  await browser.close();
  await app.close();
}
console.log(`screenshots in ${outDir}`);
