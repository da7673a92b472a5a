import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/db';
import { SalesInbox } from '../../../renderer/features/inbox';
import type { Call } from '../../../shared/model/call';
import type { Handoff } from '../../../shared/model/handoff';
import type { Lead } from '../../../shared/model/lead';
import type { Note } from '../../../shared/model/note';
import { makeCall, makeHandoff, makeNote } from '../../helpers/discoveryFactory';
import { makeLead } from '../../helpers/leadFactory';
import { renderWithI18n } from '../../helpers/renderWithI18n';

const HOUR = 3_600_000;
const HANDED_OFF_AT = 1_750_000_400_000;
const NOW = HANDED_OFF_AT + 2 * HOUR;
const ANSWERED_AT = NOW + 60_000;
const TAGS: Record<string, string> = { 'pain-leads': 'Too few good leads', 'budget-approved': 'Budget approved' };
const tagLabel = (tag: string) => TAGS[tag] ?? tag;

// jsdom lays nothing out; the list is virtualized and renders only the rows that fit its viewport.
beforeAll(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(800);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(420);
});
afterAll(() => vi.restoreAllMocks());
afterEach(async () => {
  cleanup();
  await Promise.all(db.tables.map((table) => table.clear()));
});

/** A hand-off as the team server delivers it to sales: with the lead, its notes and calls. */
function deliveredHandoff(leadOverrides: Partial<Lead> = {}, overrides: Partial<Handoff> = {}, extra: { notes?: Note[]; calls?: Call[] } = {}): Handoff {
  const lead = makeLead({ status: 'mql', tags: ['pain-leads'], ...leadOverrides });
  return makeHandoff(lead, { status: 'delivered', snapshot: { lead, notes: extra.notes ?? [], calls: extra.calls ?? [] }, ...overrides });
}

/** A richly filled hand-off: a discovery call on the shipped English inbound script, notes with an edit. */
function fullHandoff(overrides: Partial<Handoff> = {}): Handoff {
  const lead = makeLead({
    company: 'Acme Robotics',
    contactName: 'Grace Hopper',
    title: 'CMO',
    phones: ['+8613800138000'],
    email: 'grace@acme.example',
    wechatId: 'grace_acme',
    sourceChannel: 'webinar',
    campaign: 'Spring automation webinar',
    industry: 'Manufacturing',
    region: 'Shanghai',
    status: 'mql',
    tags: ['pain-leads', 'budget-approved'],
  });
  const call = makeCall(lead, {
    scriptId: 'inbound-default',
    scriptVersion: 1,
    answers: { trigger: 'New growth targets from the board', 'interest-area': 'automation', 'retired-question': 'asked in an older script' },
    connectedAt: 1_750_000_110_000,
    endedAt: 1_750_000_300_000,
    wrappedUpAt: 1_750_000_310_000,
    disposition: 'connected',
  });
  const first = makeNote(lead, { text: 'Budget not yet known', author: '李雷', createdAt: 1_750_000_320_000 });
  const edited = makeNote(lead, { rootId: first.rootId, revision: 2, text: 'Budget approved for Q3', author: '李雷', createdAt: 1_750_000_330_000 });
  return makeHandoff(lead, {
    status: 'delivered',
    callId: call.id,
    answers: call.answers,
    summary: 'Wants a demo next week.\nDecision maker: Grace (CMO).',
    criteria: [
      { id: 'need', label: { en: 'Need confirmed', 'zh-CN': '需求已确认' }, met: true },
      { id: 'decision-maker', label: { en: 'Decision maker known', 'zh-CN': '已知决策人' }, met: false },
    ],
    overrideReason: 'Prospect asked for pricing today',
    snapshot: { lead, notes: [first, edited], calls: [call] },
    ...overrides,
  });
}

async function renderInbox(handoffs: readonly Handoff[], language: 'en' | 'zh-CN' = 'en') {
  await db.handoffs.bulkAdd([...handoffs]);
  const view = await renderWithI18n(<SalesInbox actorName="张伟" tagLabel={tagLabel} now={NOW} clock={() => ANSWERED_AT} />, language);
  const list = await screen.findByRole('listbox', { name: language === 'en' ? 'Hand-offs waiting for you, newest first' : '待你处理的移交，最新的在前' });
  await waitFor(() => expect(list).toHaveAttribute('aria-busy', 'false'));
  return { ...view, list, user: userEvent.setup() };
}

const detail = () => screen.getByRole('region', { name: 'Hand-off' });

