import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/db';
import { DEFAULT_TEAM_PLAYBOOK } from '../../../renderer/features/playbook';
import { ReviewWorkspace } from '../../../renderer/features/review';
import { rememberOpenedCall } from '../../../renderer/features/review/mutations';
import type { ServerTransport } from '../../../renderer/platform/server';
import { formatDateTime } from '../../../renderer/ui/format';
import type { ReviewCallList } from '../../../shared/api/review';
import { localDate } from '../../../shared/rules/period';
import { renderWithI18n } from '../../helpers/renderWithI18n';
import { callFixture, fakeServer, makeReview, MEMBERS, ok, refusal, type CallFixture } from './reviewFixtures';

const NOW = Date.UTC(2025, 5, 15, 10, 0, 0);
const TZ = Intl.DateTimeFormat().resolvedOptions().timeZone;
const TAGS: Record<string, string> = { 'need.exploring': 'Exploring options' };
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

async function renderWorkspace(server: ServerTransport, options: { language?: 'en' | 'zh-CN'; online?: boolean } = {}) {
  const view = await renderWithI18n(
    <ReviewWorkspace server={server} online={options.online} members={MEMBERS} playbook={DEFAULT_TEAM_PLAYBOOK} tagLabel={tagLabel} now={NOW} />,
    options.language ?? 'en',
  );
  return { ...view, user: userEvent.setup() };
}

async function listOf(name: string) {
  const list = await screen.findByRole('listbox', { name });
  await waitFor(() => expect(within(list).getAllByRole('option').length).toBeGreaterThan(0));
  return list;
}

const pane = () => screen.getByRole('region', { name: 'Call under review' });

async function openCall(user: ReturnType<typeof userEvent.setup>, company: string) {
  const list = await listOf('Calls in the period, newest first');
  await user.click(within(list).getByText(company));
  return within(pane()).findByRole('heading', { level: 2, name: company });
}

