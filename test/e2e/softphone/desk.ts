import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { createApp } from '../../../server/app';
import type { Call } from '../../../shared/model/call';
import { domain, passwordFor, startKamailio, type Kamailio } from '../../sip/kamailio';
import { launchSipChromium } from '../../sip/chromium';
import { openPeer, type PeerHandle } from '../../sip/peer/handle';
import { servePeerPage, type PeerPageServer } from '../../sip/peer/server';

/** Everything a softphone test talks to: the app's server, Kamailio, the peer page and Chromium. */
export interface SipRig {
  readonly baseUrl: string;
  readonly kamailio: Kamailio;
  readonly peers: PeerPageServer;
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function startRig(): Promise<SipRig> {
  const app = await createApp({ webRoot: fileURLToPath(new URL('../../../dist/renderer', import.meta.url)) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  const kamailio = await startKamailio();
  const peers = await servePeerPage();
  const browser = await launchSipChromium();
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    kamailio,
    peers,
    browser,
    close: async () => {
      await browser.close();
      await peers.close();
      await kamailio.stop();
      await app.close();
    },
  };
}

export const SDR_USER = 'li.lei';

export interface Desk {
  readonly context: BrowserContext;
  readonly page: Page;
}

/** An SDR's window in browser mode with the demo leads, English UI, laptop size. */
export async function openDesk(rig: SipRig, locale = 'en-US', viewport = { width: 1366, height: 768 }, initScript?: string): Promise<Desk> {
  const context = await rig.browser.newContext({ locale, viewport });
  // tsx names functions through a helper the page lacks.
  await context.addInitScript('window.__name = (fn) => fn');
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  await page.goto(rig.baseUrl);
  const welcome = page.getByRole('dialog', { name: locale.startsWith('zh') ? '欢迎使用 SDR Desk' : 'Welcome to SDR Desk' });
  await welcome.getByRole('button', { name: locale.startsWith('zh') ? '加载演示数据' : 'Load demo data' }).click();
  await queue(page).getByRole('option').nth(5).waitFor();
  return { context, page };
}

/** A prospect's or colleague's phone: a bare SIP.js page registered as `user`. */
export async function openPeerPhone(rig: SipRig, user: string, context?: BrowserContext): Promise<PeerHandle> {
  const ctx = context ?? (await rig.browser.newContext());
  const peer = await openPeer(ctx, rig.peers.url);
  await peer.register({ wsUrl: rig.kamailio.wsUrl, user, password: passwordFor(user), domain });
  return peer;
}

// Both UI languages: the screenshot script drives the zh-CN desk too.
export const queue = (page: Page) => page.getByRole('listbox', { name: /^(Leads, in calling order|线索（按拨打顺序）)$/ });
export const callBar = (page: Page) => page.getByRole('region', { name: /^(Call|通话)$/ });
export const softphoneStatus = (page: Page) => page.getByRole('status', { name: /^(Softphone|软电话)$/ });
export const callState = (page: Page) => callBar(page).getByRole('status').first();
export const wrapUp = (page: Page) => page.getByRole('form', { name: /^(Call wrap-up|通话小结)$/ });

export async function visible(locator: Locator, timeout = 15_000): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout });
}

export interface StoredLead {
  readonly id: string;
  readonly company: string;
  readonly kind: string;
  readonly status: string;
  readonly phones: readonly string[];
  readonly doNotCall: boolean;
}

/** Rows of an IndexedDB store as stored, read with raw IndexedDB rather than through the app. */
export async function storedRows<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('sdr-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as T[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    store,
  );
}

export async function callsOf(page: Page, leadId: string): Promise<Call[]> {
  const calls = await storedRows<Call>(page, 'calls');
  return calls.filter((c) => c.leadId === leadId).sort((a, b) => a.startedAt - b.startedAt);
}

/** Opens a lead with a phone that nobody has called yet (each test takes a different one). */
export async function openCallableLead(page: Page, skip: ReadonlySet<string> = new Set()): Promise<StoredLead> {
  const leads = await storedRows<StoredLead>(page, 'leads');
  // The queue shows the inbound view first; the other view's leads are not in its list.
  const lead = leads.find((l) => l.kind === 'inbound' && l.phones.length > 0 && !l.doNotCall && l.status === 'new' && !skip.has(l.id));
  if (!lead) throw new Error('no callable lead left in the demo data');
  await openLead(page, lead);
  return lead;
}

export async function openLead(page: Page, lead: Pick<StoredLead, 'id' | 'company'>): Promise<void> {
  const search = page.getByRole('searchbox', { name: /^(Search leads|搜索线索)$/ });
  await search.fill(lead.company);
  // No expect.poll here: the benchmark runs these steps outside a test.
  await queue(page).and(page.locator('[data-results-for]')).evaluate(
    (list, company) => new Promise<void>((resolve) => {
      const done = () => list.getAttribute('data-results-for') === company && (observer.disconnect(), resolve(), true);
      const observer = new MutationObserver(() => void done());
      if (!done()) observer.observe(list, { attributes: true, attributeFilter: ['data-results-for'] });
    }),
    lead.company,
  );
  await queue(page).locator(`[id="lead-option-${lead.id}"]`).click();
  await visible(leadHeading(page, lead.company));
}

export const leadHeading = (page: Page, company: string) => page.getByRole('article').getByRole('heading', { level: 2, name: company });

/** The SIP user a lead's number reaches with the rule `sip:{digits}@sdr.test`. */
export const userFor = (e164: string) => e164.slice(1);
