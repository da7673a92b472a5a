import type { BrowserContext, Page } from 'playwright-core';
import type { PeerApi, PeerCallState, PeerEvent, PeerEventType, PeerIncoming, PeerRegisterOptions, PeerStats } from './api';

type Async<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;

/** window.peer seen from Node: every call goes through page.evaluate. */
export type PeerHandle = { readonly page: Page } & { readonly [K in keyof PeerApi]: Async<PeerApi[K]> };

/**
 * Typed access to a loaded peer page. The page functions are inline arrows on purpose: tsx (with
 * esbuild's keepNames) wraps named functions in __name(), which does not exist in the page.
 */
export function peerHandle(page: Page): PeerHandle {
  return {
    page,
    register: (options: PeerRegisterOptions) => page.evaluate((o) => window.peer.register(o), options),
    unregister: () => page.evaluate(() => window.peer.unregister()),
    registered: () => page.evaluate(() => window.peer.registered()),
    call: (targetUri: string) => page.evaluate((uri) => window.peer.call(uri), targetUri),
    answer: () => page.evaluate(() => window.peer.answer()),
    decline: (status?: number) => page.evaluate((s) => window.peer.decline(s ?? undefined), status ?? null),
    hangUp: () => page.evaluate(() => window.peer.hangUp()),
    state: (): Promise<PeerCallState> => page.evaluate(() => window.peer.state()),
    lastIncoming: (): Promise<PeerIncoming | null> => page.evaluate(() => window.peer.lastIncoming()),
    stats: (): Promise<PeerStats> => page.evaluate(() => window.peer.stats()),
    sendDtmf: (digits: string) => page.evaluate((d) => window.peer.sendDtmf(d), digits),
    infoReceived: () => page.evaluate(() => window.peer.infoReceived()),
    events: (): Promise<PeerEvent[]> => page.evaluate(() => window.peer.events()),
    waitForEvent: (type: PeerEventType, timeoutMs?: number, since?: number): Promise<PeerEvent> =>
      page.evaluate(([t, ms, s]) => window.peer.waitForEvent(t, ms, s), [type, timeoutMs ?? 10_000, since ?? 0] as const),
    reset: () => page.evaluate(() => window.peer.reset()),
    logs: () => page.evaluate(() => window.peer.logs()),
  };
}

/** A new page in `context` with the peer loaded and `window.peer` ready. */
export async function openPeer(context: BrowserContext, url: string): Promise<PeerHandle> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => 'peer' in window, undefined, { timeout: 10_000 });
  return peerHandle(page);
}
