import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseDialInput } from '../../shared/model/phone';
import { launchChromium } from '../helpers/chromium';
import { openOffline } from './offline';

/**
 * A discovery call from the first keystroke to the MQL hand-off, with no network at any point
 * after the first load: dial, script with a branch, tags, a note, wrap-up, hand-off, reload.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

type TelWindow = Window & { __telLinks?: string[] };

/**
 * A fresh profile whose tel: links are recorded instead of handed to the system. Browser mode
 * dials by clicking a detached <a href="tel:…">; the wrapper keeps every other link working.
 */
async function newDesk(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 768 } });
  // tsx names functions through a helper the page lacks.
  await context.addInitScript('window.__name = (fn) => fn');
  await context.addInitScript(() => {
    const w = window as TelWindow;
    w.__telLinks = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.protocol === 'tel:') w.__telLinks!.push(this.href);
      else click.call(this);
    };
  });
  const page = await openOffline(context);
  await page.getByRole('dialog', { name: 'Welcome to SDR Desk' }).getByRole('button', { name: 'Load demo data' }).click();
  await expect.poll(() => queue(page).getByRole('option').count()).toBeGreaterThan(5);
  return { context, page };
}

const queue = (page: Page) => page.getByRole('listbox', { name: 'Leads, in calling order' });
const callBar = (page: Page) => page.getByRole('region', { name: 'Call', exact: true });
const script = (page: Page) => page.getByRole('region', { name: 'Discovery script' });
const question = (page: Page, text: string) => script(page).getByRole('group', { name: text });
const timeline = (page: Page) => page.getByRole('region', { name: 'Timeline' });

interface StoredLead {
  readonly id: string;
  readonly company: string;
  readonly kind: string;
  readonly status: string;
  readonly phones: readonly string[];
  readonly doNotCall: boolean;
}