describe('ReviewWorkspace list', () => {
  it('lists the calls of the last 30 days with who, how it went and whether it was reviewed', async () => {
    const reviewed = callFixture({ company: 'Acme Robotics', row: { reviews: 2, lastScore: 4.5, outcome: 'accepted' } });
    const fresh = callFixture({ company: 'Beta Foods', contactName: 'Ada Lovelace', row: { channel: 'wechat', disposition: 'no-answer', connected: false, talkSeconds: 0, outcome: 'none', sdrName: '韩梅梅' } });
    const fake = fakeServer({ list: () => ok({ calls: [reviewed.row, fresh.row], total: 1234, nextCursor: null } satisfies ReviewCallList) });
    await renderWorkspace(fake.server);

    const list = await listOf('Calls in the period, newest first');
    expect(screen.getByText('1,234 calls')).toBeInTheDocument();
    const [first, second] = within(list).getAllByRole('option');
    expect(first).toHaveTextContent('Acme Robotics');
    expect(first).toHaveTextContent('Grace Hopper');
    expect(first).toHaveTextContent('李雷');
    expect(first).toHaveTextContent(formatDateTime(reviewed.row.startedAt, 'en'));
    expect(first).toHaveTextContent('Phone');
    expect(first).toHaveTextContent('Connected – conversation held · 03:10');
    expect(first).toHaveTextContent('Accepted');
    expect(first).toHaveTextContent('Reviewed · 4.5');
    expect(second).toHaveTextContent('Beta Foods');
    expect(second).toHaveTextContent('韩梅梅');
    expect(second).toHaveTextContent('WeChat');
    expect(second).toHaveTextContent('No answer');
    expect(second).not.toHaveTextContent('Reviewed');
    expect(second).not.toHaveTextContent('00:00');

    // The last 30 days in the reviewer's own zone, today included.
    const [query] = fake.listQueries();
    const today = localDate(NOW, TZ);
    expect(Object.fromEntries(query!)).toEqual({ from: screen.getByLabelText<HTMLInputElement>('From').value, to: today, tz: TZ, limit: '50' });
    const days = (Date.parse(query!.get('to')!) - Date.parse(query!.get('from')!)) / 86_400_000 + 1;
    expect(days).toBe(30);
  });

  it('sends each filter in the query string, and the search once typing pauses', async () => {
    const fake = fakeServer({ calls: [callFixture()] });
    const { user } = await renderWorkspace(fake.server);
    await listOf('Calls in the period, newest first');
    const last = () => Object.fromEntries(fake.listQueries().at(-1)!);

    const choices: [string, string, string, string][] = [
      ['SDR', '韩梅梅', 'sdr', 'u-han'],
      ['Disposition', 'Left a voicemail', 'disposition', 'voicemail'],
      ['Channel', 'WeChat', 'channel', 'wechat'],
      ['Tag', 'Exploring options', 'tag', 'need.exploring'],
      ['Script', 'Outbound discovery', 'script', 'outbound-default'],
      ['Hand-off outcome', 'Hand-off returned', 'outcome', 'returned'],
      ['Reviewed', 'Not reviewed yet', 'reviewed', 'no'],
    ];
    for (const [label, option, param, value] of choices) {
      await user.selectOptions(screen.getByRole('combobox', { name: label }), option);
      await waitFor(() => expect(last()[param]).toBe(value));
    }
    expect(last()).toMatchObject({ sdr: 'u-han', disposition: 'voicemail', channel: 'wechat', tag: 'need.exploring', script: 'outbound-default', outcome: 'returned', reviewed: 'no' });

    const before = fake.listQueries().length;
    await user.type(screen.getByRole('searchbox', { name: 'Search answers and notes' }), '预算 CFO');
    await waitFor(() => expect(last().q).toBe('预算 CFO'));
    // One request for the whole phrase, none per keystroke.
    expect(fake.listQueries().slice(before).map((q) => q.get('q'))).toEqual(['预算 CFO']);

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(Object.keys(last()).sort()).toEqual(['from', 'limit', 'to', 'tz']));
  });

  it('shows a reversed period beside the field without asking the server', async () => {
    const fake = fakeServer({ calls: [callFixture()] });
    await renderWorkspace(fake.server);
    await listOf('Calls in the period, newest first');
    const asked = fake.requests.length;

    const to = screen.getByLabelText('To');
    fireEvent.change(to, { target: { value: '2025-01-01' } });

    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(to).toHaveAccessibleDescription('The period ends before it starts.');
    expect(screen.getByText('Fix the period to see calls.')).toBeInTheDocument();
    expect(within(screen.getByRole('listbox', { name: 'Calls in the period, newest first' })).queryAllByRole('option')).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(fake.requests).toHaveLength(asked);
  });

  it('shows what the server refused beside the field it names', async () => {
    const fake = fakeServer({ list: (params) => (params.get('sdr') ? refusal(400, 'invalid', 'invalid query', [{ path: 'sdr', message: 'is not on this team' }]) : ok({ calls: [callFixture().row], total: 1, nextCursor: null })) });
    const { user } = await renderWorkspace(fake.server);
    await listOf('Calls in the period, newest first');

    await user.selectOptions(screen.getByRole('combobox', { name: 'SDR' }), '韩梅梅');

    await waitFor(() => expect(screen.getByRole('combobox', { name: 'SDR' })).toHaveAccessibleDescription('is not on this team'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('names a refused parameter that no field stands for', async () => {
    const fake = fakeServer({ list: () => refusal(400, 'invalid', 'invalid query', [{ path: 'tz', message: 'is not a time zone (use a name such as Asia/Shanghai)' }]) });
    await renderWorkspace(fake.server);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong: invalid query');
    expect(alert).toHaveTextContent('tz: is not a time zone (use a name such as Asia/Shanghai)');
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(fake.listQueries()).toHaveLength(2));
  });

  it('loads the next page as the list nears its end', async () => {
    const first = [callFixture({ company: 'Page One A' }), callFixture({ company: 'Page One B' })];
    const second = [callFixture({ company: 'Page Two A' })];
    const cursor = `1750000100000:${first[1]!.row.id}`;
    const fake = fakeServer({
      list: (params) => (params.get('cursor') === cursor ? ok({ calls: second.map((f) => f.row), total: 3, nextCursor: null }) : ok({ calls: first.map((f) => f.row), total: 3, nextCursor: cursor })),
    });
    await renderWorkspace(fake.server);

    const list = await listOf('Calls in the period, newest first');
    await waitFor(() => expect(within(list).getAllByRole('option').map((o) => within(o).getByText(/^Page/).textContent)).toEqual(['Page One A', 'Page One B', 'Page Two A']));
    const queries = fake.listQueries();
    expect(queries).toHaveLength(2);
    expect(queries[1]!.get('cursor')).toBe(cursor);
    expect(queries[1]!.get('from')).toBe(queries[0]!.get('from'));
  });

  it('moves with j/k and opens the call with Enter', async () => {
    const fixtures = [callFixture({ company: 'First Co' }), callFixture({ company: 'Second Co' })];
    const fake = fakeServer({ calls: fixtures });
    const { user } = await renderWorkspace(fake.server);
    const list = await listOf('Calls in the period, newest first');

    await user.keyboard('jj');
    expect(list).toHaveFocus();
    expect(within(list).getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('k');
    expect(within(list).getAllByRole('option')[0]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('j{Enter}');

    expect(await within(pane()).findByRole('heading', { level: 2, name: 'Second Co' })).toBeInTheDocument();
    expect(fake.requests.at(-1)?.path).toBe(`/api/review/calls/${fixtures[1]!.row.id}`);
  });
});

describe('ReviewWorkspace call', () => {
  it('shows the script with the answers given, the notes, tags and the lead’s story around the call', async () => {
    const fixture = callFixture();
    const { user } = await renderWorkspace(fakeServer({ calls: [fixture] }).server);
    await openCall(user, 'Acme Robotics');

    const facts = within(pane()).getByLabelText('About this call');
    expect(facts).toHaveTextContent('李雷');
    expect(facts).toHaveTextContent('Connected – conversation held');
    expect(facts).toHaveTextContent('03:10');
    expect(facts).toHaveTextContent('inbound-default v1');

    const script = within(pane()).getByRole('region', { name: 'Script and answers' });
    const trigger = within(script).getByText(/What prompted you to look into this now\?/);
    expect(trigger.closest('div')).toHaveTextContent('New growth targets from the board');
    const interest = within(script).getByText('Which of these is closest to what you were looking into?');
    expect(interest.closest('div')).toHaveTextContent('Marketing automation: campaigns and nurturing');
    const teamSize = within(script).getByText('How many people are on your marketing team today?');
    expect(teamSize.closest('div')).toHaveTextContent('Not answered');
    expect(script).toHaveTextContent('2 of');

    const notes = within(pane()).getByRole('region', { name: 'Notes' });
    expect(within(notes).getByRole('region', { name: 'Written on this call' })).toHaveTextContent('Budget owner is the CFO; follow up on Friday');
    expect(within(notes).getByRole('region', { name: 'Other notes on this lead' })).toHaveTextContent('Downloaded the automation guide');
    expect(within(pane()).getByRole('region', { name: 'Tags' })).toHaveTextContent('Exploring options');

    const story = within(pane()).getByRole('region', { name: 'Around this call' });
    const items = within(story).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringContaining('No answer'),
      expect.stringContaining('New → Working'),
      expect.stringContaining('This call'),
      expect.stringContaining('Handed off to 张伟'),
    ]);
    expect(items[2]).toHaveAttribute('aria-current', 'true');
    expect(items[3]).toHaveTextContent('Returned');
    expect(items[3]).toHaveTextContent('No budget this year');

    // Kept for offline reviewing.
    await waitFor(async () => expect(await db.reviewCache.get(fixture.row.id)).toBeDefined());
  });

  it('renders the questions of the script version the server sent with the call', async () => {
    const fixture = callFixture();
    const published = {
      id: 'inbound-default',
      version: 1,
      name: 'Team inbound',
      locale: 'en',
      kind: 'inbound',
      industry: '',
      sections: [{ id: 'why', title: 'Why now', questions: [{ id: 'trigger', text: 'What made you reach out this week?', intent: '', type: 'text' }] }],
    };
    const withScript: CallFixture = { ...fixture, detail: { ...fixture.detail, script: published } };
    const { user } = await renderWorkspace(fakeServer({ calls: [withScript] }).server);
    await openCall(user, 'Acme Robotics');

    const script = within(pane()).getByRole('region', { name: 'Script and answers' });
    expect(within(script).getByText('What made you reach out this week?').closest('div')).toHaveTextContent('New growth targets from the board');
    expect(script).not.toHaveTextContent('What prompted you');
    // The answer to a question this version does not have is still shown.
    expect(within(script).getByRole('region', { name: 'Answers to questions not in this script' })).toHaveTextContent('automation');
  });

  it('saves a scored review with a comment: an outbox change, shown at once, the form ready for another', async () => {
    const older = callFixture();
    const fixture: CallFixture = { ...older, detail: { ...older.detail, reviews: [makeReview(older, { criteria: [{ id: 'old-criterion', label: { en: 'Objection handling (old scorecard)', 'zh-CN': '异议处理' }, hint: null }], scores: { 'old-criterion': 3 } })] } };
    const { user } = await renderWorkspace(fakeServer({ calls: [fixture] }).server);
    await openCall(user, 'Acme Robotics');

    const reviews = within(pane()).getByRole('region', { name: 'Reviews' });
    // An older review keeps the labels of the scorecard it was scored against.
    expect(reviews).toHaveTextContent('Objection handling (old scorecard)');
    expect(reviews).toHaveTextContent('王主管');

    const depth = screen.getByRole('radiogroup', { name: 'Discovery depth' });
    expect(depth).toHaveAccessibleDescription('Asked open questions and followed up on the answers');
    await user.click(within(depth).getByRole('radio', { name: '4' }));
    await user.click(within(screen.getByRole('radiogroup', { name: 'Next step agreed' })).getByRole('radio', { name: '5' }));
    await user.type(screen.getByRole('textbox', { name: 'Comment for the SDR' }), 'Great discovery — ask for the budget owner earlier.');
    await user.keyboard('{Control>}{Enter}{/Control}');

    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    const [entry] = await db.outbox.toArray();
    expect(entry!.name).toBe('review.add');
    expect(entry!.args).toMatchObject({
      review: {
        callId: fixture.row.id,
        leadId: fixture.row.leadId,
        comment: 'Great discovery — ask for the budget owner earlier.',
        scores: { 'discovery-depth': 4, 'next-step': 5 },
        criteria: DEFAULT_TEAM_PLAYBOOK.scorecard,
      },
    });

    const entries = await within(reviews).findAllByRole('article');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toHaveTextContent('You');
    expect(entries[0]).toHaveTextContent('Waiting to sync');
    expect(entries[0]).toHaveTextContent('Average 4.5');
    expect(entries[0]).toHaveTextContent('Great discovery — ask for the budget owner earlier.');
    expect(entries[0]).toHaveTextContent('Pain confirmedNot scored');
    expect(screen.getByRole('textbox', { name: 'Comment for the SDR' })).toHaveValue('');
    expect(within(depth).getByRole('radio', { name: '4' })).not.toBeChecked();
    // The list row shows it at once, before the server counts it.
    expect(within(screen.getByRole('listbox')).getAllByRole('option')[0]).toHaveTextContent('Reviewed · 4.5');
  });

  it('refuses an empty review', async () => {
    const { user } = await renderWorkspace(fakeServer({ calls: [callFixture()] }).server);
    await openCall(user, 'Acme Robotics');

    await user.click(screen.getByRole('button', { name: 'Save review' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Give at least one score or write a comment.');
    expect(await db.outbox.count()).toBe(0);
  });

  it('says so when only a team lead may review', async () => {
    const fake = fakeServer({ list: () => ({ status: 403, body: {}, retryAfterSeconds: null }) });
    await renderWorkspace(fake.server);

    expect(await screen.findByRole('alert')).toHaveTextContent('Only team leads can review calls.');
  });
});

describe('ReviewWorkspace offline', () => {
  async function cacheCalls(...fixtures: CallFixture[]) {
    let openedAt = 1_750_001_000_000;
    for (const f of fixtures) await rememberOpenedCall(f.row, f.detail, openedAt++);
  }

  it('lists the calls opened recently when the server cannot be reached, and still takes reviews', async () => {
    const older = callFixture({ company: 'Opened First' });
    const newer = callFixture({ company: 'Opened Last' });
    await cacheCalls(older, newer);
    const { user } = await renderWorkspace(fakeServer({ unreachable: true }).server);

    expect(await screen.findByText('Offline — showing the 2 calls you opened recently')).toBeInTheDocument();
    const list = await listOf('Calls you opened recently');
    expect(within(list).getAllByRole('option').map((o) => within(o).getByText(/^Opened/).textContent)).toEqual(['Opened Last', 'Opened First']);
    // The server's filters do not apply to this device's copies.
    expect(screen.getByRole('combobox', { name: 'SDR' })).toBeDisabled();

    await user.click(within(list).getByText('Opened First'));
    expect(await within(pane()).findByRole('heading', { level: 2, name: 'Opened First' })).toBeInTheDocument();
    expect(within(pane()).getByText(/Offline: showing the copy kept on this device/)).toBeInTheDocument();
    expect(within(pane()).getByRole('region', { name: 'Notes' })).toHaveTextContent('Budget owner is the CFO');

    await user.type(screen.getByRole('textbox', { name: 'Comment for the SDR' }), 'Listened offline: good pace.');
    await user.click(screen.getByRole('button', { name: 'Save review' }));
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    expect(await within(within(pane()).getByRole('region', { name: 'Reviews' })).findByText('Listened offline: good pace.')).toBeInTheDocument();
  });

  it('does not ask the server while the app knows it is offline', async () => {
    await cacheCalls(callFixture({ company: 'Opened First' }));
    const fake = fakeServer({ calls: [callFixture()] });
    const { user } = await renderWorkspace(fake.server, { online: false });

    const list = await listOf('Calls you opened recently');
    await user.click(within(list).getByText('Opened First'));
    expect(await within(pane()).findByRole('heading', { level: 2, name: 'Opened First' })).toBeInTheDocument();
    expect(fake.requests).toHaveLength(0);
  });

  it('says a call never opened here cannot be shown offline', async () => {
    const fixture = callFixture({ company: 'Never Opened' });
    let reachable = true;
    const fake = fakeServer({ calls: [fixture] });
    const flaky: ServerTransport = { ...fake.server, request: (method, path, body) => (reachable ? fake.server.request(method, path, body) : fakeServer({ unreachable: true }).server.request(method, path, body)) };
    const { user } = await renderWorkspace(flaky);
    const list = await listOf('Calls in the period, newest first');
    reachable = false;

    await user.click(within(list).getByText('Never Opened'));

    expect(await within(pane()).findByRole('alert')).toHaveTextContent('The call with Never Opened was not opened on this device before, so it cannot be shown offline.');
  });
});

describe('ReviewWorkspace in Chinese', () => {
  it('shows the labels a Chinese team lead reads', async () => {
    const fixture = callFixture({ company: '甲乙科技', row: { reviews: 1, lastScore: 3.5 } });
    const fake = fakeServer({ calls: [fixture], list: () => ok({ calls: [fixture.row], total: 1234, nextCursor: null }) });
    const { user } = await renderWorkspace(fake.server, { language: 'zh-CN' });

    const list = await listOf('所选时间段内的通话，最新的在前');
    expect(screen.getByText('共 1,234 条通话')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: '通话复盘' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: '通话结果' })).toHaveDisplayValue('全部通话结果');
    expect(screen.getByRole('combobox', { name: '移交结果' })).toBeInTheDocument();
    const row = within(list).getAllByRole('option')[0]!;
    expect(row).toHaveTextContent('已接通 – 有效沟通');
    expect(row).toHaveTextContent('已退回');
    expect(row).toHaveTextContent('已复盘 · 3.5 分');

    await user.click(within(list).getByText('甲乙科技'));
    const detail = screen.getByRole('region', { name: '正在复盘的通话' });
    expect(await within(detail).findByRole('region', { name: '话术与客户回答' })).toBeInTheDocument();
    expect(screen.getByRole('radiogroup', { name: '探询深度' })).toHaveAccessibleDescription('提出开放式问题并追问');
    expect(screen.getByRole('button', { name: '保存复盘' })).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('结束日期'), { target: { value: '2025-01-01' } });
    expect(screen.getByLabelText('结束日期')).toHaveAccessibleDescription('结束日期早于开始日期。');
  });
});
