import { afterEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { TeamReport } from '../../shared/api/reports';
import type { ReviewCallDetail, ReviewCallList } from '../../shared/api/review';
import type { Call } from '../../shared/model/call';
import type { Lead } from '../../shared/model/lead';
import { DEFAULT_PLAYBOOK } from '../../shared/playbook/defaults';
import { makeCall, makeHandoff, makeNote, makeStatusEvent, makeTagsEvent } from '../helpers/discoveryFactory';
import { makeLead } from '../helpers/leadFactory';
import { DIALECTS } from '../helpers/serverDb';
import { RawClient, startTeamServer, type Account, type TeamServer } from '../helpers/teamServer';

const servers: TeamServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

/** Shanghai wall-clock time (UTC+8, no daylight saving) in March 2026. */
const T = (day: number, hh: number, mm: number, ss = 0) => Date.UTC(2026, 2, day, hh - 8, mm, ss);
const MIN = 60_000;

async function get<T>(server: TeamServer, who: Account, url: string): Promise<{ status: number; body: T }> {
  const res = await server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${who.token}` } });
  return { status: res.statusCode, body: res.json() as T };
}

/**
 * The fixture team: two SDRs and a sales rep over 10–11 March 2026 in Shanghai, with a call across
 * midnight, a call at 00:30 local (still the 9th in UTC), a lead returned then handed off again
 * and accepted, a lead with no source or campaign, calls outside the period, a WeChat touch.
 */
async function fixture(make: (typeof DIALECTS)[number][1]) {
  const server = await startTeamServer(make);
  servers.push(server);
  const teamId = await server.team('华东一组');
  const li = await server.user('sdr', teamId, '李雷');
  const han = await server.user('sdr', teamId, '韩梅梅');
  const sam = await server.user('sales', teamId, 'Sam');
  const boss = await server.user('lead', teamId, '王经理');
  const a = new RawClient(server, li);
  const b = new RawClient(server, han);
  const s = new RawClient(server, sam);

  const working = (o: Partial<Lead>) => makeLead({ status: 'working', ...o });
  const L1 = working({ company: '甲公司', sourceChannel: 'website_form', campaign: '春季活动', createdAt: T(10, 9, 0), tags: ['pain-budget'] });
  const L2 = working({ company: '乙公司', sourceChannel: 'webinar', campaign: '', createdAt: T(10, 23, 50) });
  const L3 = working({ company: '丙公司', sourceChannel: 'other', campaign: '', createdAt: T(11, 10, 0) });
  const L4 = working({ company: 'Delta Ltd', kind: 'outbound', sourceChannel: 'cold_list', campaign: 'Q1 名单', createdAt: T(10, 8, 0) });
  const L5 = working({ company: '戊公司', sourceChannel: 'website_form', campaign: '春季活动', createdAt: T(11, 20, 0) });
  const L6 = working({ company: '己公司', sourceChannel: 'event', campaign: '', createdAt: T(10, 12, 0) });

  const done = (lead: Lead, start: number, talkS: number | null, o: Partial<Call> = {}): Call =>
    makeCall(lead, {
      startedAt: start,
      connectedAt: talkS === null ? null : start + 10_000,
      endedAt: start + 10_000 + (talkS ?? 20) * 1000,
      wrappedUpAt: start + 10_000 + (talkS ?? 20) * 1000 + 5000,
      disposition: talkS === null ? 'no-answer' : 'connected-conversation',
      ...o,
    });
  const c1 = done(L1, T(10, 9, 5), 300, { scriptId: 's1', scriptVersion: 1, answers: { q1: '预算已批准，Q3 上线', q2: '' } });
  const c2 = done(L2, T(10, 23, 58), 270, { scriptId: 's1', scriptVersion: 1, answers: { q1: 'Budget: 50% approved' } });
  const touch = done(L2, T(11, 9, 30), null, { channel: 'wechat', via: 'touch', number: '', disposition: 'connected-conversation' });
  const late = done(L1, T(12, 10, 0), 60);
  const early = done(L4, T(9, 23, 59), null);
  const c4a = done(L4, T(10, 0, 30), null);
  const c4b = done(L4, T(11, 14, 0), 60);
  const c6 = done(L6, T(10, 12, 30), 30, { scriptId: 's1', scriptVersion: 1, answers: { q2: ['a', 'b'] } });

  const h1 = makeHandoff(L1, { createdAt: T(10, 10, 0), updatedAt: T(10, 10, 0), owner: { id: sam.id, name: 'Sam' } });
  const h2 = makeHandoff(L2, { createdAt: T(11, 9, 0), updatedAt: T(11, 9, 0), owner: { id: sam.id, name: 'Sam' } });
  const h2b = makeHandoff(L2, { createdAt: T(11, 15, 0), updatedAt: T(11, 15, 0), owner: { id: sam.id, name: 'Sam' } });
  const h6 = makeHandoff(L6, { createdAt: T(10, 13, 0), updatedAt: T(10, 13, 0), owner: { id: sam.id, name: 'Sam' } });

  const ok = (r: Awaited<ReturnType<RawClient['push']>>) => expect(r.results.map((x) => x.status === 'applied' ? 'applied' : `${x.status}: ${'message' in x ? x.message : ''}`)).toEqual(r.results.map(() => 'applied'));
  ok(
    await a.push(
      ...[L1, L2, L3].map((lead) => a.mutation('lead.create', { lead })),
      ...[c1, c2, touch, late].map((call) => a.mutation('call.start', { call })),
      a.mutation('note.add', { note: makeNote(L1, { callId: c1.id, text: '客户提到 100% 预算 and a_b test' }) }),
      a.mutation('handoff.create', { handoff: h1, event: makeStatusEvent(L1, 'mql', { at: T(10, 10, 0) }) }),
      a.mutation('handoff.create', { handoff: h2, event: makeStatusEvent(L2, 'mql', { at: T(11, 9, 0) }) }),
    ),
  );
  ok(
    await b.push(
      ...[L4, L5, L6].map((lead) => b.mutation('lead.create', { lead })),
      ...[early, c4a, c4b, c6].map((call) => b.mutation('call.start', { call })),
      b.mutation('lead.transition', { event: makeStatusEvent(L4, 'nurturing', { at: T(11, 14, 10), reason: '明年预算', nextTouchAt: T(11, 14, 10) + 90 * 24 * 60 * MIN }) }),
      b.mutation('handoff.create', { handoff: h6, event: makeStatusEvent(L6, 'mql', { at: T(10, 13, 0) }) }),
    ),
  );
  ok(
    await s.push(
      s.mutation('handoff.accept', { id: h1.id, eventId: uuidv7(), at: T(10, 11, 0) }),
      s.mutation('handoff.return', { id: h2.id, eventId: uuidv7(), at: T(11, 10, 0), reason: '预算不足' }),
      s.mutation('handoff.return', { id: h6.id, eventId: uuidv7(), at: T(10, 17, 0), reason: 'Not the decision maker' }),
    ),
  );
  ok(await a.push(a.mutation('handoff.create', { handoff: h2b, event: makeStatusEvent({ ...L2, status: 'returned' }, 'mql', { at: T(11, 15, 0) }) })));
  ok(await s.push(s.mutation('handoff.accept', { id: h2b.id, eventId: uuidv7(), at: T(11, 16, 0) })));
  return { server, teamId, li, han, sam, boss, a, b, calls: { c1, c2, c4a, c4b, c6, touch, late, early }, leads: { L1, L2, L3, L4, L5, L6 } };
}

const PERIOD = 'from=2026-03-10&to=2026-03-11&tz=Asia%2FShanghai';

describe.each(DIALECTS)('reports and review on %s', (_name, make) => {
  it('computes the team report as counted by hand', async () => {
    const { server, boss, li, han } = await fixture(make);
    const { status, body } = await get<TeamReport>(server, boss, `/api/reports/team?${PERIOD}`);
    expect(status).toBe(200);
    expect(body.team).toEqual({
      sdrId: null,
      name: '',
      dials: 5,
      conversations: 4,
      connectRate: 0.8,
      talkSeconds: 660,
      touches: 1,
      speedToLead: { medianMs: 8 * MIN, p90Ms: 30 * MIN, called: 3, notCalled: 2 },
      mqls: 4,
      sqls: 2,
      returned: 2,
      acceptanceRate: 0.5,
      nurtured: 1,
    });
    const byId = new Map(body.sdrs.map((r) => [r.sdrId, r]));
    expect(byId.get(li.id)).toMatchObject({ name: '李雷', dials: 2, conversations: 2, talkSeconds: 570, touches: 1, speedToLead: { medianMs: 5 * MIN, p90Ms: 8 * MIN, called: 2, notCalled: 1 }, mqls: 3, sqls: 2, returned: 1, nurtured: 0 });
    expect(byId.get(li.id)!.acceptanceRate).toBeCloseTo(2 / 3);
    expect(byId.get(han.id)).toMatchObject({ name: '韩梅梅', dials: 3, conversations: 2, talkSeconds: 90, speedToLead: { medianMs: 30 * MIN, p90Ms: 30 * MIN, called: 1, notCalled: 1 }, mqls: 1, sqls: 0, returned: 1, acceptanceRate: 0, nurtured: 1 });
    // The call at 23:58 counts on the 10th although it ended on the 11th; 00:30 on the 10th in Shanghai is the 9th in UTC.
    expect(body.daily).toEqual([
      { date: '2026-03-10', dials: 4, conversations: 3, mqls: 2, sqls: 1 },
      { date: '2026-03-11', dials: 1, conversations: 1, mqls: 2, sqls: 1 },
    ]);
    expect(body.returnReasons).toEqual([
      { reason: 'Not the decision maker', count: 1 },
      { reason: '预算不足', count: 1 },
    ]);
    expect(body.campaigns).toEqual([
      { channel: 'website_form', campaign: '春季活动', leads: 2, contacted: 1, mqls: 1, sqls: 1 },
      { channel: 'cold_list', campaign: 'Q1 名单', leads: 1, contacted: 1, mqls: 0, sqls: 0 },
      { channel: 'event', campaign: null, leads: 1, contacted: 1, mqls: 1, sqls: 0 },
      { channel: 'other', campaign: null, leads: 1, contacted: 0, mqls: 0, sqls: 0 },
      { channel: 'webinar', campaign: null, leads: 1, contacted: 1, mqls: 1, sqls: 1 },
    ]);
    expect(body.channels.find((c) => c.channel === 'website_form')).toEqual({ channel: 'website_form', campaign: null, leads: 2, contacted: 1, mqls: 1, sqls: 1 });
    expect(body.scriptInsight).toEqual([
      { scriptId: 's1', questionId: 'q1', acceptedCalls: 2, acceptedAnswered: 2, returnedCalls: 1, returnedAnswered: 0 },
      { scriptId: 's1', questionId: 'q2', acceptedCalls: 2, acceptedAnswered: 0, returnedCalls: 1, returnedAnswered: 1 },
    ]);
  });

  it('reads the period in the viewer’s zone: in Berlin the 00:30 Shanghai call is on the 9th', async () => {
    const { server, boss } = await fixture(make);
    const { body } = await get<TeamReport>(server, boss, '/api/reports/team?from=2026-03-10&to=2026-03-10&tz=Europe%2FBerlin');
    // Berlin (UTC+1): the 10th runs 07:00 on the 10th to 07:00 on the 11th in Shanghai.
    // Dials then: L6 12:30, L2 23:58 (the 10th), L4 14:00 on the 11th is after; L1 09:05 yes; L4 00:30 no.
    expect(body.team.dials).toBe(3);
    expect(body.daily).toEqual([{ date: '2026-03-10', dials: 3, conversations: 3, mqls: 2, sqls: 1 }]);
  });

  it('lists calls with every filter, searches Chinese and English literally, and pages', async () => {
    const { server, boss, li, han, calls, a, leads } = await fixture(make);
    const list = async (extra = '') => {
      const res = await get<ReviewCallList>(server, boss, `/api/review/calls?${PERIOD}${extra}`);
      expect(res.status).toBe(200);
      return res.body;
    };
    const all = await list();
    expect(all.total).toBe(6);
    expect(all.calls.map((c) => c.id)).toEqual([calls.c4b, calls.touch, calls.c2, calls.c6, calls.c1, calls.c4a].map((c) => c.id));
    expect(all.calls[0]).toMatchObject({ company: 'Delta Ltd', sdrName: '韩梅梅', talkSeconds: 60, connected: true, outcome: 'none' });
    expect((await list(`&sdr=${li.id}`)).calls.map((c) => c.id)).toEqual([calls.touch.id, calls.c2.id, calls.c1.id]);
    expect((await list(`&sdr=${han.id}&channel=phone`)).total).toBe(3);
    expect((await list('&disposition=no-answer')).calls.map((c) => c.id)).toEqual([calls.c4a.id]);
    expect((await list('&channel=wechat')).calls.map((c) => c.id)).toEqual([calls.touch.id]);
    expect((await list('&tag=pain-budget')).calls.map((c) => c.id)).toEqual([calls.c1.id]);
    expect((await list('&script=s1')).total).toBe(3);
    expect((await list('&outcome=accepted')).calls.map((c) => c.id).sort()).toEqual([calls.c1.id, calls.c2.id, calls.touch.id].sort());
    expect((await list('&outcome=returned')).calls.map((c) => c.id)).toEqual([calls.c6.id]);
    expect((await list('&outcome=none')).total).toBe(2);
    // Answers and notes, any case, any script; the words are literal, not patterns.
    expect((await list(`&q=${encodeURIComponent('预算')}`)).calls.map((c) => c.id)).toEqual([calls.c1.id]);
    expect((await list(`&q=${encodeURIComponent('BUDGET 50%')}`)).calls.map((c) => c.id)).toEqual([calls.c2.id]);
    expect((await list(`&q=${encodeURIComponent('100%')}`)).calls.map((c) => c.id)).toEqual([calls.c1.id]);
    expect((await list(`&q=${encodeURIComponent('a_b')}`)).calls.map((c) => c.id)).toEqual([calls.c1.id]);
    expect((await list(`&q=${encodeURIComponent('%')}`)).calls.map((c) => c.id).sort()).toEqual([calls.c1.id, calls.c2.id].sort());
    expect((await list(`&q=${encodeURIComponent("'; drop table rv_calls; --")}`)).total).toBe(0);
    expect((await list(`&q=${encodeURIComponent('.*')}`)).total).toBe(0);
    // Pages follow each other with no gap or repeat.
    const first = await list('&limit=4');
    expect(first.calls).toHaveLength(4);
    expect(first.total).toBe(6);
    const second = await list(`&limit=4&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.nextCursor).toBeNull();
    expect([...first.calls, ...second.calls].map((c) => c.id)).toEqual(all.calls.map((c) => c.id));
    // A tag added later is filtered on at once; an edit of other fields leaves the rest as it was.
    expect((await a.push(a.mutation('lead.tags', { event: makeTagsEvent(leads.L2, ['pain-budget'], [], T(12, 8, 0)) }), a.mutation('lead.update', { id: leads.L2.id, patch: { title: 'CMO' }, updatedAt: T(12, 8, 1) }))).results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await list('&tag=pain-budget')).calls.map((c) => c.id)).toEqual([calls.touch.id, calls.c2.id, calls.c1.id]);
    expect((await list(`&q=${encodeURIComponent('预算')}&tag=pain-budget`)).calls.map((c) => c.company)).toEqual(['甲公司']);
  });

  it('refuses bad queries naming the parameter', async () => {
    const { server, boss } = await fixture(make);
    const bad = async (query: string, path: string, message: RegExp) => {
      const res = await get<{ error: { code: string; fields: { path: string; message: string }[] } }>(server, boss, `/api/review/calls?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toContainEqual({ path, message: expect.stringMatching(message) });
    };
    await bad('from=2026-03-11&to=2026-03-10&tz=Asia%2FShanghai', 'to', /ends before it starts/);
    await bad('from=2025-01-01&to=2026-03-10&tz=Asia%2FShanghai', 'to', /longer than 366 days/);
    await bad('from=2026-02-30&to=2026-03-10&tz=Asia%2FShanghai', 'from', /not a calendar date/);
    await bad('from=2026-03-01&to=2026-03-10&tz=Mars%2FOlympus', 'tz', /not a time zone/);
    await bad(`${PERIOD}&q=${'x'.repeat(201)}`, 'q', /longer than 200/);
    await bad(`${PERIOD}&cursor=${encodeURIComponent("1' or 1=1")}`, 'cursor', /not a cursor/);
    await bad(`${PERIOD}&limit=100000`, 'limit', /.+/);
    await bad(`${PERIOD}&sneaky=1`, 'sneaky', /.*/);
    const report = await get<{ error: { fields: { path: string }[] } }>(server, boss, '/api/reports/team?from=2026-03-11&to=2026-03-10&tz=UTC');
    expect(report.status).toBe(400);
    expect(report.body.error.fields[0]!.path).toBe('to');
  });

  it('opens a call with its lead, notes, timeline and the reviews; a review reaches only that SDR', async () => {
    const { server, boss, li, han, a, b, calls, leads } = await fixture(make);
    const lead = new RawClient(server, boss);
    const review = { id: uuidv7(), callId: calls.c1.id, leadId: leads.L1.id, comment: '探询很到位，下一步没约时间', scores: { 'discovery-depth': 5, 'next-step': 2 }, criteria: DEFAULT_PLAYBOOK.scorecard, at: T(12, 9, 0) };
    expect((await lead.push(lead.mutation('review.add', { review }))).results[0]).toMatchObject({ status: 'applied' });
    const { status, body } = await get<ReviewCallDetail>(server, boss, `/api/review/calls/${calls.c1.id}`);
    expect(status).toBe(200);
    expect(body.call.answers).toEqual(calls.c1.answers);
    expect(body.sdrName).toBe('李雷');
    expect(body.lead.company).toBe('甲公司');
    expect(body.notes.map((n) => n.text)).toEqual(['客户提到 100% 预算 and a_b test']);
    expect(body.calls.map((c) => c.id)).toEqual([calls.c1.id, calls.late.id]);
    expect(body.handoffs.map((h) => h.status)).toEqual(['accepted']);
    expect(body.reviews).toEqual([expect.objectContaining({ id: review.id, sdrId: li.id, sdrName: '李雷', reviewer: '王经理', scores: review.scores })]);
    const listed = await get<ReviewCallList>(server, boss, `/api/review/calls?${PERIOD}&reviewed=yes`);
    expect(listed.body.calls).toEqual([expect.objectContaining({ id: calls.c1.id, reviews: 1, lastScore: 3.5 })]);

    // 李雷 pulls it; 韩梅梅 never sees it, even after taking the lead over.
    expect((await a.pullAll()).filter((c) => c.kind === 'review').map((c) => c.id)).toEqual([review.id]);
    expect((await b.pullAll()).filter((c) => c.kind === 'review' && c.data !== null)).toEqual([]);
    const leadRows = await get<{ changes: { kind: string }[] }>(server, han, `/api/sync/leads/${leads.L6.id}`);
    expect(leadRows.body.changes.filter((c) => c.kind === 'review')).toEqual([]);
    void li;
  });

  it('keeps the review workspace, reports and reviewing to team leads of the team', async () => {
    const { server, li, sam, calls, leads } = await fixture(make);
    const otherTeam = await server.team('华南二组');
    const otherLead = await server.user('lead', otherTeam, 'Other Lead');
    for (const who of [li, sam]) {
      expect((await get(server, who, `/api/review/calls?${PERIOD}`)).status).toBe(403);
      expect((await get(server, who, `/api/review/calls/${calls.c1.id}`)).status).toBe(403);
      expect((await get(server, who, `/api/reports/team?${PERIOD}`)).status).toBe(403);
    }
    expect((await get(server, server as unknown as Account, `/api/reports/team?${PERIOD}`)).status).toBe(401);
    // Another team's lead sees none of it: the call answers like a missing one.
    expect((await get<ReviewCallList>(server, otherLead, `/api/review/calls?${PERIOD}`)).body.total).toBe(0);
    expect((await get(server, otherLead, `/api/review/calls/${calls.c1.id}`)).status).toBe(404);
    expect((await get<TeamReport>(server, otherLead, `/api/reports/team?${PERIOD}`)).body.team.dials).toBe(0);
    const review = { id: uuidv7(), callId: calls.c1.id, leadId: leads.L1.id, comment: 'x', scores: {}, criteria: DEFAULT_PLAYBOOK.scorecard, at: T(12, 9, 0) };
    const sdr = new RawClient(server, li);
    expect((await sdr.push(sdr.mutation('review.add', { review }))).results[0]).toMatchObject({ status: 'rejected', code: 'auth.forbidden' });
    const stranger = new RawClient(server, otherLead);
    expect((await stranger.push(stranger.mutation('review.add', { review }))).results[0]).toMatchObject({ status: 'rejected', code: 'call.notFound' });
  });
});