/** The lead as stored, read with raw IndexedDB rather than through the app. */
async function storedLead(page: Page, id: string): Promise<StoredLead> {
  return page.evaluate(
    (leadId) =>
      new Promise<StoredLead>((resolve, reject) => {
        const open = indexedDB.open('sdr-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('leads').objectStore('leads').get(leadId);
          get.onsuccess = () => {
            db.close();
            resolve(get.result as StoredLead);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    id,
  );
}

/** Opens the first fresh inbound lead in the queue that has a phone, the way an SDR starts the day. */
async function openFreshInboundLead(page: Page): Promise<StoredLead> {
  const fresh = queue(page).getByRole('option', { name: /Not contacted/ });
  await visible(fresh.first());
  const count = await fresh.count();
  for (let i = 0; i < count; i++) {
    const id = (await fresh.nth(i).getAttribute('id'))!.replace(/^lead-option-/, '');
    const lead = await storedLead(page, id);
    if (lead.kind === 'inbound' && lead.status === 'new' && lead.phones.length > 0 && !lead.doNotCall) {
      await fresh.nth(i).click();
      await page.keyboard.press('Enter');
      await visible(page.getByRole('article').getByRole('heading', { level: 2, name: lead.company }));
      return lead;
    }
  }
  throw new Error('no fresh inbound lead with a phone in the demo queue');
}

/** Finds a lead again after a reload: search for its company, open its row. */
async function reopen(page: Page, lead: StoredLead): Promise<void> {
  const search = page.getByRole('searchbox', { name: 'Search leads' });
  await search.fill(lead.company);
  await expect.poll(() => queue(page).getAttribute('data-results-for')).toBe(lead.company);
  await queue(page).locator(`[id="lead-option-${lead.id}"]`).click();
  await visible(page.getByRole('article').getByRole('heading', { level: 2, name: lead.company }));
}

describe('a discovery call, offline', () => {
  it('dials, runs the script with a branch, tags, notes, wraps up and hands off, and keeps it all across a reload', async () => {
    const { context, page } = await newDesk();
    const lead = await openFreshInboundLead(page);

    // Ctrl+D dials the lead's first number through the system's tel: handler, in E.164.
    const shown = await callBar(page).getByRole('textbox', { name: 'Number to call' }).inputValue();
    const typed = parseDialInput(shown, 'CN');
    expect(typed).toEqual({ ok: true, e164: lead.phones[0] });
    await page.keyboard.press('Control+d');
    await visible(callBar(page).getByRole('status').filter({ hasText: 'Dialing…' }));
    expect(await page.evaluate(() => (window as TelWindow).__telLinks)).toEqual([`tel:${lead.phones[0]}`]);
    await page.keyboard.press('Control+Shift+A');
    await visible(callBar(page).getByRole('status').filter({ hasText: /^Connected$/ }));

    // The script: required questions, and a branch that opens only on the answer that calls for it.
    const progress = script(page).getByRole('progressbar', { name: 'Questions covered' });
    const covered = async () => Number(await progress.getAttribute('aria-valuenow'));
    await question(page, 'Which of these is closest').getByRole('radio', { name: 'Lead management and scoring' }).check();
    const judgement = script(page).getByRole('textbox', { name: 'How does sales decide today whether a lead is a good one?' });
    const score = question(page, 'how happy is sales with the leads');
    const impact = script(page).getByRole('textbox', { name: 'What happens to the leads sales doesn’t trust?' });
    await question(page, 'What gets in the way of that today?').getByRole('checkbox', { name: 'Too much manual work' }).check();
    expect(await judgement.count()).toBe(0);
    expect(await score.count()).toBe(0);
    await question(page, 'What gets in the way of that today?').getByRole('checkbox', { name: /^Lead quality/ }).check();
    await visible(judgement);
    await judgement.fill('Gut feeling of each rep; no shared definition');
    // A follow-up of the follow-up: only a low score asks what happens to those leads.
    await score.getByRole('radio', { name: '4', exact: true }).check();
    expect(await impact.count()).toBe(0);
    await score.getByRole('radio', { name: '2', exact: true }).check();
    await visible(impact);
    await question(page, 'is fixing this something you’re working on now').getByRole('radio', { name: 'Working on it now' }).check();
    await script(page).getByRole('textbox', { name: 'Who would sign off on a decision like this?' }).fill('Ms Zhou, VP Marketing');
    await question(page, 'When would you ideally like to have something in place?').getByRole('radio', { name: 'In 1–3 months' }).check();
    await question(page, 'Roughly what range would an investment like this fall in').getByRole('radio', { name: '¥50k–200k a year' }).check();
    // Eight answers: area, pains, the two lead-quality follow-ups, need, signer, timeline, deal size.
    await expect.poll(covered).toBe(8);

    // Tags: one from the team's taxonomy, picked from the suggestions, and one of the SDR's own.
    const tags = page.getByRole('region', { name: 'Tags' });
    const addTag = tags.getByRole('combobox', { name: 'Add a tag' });
    const suggestions = tags.getByRole('listbox', { name: 'Tag suggestions' });
    const highlighted = suggestions.getByRole('option', { selected: true });
    await addTag.fill('lead');
    await visible(suggestions.getByRole('option', { name: 'Lead management' }));
    for (let i = 0; i < 8 && (await highlighted.textContent()) !== 'Lead management'; i++) await addTag.press('ArrowDown');
    expect(await highlighted.textContent()).toBe('Lead management');
    await addTag.press('Enter');
    await addTag.fill('budget-q3');
    await visible(suggestions.getByRole('option', { name: 'Add “budget-q3”', selected: true }));
    await addTag.press('Enter');
    const leadTags = tags.getByRole('list', { name: "Lead's tags" });
    await visible(leadTags.getByRole('listitem').filter({ hasText: 'Lead management' }));
    await visible(leadTags.getByRole('listitem').filter({ hasText: 'budget-q3' }));

    // A note, saved from the keyboard.
    const noteText = 'Runs campaigns from spreadsheets; wants scoring before the Q3 trade show.';
    const note = page.getByRole('form', { name: 'New note' }).getByRole('textbox', { name: 'Note' });
    await note.fill(noteText);
    await note.press('Control+Enter');
    await expect.poll(() => note.inputValue()).toBe('');
    await visible(timeline(page).getByRole('listitem').filter({ hasText: noteText }));

    // Every hand-off criterion is met, so the button names the routed owner.
    const criteria = page.getByRole('region', { name: 'Hand-off criteria' }).getByRole('list', { name: 'Criteria' });
    await expect.poll(() => criteria.getByRole('listitem').filter({ hasText: /missing$/ }).count()).toBe(0);
    expect(await criteria.getByRole('listitem').filter({ hasText: /met$/ }).count()).toBe(6);
    const handoffForm = page.getByRole('form', { name: 'Hand off to sales' });
    const handOff = handoffForm.getByRole('button', { name: /^Hand off to / });
    await visible(handOff);
    expect(await handoffForm.getByRole('textbox', { name: 'Why hand off with criteria missing?' }).count()).toBe(0);
    expect(await handoffForm.getByRole('textbox', { name: 'Summary for sales' }).inputValue()).not.toBe('');
    const owner = (await handOff.textContent())!.replace(/^Hand off to /, '');

    // Hang up from the note field, pick the disposition with its number key, save with Ctrl+Enter:
    // the wrap-up takes the focus, so the keys reach it without a click.
    await note.focus();
    await page.keyboard.press('Control+Shift+H');
    const wrapUp = page.getByRole('form', { name: 'Call wrap-up' });
    await visible(wrapUp);
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('form')?.getAttribute('aria-label'))).toBe('Call wrap-up');
    await page.keyboard.press('1');
    await expect.poll(() => wrapUp.getByRole('radio', { name: 'Connected – conversation held' }).isChecked()).toBe(true);
    await page.keyboard.press('Control+Enter');
    await wrapUp.waitFor({ state: 'detached' });
    await visible(callBar(page).getByRole('button', { name: 'Call', exact: true }));

    // The hand-off: queued locally, the lead becomes an MQL.
    await handOff.click();
    const handoffStatus = page.getByRole('status', { name: 'Hand-off status' });
    await visible(handoffStatus.getByText('Waiting to sync'));
    await visible(page.getByRole('article').getByText('MQL (handed off)', { exact: true }).first());

    // Reload with no network: the same lead shows everything that happened on the call.
    await page.reload();
    await reopen(page, lead);
    await visible(page.getByRole('status', { name: 'Hand-off status' }).getByText('Waiting to sync'));
    await visible(page.getByRole('article').getByText('MQL (handed off)', { exact: true }).first());
    const entries = timeline(page).getByRole('listitem');
    await visible(entries.filter({ hasText: 'Call · Connected – conversation held' }).filter({ hasText: '8 answers · Inbound discovery v1' }));
    await visible(entries.filter({ hasText: noteText }));
    await visible(entries.filter({ hasText: '+Lead management' }));
    await visible(entries.filter({ hasText: '+budget-q3' }));
    await visible(entries.filter({ hasText: `Handed off to ${owner}` }));
    expect(await page.getByRole('region', { name: 'Tags' }).getByRole('list', { name: "Lead's tags" }).getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('Lead management'),
      expect.stringContaining('budget-q3'),
    ]);
    expect(await storedLead(page, lead.id)).toMatchObject({ status: 'mql' });
    await context.close();
  });

  it('keeps a note being typed when the page closes half a second after the last keystroke', async () => {
    const { context, page } = await newDesk();
    const lead = await openFreshInboundLead(page);
    const text = 'Asked for pricing of the lead scoring add-on; call back after their board meeting on the 12th.';
    const note = page.getByRole('form', { name: 'New note' }).getByRole('textbox', { name: 'Note' });
    await note.click();
    // Steady typing, faster than the pause that saves at once: only the periodic save runs.
    const typedAt: number[] = [];
    for (const char of text) {
      await page.keyboard.type(char);
      typedAt.push(Date.now());
      await page.waitForTimeout(20);
    }
    await page.waitForTimeout(500);
    const closedAt = Date.now();
    await page.close({ runBeforeUnload: true });

    const again = await context.newPage();
    await again.goto(inject('baseUrl'));
    await reopen(again, lead);
    const kept = again.getByRole('form', { name: 'New note' }).getByRole('textbox', { name: 'Note' });
    await expect.poll(() => kept.inputValue()).not.toBe('');
    const draft = await kept.inputValue();
    const safe = text.slice(0, typedAt.filter((at) => at <= closedAt - 500).length);
    expect(draft.startsWith(safe), `draft "${draft}" lost more than the last half second "${text.slice(safe.length)}"`).toBe(true);
    expect(text.startsWith(draft)).toBe(true);
    await context.close();
  });

  it('never dials a lead again once a call ended as do-not-call', async () => {
    const { context, page } = await newDesk();
    const lead = await openFreshInboundLead(page);
    await page.keyboard.press('Control+d');
    await visible(callBar(page).getByRole('status').filter({ hasText: 'Dialing…' }));
    await page.keyboard.press('Control+Shift+H');
    const wrapUp = page.getByRole('form', { name: 'Call wrap-up' });
    await visible(wrapUp);
    await page.keyboard.press('7');
    await expect.poll(() => wrapUp.getByRole('radio', { name: 'Do not call again' }).isChecked()).toBe(true);
    await visible(wrapUp.getByText('This lead will not be dialled again, on any device.'));
    await page.keyboard.press('Control+Enter');
    await wrapUp.waitFor({ state: 'detached' });

    await page.reload();
    await reopen(page, lead);
    await visible(callBar(page).getByText('Do not call: this lead asked not to be called.'));
    expect(await callBar(page).getByRole('button', { name: 'Call', exact: true }).isDisabled()).toBe(true);
    await page.keyboard.press('Control+d');
    await visible(page.getByRole('status').filter({ hasText: 'Do not call: this lead asked not to be called.' }));
    expect(await page.evaluate(() => (window as TelWindow).__telLinks)).toEqual([]);
    expect(await storedLead(page, lead.id)).toMatchObject({ doNotCall: true });
    await context.close();
  });
});

/** Waits for a locator the way a user waits for something to appear. */
async function visible(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: 15_000 });
}