describe('SalesInbox list', () => {
  it('lists the hand-offs waiting for the rep, newest first, with who, what and how long', async () => {
    const older = deliveredHandoff({ company: 'Older Co' }, { createdAt: HANDED_OFF_AT - HOUR, fromSdr: '韩梅梅', productLine: 'analytics', dealSize: 80_000 });
    const newer = deliveredHandoff({ company: 'Newer Co', contactName: 'Ada Lovelace', title: 'VP Marketing' }, { createdAt: HANDED_OFF_AT });
    const answered = deliveredHandoff({ company: 'Done Co' }, { status: 'accepted', actedBy: '张伟' });
    const { list } = await renderInbox([older, newer, answered]);

    const options = within(list).getAllByRole('option');
    expect(options.map((o) => within(o).getByText(/Co$/).textContent)).toEqual(['Newer Co', 'Older Co']);
    expect(options[0]).toHaveTextContent('Ada Lovelace · VP Marketing');
    expect(options[0]).toHaveTextContent('from 李雷');
    expect(options[0]).toHaveTextContent('Marketing automation · 500K');
    expect(options[0]).toHaveTextContent('waiting 2 h');
    expect(options[1]).toHaveTextContent('from 韩梅梅');
    expect(options[1]).toHaveTextContent('Marketing analytics · 80K');
    expect(options[1]).toHaveTextContent('waiting 3 h');
    expect(screen.getByRole('tab', { name: /^Waiting/ })).toHaveTextContent('2');
    expect(screen.getByRole('tab', { name: /^Answered/ })).toHaveTextContent('1');
    // The newest is open on the right.
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    expect(within(detail()).getByRole('heading', { level: 2, name: 'Newer Co' })).toBeInTheDocument();
  });

  it('says so when nothing waits', async () => {
    await renderInbox([deliveredHandoff({}, { status: 'returned', statusReason: 'No budget' })]);

    expect(screen.getAllByText('Nothing is waiting for you. New hand-offs from your SDRs appear here.').length).toBeGreaterThan(0);
    expect(screen.queryByRole('option')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Accept/ })).not.toBeInTheDocument();
  });
});

describe('SalesInbox detail', () => {
  it('shows the hand-off in full: summary, criteria, override, answers with their questions, notes, tags, contact and source', async () => {
    await renderInbox([fullHandoff()]);
    const pane = detail();

    expect(within(pane).getByRole('heading', { name: 'Acme Robotics' })).toBeInTheDocument();
    expect(pane).toHaveTextContent('Grace Hopper · CMO');
    expect(within(pane).getByRole('region', { name: 'Summary from the SDR' })).toHaveTextContent('Wants a demo next week. Decision maker: Grace (CMO).');

    const criteria = within(pane).getByRole('list', { name: 'Hand-off criteria' });
    expect(within(criteria).getByText('Need confirmed', { exact: false })).toHaveTextContent('met');
    expect(within(criteria).getByText('Decision maker known', { exact: false })).toHaveTextContent('missing');
    expect(within(pane).getByRole('region', { name: 'Hand-off criteria' })).toHaveTextContent('Prospect asked for pricing today');

    // Answers read through the script version the call used (the shipped English inbound script, v1).
    const answers = within(pane).getByRole('region', { name: 'Discovery answers' });
    const answerOf = (question: string) => within(answers).getByText(question).nextElementSibling;
    expect(answerOf('Which of these is closest to what you were looking into?')).toHaveTextContent('Marketing automation: campaigns and nurturing');
    expect(answerOf('Thanks for [downloading our guide / reaching out about …]. What prompted you to look into this now?')).toHaveTextContent('New growth targets from the board');
    // A question that script does not have shows by its id.
    expect(answerOf('retired-question')).toHaveTextContent('asked in an older script');

    const notes = within(pane).getByRole('region', { name: 'Notes' });
    expect(notes).toHaveTextContent('Budget approved for Q3');
    expect(notes).toHaveTextContent('李雷');
    expect(notes).toHaveTextContent('edited');
    expect(notes).not.toHaveTextContent('Budget not yet known');

    const tags = within(pane).getByRole('region', { name: 'Tags' });
    expect(tags).toHaveTextContent('Too few good leads');
    expect(tags).toHaveTextContent('Budget approved');

    const contact = within(pane).getByRole('region', { name: 'How to reach them' });
    expect(contact).toHaveTextContent('138 0013 8000');
    expect(contact).toHaveTextContent('grace@acme.example');
    expect(contact).toHaveTextContent('grace_acme');

    expect(pane).toHaveTextContent('Webinar');
    expect(pane).toHaveTextContent('Spring automation webinar');
    expect(pane).toHaveTextContent('Handed off by 李雷');
  });
});

describe('SalesInbox answers', () => {
  it('accepts in one click: an outbox change, and the hand-off moves to the answered tab', async () => {
    const handoff = fullHandoff();
    const { user } = await renderInbox([handoff]);

    const accept = within(detail()).getByRole('button', { name: /Accept/ });
    expect(accept).toHaveAttribute('aria-keyshortcuts', 'A');
    await user.click(accept);

    await waitFor(async () => expect(await db.outbox.toArray()).toHaveLength(1));
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ name: 'handoff.accept', args: { id: handoff.id, at: ANSWERED_AT } });
    expect((entry!.args as { eventId: string }).eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await db.handoffs.get(handoff.id))?.status).toBe('accepted');

    expect(await screen.findByText('Accepted: Acme Robotics is now an SQL.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('option')).not.toBeInTheDocument());
    await user.click(screen.getByRole('tab', { name: /^Answered/ }));
    const answered = screen.getByRole('listbox', { name: 'Hand-offs answered, latest first' });
    const row = within(answered).getByRole('option', { name: /Acme Robotics/ });
    expect(row).toHaveTextContent('Accepted by 张伟');
    expect(row).toHaveTextContent('Waiting to sync');
    expect(within(detail()).queryByRole('button', { name: /Accept/ })).not.toBeInTheDocument();
  });

  it('returns to the SDR only with a reason, and cancels with Escape', async () => {
    const handoff = fullHandoff();
    const { user } = await renderInbox([handoff]);

    await user.click(within(detail()).getByRole('button', { name: 'Return to SDR…' }));
    let dialog = screen.getByRole('dialog', { name: 'Return to 李雷' });
    const reason = within(dialog).getByRole('textbox', { name: 'Why are you returning it?' });
    expect(reason).toHaveFocus();

    // No reason: refused, nothing written.
    await user.keyboard('{Enter}');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Give a reason.');
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(await db.outbox.count()).toBe(0);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await db.outbox.count()).toBe(0);

    await user.click(within(detail()).getByRole('button', { name: 'Return to SDR…' }));
    dialog = screen.getByRole('dialog', { name: 'Return to 李雷' });
    await user.click(within(dialog).getByRole('button', { name: 'Not my territory or product line' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Why are you returning it?' }), '{Shift>}{Enter}{/Shift}East region belongs to Li Wei');
    await user.keyboard('{Enter}');

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ name: 'handoff.return', args: { id: handoff.id, at: ANSWERED_AT, reason: 'Not my territory or product line\nEast region belongs to Li Wei' } });
    expect(await db.handoffs.get(handoff.id)).toMatchObject({ status: 'returned', statusReason: 'Not my territory or product line\nEast region belongs to Li Wei' });
    expect(screen.getByText('Acme Robotics was returned to 李雷.')).toBeInTheDocument();
  });

  it('returns with Ctrl+Enter and the R key opens the dialog', async () => {
    const handoff = fullHandoff();
    const { user } = await renderInbox([handoff]);

    await user.keyboard('r');
    const dialog = screen.getByRole('dialog', { name: 'Return to 李雷' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Why are you returning it?' }), 'Too early');
    await user.keyboard('{Control>}{Enter}{/Control}');

    await waitFor(async () => expect((await db.outbox.toArray()).map((e) => e.name)).toEqual(['handoff.return']));
  });

  it('shows a recalled hand-off as recalled, with nothing to do', async () => {
    const recalled = deliveredHandoff({ company: 'Recalled Co' }, { status: 'recalled', statusReason: 'Prospect asked to wait', updatedAt: HANDED_OFF_AT + HOUR });
    const { user } = await renderInbox([recalled]);

    await user.click(screen.getByRole('tab', { name: /^Answered/ }));
    const pane = detail();
    expect(within(pane).getByRole('heading', { name: 'Recalled Co' })).toBeInTheDocument();
    expect(pane).toHaveTextContent('Recalled by 李雷');
    expect(pane).toHaveTextContent('Prospect asked to wait');
    expect(within(pane).queryByRole('button', { name: /Accept/ })).not.toBeInTheDocument();
    expect(within(pane).queryByRole('button', { name: 'Return to SDR…' })).not.toBeInTheDocument();

    // The A key does nothing either.
    await user.keyboard('a');
    expect(await db.outbox.count()).toBe(0);
  });

  it('shows who answered and how the CRM delivery goes', async () => {
    const failing = deliveredHandoff(
      { company: 'Failing Co' },
      { status: 'accepted', actedBy: '王强', updatedAt: HANDED_OFF_AT + 2000, crm: { status: 'failing', attempts: 3, lastError: 'HTTP 502 from CRM', at: HANDED_OFF_AT + 3000 } },
    );
    const delivered = deliveredHandoff({ company: 'Delivered Co' }, { status: 'accepted', actedBy: '张伟', updatedAt: HANDED_OFF_AT + 1000, crm: { status: 'delivered', attempts: 1, lastError: '', at: HANDED_OFF_AT + 1500 } });
    const { user } = await renderInbox([failing, delivered]);

    await user.click(screen.getByRole('tab', { name: /^Answered/ }));
    const list = screen.getByRole('listbox', { name: 'Hand-offs answered, latest first' });
    expect(within(list).getByRole('option', { name: /Failing Co/ })).toHaveTextContent('Accepted by 王强');
    expect(within(list).getByRole('option', { name: /Failing Co/ })).toHaveTextContent('CRM: failing, retrying (HTTP 502 from CRM)');
    expect(within(list).getByRole('option', { name: /Delivered Co/ })).toHaveTextContent('CRM: delivered');
  });
});

describe('SalesInbox keyboard', () => {
  it('moves with j/k and arrows, opens with Enter and accepts with A', async () => {
    const a = deliveredHandoff({ company: 'First Co' }, { createdAt: HANDED_OFF_AT });
    const b = deliveredHandoff({ company: 'Second Co' }, { createdAt: HANDED_OFF_AT - 1000 });
    const c = deliveredHandoff({ company: 'Third Co' }, { createdAt: HANDED_OFF_AT - 2000 });
    const { user, list } = await renderInbox([a, b, c]);
    const selected = () => within(list).getAllByRole('option').find((o) => o.getAttribute('aria-selected') === 'true');

    expect(selected()).toHaveTextContent('First Co');
    await user.keyboard('j');
    expect(list).toHaveFocus();
    expect(selected()).toHaveTextContent('Second Co');
    await user.keyboard('{ArrowDown}');
    expect(selected()).toHaveTextContent('Third Co');
    await user.keyboard('k');
    expect(selected()).toHaveTextContent('Second Co');
    expect(list).toHaveAttribute('aria-activedescendant', selected()!.id);

    await user.keyboard('{Enter}');
    expect(within(detail()).getByRole('heading', { level: 2, name: 'Second Co' })).toHaveFocus();

    await user.keyboard('a');
    await waitFor(async () => expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ name: 'handoff.accept', args: expect.objectContaining({ id: b.id }) })]));
    // The next one waiting takes its place.
    await waitFor(() => expect(within(detail()).getByRole('heading', { level: 2 })).toHaveTextContent('Third Co'));
  });
});

describe('SalesInbox in Chinese', () => {
  it('speaks Chinese to Chinese sales staff', async () => {
    const handoff = deliveredHandoff({ company: '甲乙测试科技有限公司' }, { status: 'delivered' });
    const { user } = await renderInbox([handoff], 'zh-CN');

    expect(screen.getByRole('tab', { name: /^待处理/ })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: /^已处理/ })).toBeInTheDocument();
    const pane = screen.getByRole('region', { name: '移交详情' });
    expect(within(pane).getByRole('button', { name: /接受/ })).toBeInTheDocument();
    expect(within(pane).getByRole('region', { name: 'SDR 摘要' })).toBeInTheDocument();
    expect(within(pane).getByRole('region', { name: '需求挖掘问答' })).toHaveTextContent('没有记录问答。');
    expect(screen.getByRole('option', { name: /甲乙测试科技有限公司/ })).toHaveTextContent('来自 李雷');
    expect(screen.getByRole('option', { name: /甲乙测试科技有限公司/ })).toHaveTextContent('营销自动化 · 50万');

    await user.click(within(pane).getByRole('button', { name: '退回给 SDR…' }));
    const dialog = screen.getByRole('dialog', { name: '退回给 李雷' });
    expect(within(dialog).getByRole('group', { name: '常用原因' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: '退回给 SDR' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('请填写退回原因。');
  });
});
