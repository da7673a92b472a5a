import { sql, type Kysely } from 'kysely';
import type { FunnelRow, QuestionInsight, SdrMetrics, TeamReport } from '../../shared/api/reports';
import { periodBounds, periodDays, startOfDay, type Period } from '../../shared/rules/period';
import type { Database } from '../db/schema';
import { DAY_MS, QUARTER_MS } from '../review/rollups';

/**
 * A team's numbers over a period, each computed by SQL that runs the same on SQLite and
 * PostgreSQL (CASE sums, window functions, integer division; no dialect functions). Counts of
 * things that happen (dials, hand-offs, moves to nurturing) are by when they happened in the
 * period; the funnel follows the leads created in the period to wherever they are now.
 */

/** Counts are bucketed by quarter hour in SQL and folded into the viewer's days here: every zone's offset is a multiple of 15 minutes. */
/** Inlined, not bound: PostgreSQL matches a GROUP BY expression to the select list's only when both are the same text. */
const BUCKET = sql.lit(QUARTER_MS);

const n = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

interface Member {
  readonly id: string;
  readonly name: string;
  readonly role: string;
}

export async function teamReport(db: Kysely<Database>, teamId: string, period: Period, members: readonly Member[]): Promise<TeamReport> {
  const { startMs, endMs } = periodBounds(period);
  const inPeriod = (column: string) => sql`${sql.ref(column)} >= ${startMs} and ${sql.ref(column)} < ${endMs}`;

  const [calls, callBuckets, handoffs, handoffBuckets, acceptedBuckets, reasons, nurtured, delays, notCalled, funnel, insight, insightCalls] = await Promise.all([
    callsBySdr(db, teamId, startMs, endMs),
    // Periods start and end on quarter hours in every zone, so the quarter rollup is exact.
    sql<{ b: unknown; dials: unknown; conversations: unknown }>`
      select bucket as b, dials, conversations from rv_call_quarters
      where team_id = ${teamId} and bucket >= ${startMs / QUARTER_MS} and bucket < ${endMs / QUARTER_MS}`.execute(db),
    sql<{ sdr_id: string; mqls: unknown; sqls: unknown; returned: unknown }>`
      select sdr_id, count(*) as mqls,
        sum(case when status = 'accepted' then 1 else 0 end) as sqls,
        sum(case when status = 'returned' then 1 else 0 end) as returned
      from rv_handoffs where team_id = ${teamId} and ${inPeriod('created_at')} and status <> 'recalled'
      group by sdr_id`.execute(db),
    sql<{ b: unknown; c: unknown }>`
      select created_at / ${BUCKET} as b, count(*) as c from rv_handoffs
      where team_id = ${teamId} and ${inPeriod('created_at')} and status <> 'recalled'
      group by created_at / ${BUCKET}`.execute(db),
    sql<{ b: unknown; c: unknown }>`
      select decided_at / ${BUCKET} as b, count(*) as c from rv_handoffs
      where team_id = ${teamId} and status = 'accepted' and ${inPeriod('decided_at')}
      group by decided_at / ${BUCKET}`.execute(db),
    sql<{ reason: string; c: unknown }>`
      select reason, count(*) as c from rv_handoffs
      where team_id = ${teamId} and ${inPeriod('created_at')} and status = 'returned'
      group by reason order by count(*) desc, reason limit 20`.execute(db),
    sql<{ sdr_id: string; c: unknown }>`
      select sdr_id, count(*) as c from rv_status
      where team_id = ${teamId} and ${inPeriod('at')} and to_status = 'nurturing'
      group by sdr_id`.execute(db),
    sql<{ sdr: string | null; delay: unknown }>`
      select first_call_sdr as sdr, case when first_call_at < created_at then 0 else first_call_at - created_at end as delay
      from rv_leads
      where team_id = ${teamId} and kind = 'inbound' and ${inPeriod('created_at')} and first_call_at is not null`.execute(db),
    sql<{ owner_id: string | null; c: unknown }>`
      select owner_id, count(*) as c from rv_leads
      where team_id = ${teamId} and kind = 'inbound' and ${inPeriod('created_at')} and first_call_at is null
      group by owner_id`.execute(db),
    sql<{ source: string | null; campaign: string | null; leads: unknown; contacted: unknown; mqls: unknown; sqls: unknown }>`
      select source, campaign, count(*) as leads,
        sum(case when first_call_at is not null then 1 else 0 end) as contacted,
        sum(case when mql_at is not null then 1 else 0 end) as mqls,
        sum(case when sql_at is not null then 1 else 0 end) as sqls
      from rv_leads where team_id = ${teamId} and ${inPeriod('created_at')}
      group by source, campaign`.execute(db),
    sql<{ script_id: string; question_id: string; acc: unknown; c: unknown }>`
      with decided as (
        select lead_id, max(case when status = 'accepted' then 1 else 0 end) as acc from rv_handoffs
        where team_id = ${teamId} and ${inPeriod('created_at')} and status in ('accepted', 'returned')
        group by lead_id
      )
      select a.script_id, a.question_id, d.acc, count(*) as c
      from decided d join rv_answers a on a.lead_id = d.lead_id
      where a.team_id = ${teamId} and a.script_id <> ''
      group by a.script_id, a.question_id, d.acc`.execute(db),
    sql<{ script_id: string; acc: unknown; c: unknown }>`
      with decided as (
        select lead_id, max(case when status = 'accepted' then 1 else 0 end) as acc from rv_handoffs
        where team_id = ${teamId} and ${inPeriod('created_at')} and status in ('accepted', 'returned')
        group by lead_id
      )
      select c.script_id, d.acc, count(*) as c
      from decided d join rv_calls c on c.lead_id = d.lead_id
      where c.team_id = ${teamId} and c.script_id is not null
      group by c.script_id, d.acc`.execute(db),
  ]);

  // Every SDR of the team gets a row, active or not; anyone else who appears (a former member,
  // a team lead who made calls) too.
  const ids = new Set<string>(members.filter((m) => m.role === 'sdr').map((m) => m.id));
  for (const rows of [calls, handoffs.rows, nurtured.rows]) for (const row of rows) ids.add(row.sdr_id);
  const delaysBySdr = new Map<string | null, number[]>([[null, []]]);
  for (const row of delays.rows) {
    const delay = n(row.delay);
    delaysBySdr.get(null)!.push(delay);
    if (row.sdr === null) continue;
    ids.add(row.sdr);
    const mine = delaysBySdr.get(row.sdr);
    if (mine) mine.push(delay);
    else delaysBySdr.set(row.sdr, [delay]);
  }
  for (const list of delaysBySdr.values()) list.sort((a, b) => a - b);
  ids.delete('');
  const name = (id: string) => members.find((m) => m.id === id)?.name ?? '—';

  const metrics = (sdrId: string | null): SdrMetrics => {
    const mine = <T extends { sdr_id: string }>(rows: readonly T[]) => (sdrId === null ? rows : rows.filter((r) => r.sdr_id === sdrId));
    const sum = <T extends { sdr_id: string }>(rows: readonly T[], pick: (r: T) => unknown) => mine(rows).reduce((a, r) => a + n(pick(r)), 0);
    const dials = sum(calls, (r) => r.dials);
    const conversations = sum(calls, (r) => r.conversations);
    const sqls = sum(handoffs.rows, (r) => r.sqls);
    const returned = sum(handoffs.rows, (r) => r.returned);
    const sorted = delaysBySdr.get(sdrId) ?? [];
    return {
      sdrId,
      name: sdrId === null ? '' : name(sdrId),
      dials,
      conversations,
      connectRate: dials === 0 ? null : conversations / dials,
      talkSeconds: Math.floor(sum(calls, (r) => r.talk_ms) / 1000),
      touches: sum(calls, (r) => r.touches),
      speedToLead: {
        medianMs: nearestRank(sorted, 50),
        p90Ms: nearestRank(sorted, 90),
        called: sorted.length,
        notCalled: notCalled.rows.filter((r) => sdrId === null || r.owner_id === sdrId).reduce((a, r) => a + n(r.c), 0),
      },
      mqls: sum(handoffs.rows, (r) => r.mqls),
      sqls,
      returned,
      acceptanceRate: sqls + returned === 0 ? null : sqls / (sqls + returned),
      nurtured: sum(nurtured.rows, (r) => r.c),
    };
  };

  const days = new Map(periodDays(period).map((date) => [date, { date, dials: 0, conversations: 0, mqls: 0, sqls: 0 }]));
  // Each day's start, once; a bucket finds its day by binary search (Intl per bucket is slow).
  const dayList = [...days.values()];
  const starts = dayList.map((d) => startOfDay(d.date, period.tz));
  const dayOf = (bucket: unknown) => {
    const at = n(bucket) * QUARTER_MS;
    let lo = 0;
    let hi = starts.length - 1;
    if (hi < 0 || at < starts[0]!) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return at < endMs ? dayList[lo] : undefined;
  };
  for (const row of callBuckets.rows) {
    const day = dayOf(row.b);
    if (day) {
      day.dials += n(row.dials);
      day.conversations += n(row.conversations);
    }
  }
  for (const row of handoffBuckets.rows) {
    const day = dayOf(row.b);
    if (day) day.mqls += n(row.c);
  }
  for (const row of acceptedBuckets.rows) {
    const day = dayOf(row.b);
    if (day) day.sqls += n(row.c);
  }

  const campaigns: FunnelRow[] = funnel.rows
    .map((r) => ({ channel: r.source, campaign: r.campaign, leads: n(r.leads), contacted: n(r.contacted), mqls: n(r.mqls), sqls: n(r.sqls) }))
    .sort((a, b) => b.leads - a.leads || String(a.channel).localeCompare(String(b.channel)) || String(a.campaign).localeCompare(String(b.campaign)));
  const byChannel = new Map<string | null, FunnelRow>();
  for (const row of campaigns) {
    const seen = byChannel.get(row.channel) ?? { channel: row.channel, campaign: null, leads: 0, contacted: 0, mqls: 0, sqls: 0 };
    byChannel.set(row.channel, { ...seen, leads: seen.leads + row.leads, contacted: seen.contacted + row.contacted, mqls: seen.mqls + row.mqls, sqls: seen.sqls + row.sqls });
  }

  const callsOf = (scriptId: string, acc: number) => insightCalls.rows.filter((r) => r.script_id === scriptId && n(r.acc) === acc).reduce((a, r) => a + n(r.c), 0);
  const questions = new Map<string, QuestionInsight>();
  for (const row of insight.rows) {
    const key = `${row.script_id}\u0000${row.question_id}`;
    const q = questions.get(key) ?? { scriptId: row.script_id, questionId: row.question_id, acceptedCalls: callsOf(row.script_id, 1), acceptedAnswered: 0, returnedCalls: callsOf(row.script_id, 0), returnedAnswered: 0 };
    if (n(row.acc) === 1) q.acceptedAnswered += n(row.c);
    else q.returnedAnswered += n(row.c);
    questions.set(key, q);
  }

  return {
    period: { ...period, startMs, endMs },
    team: metrics(null),
    sdrs: [...ids].map((id) => metrics(id)).sort((a, b) => b.sqls - a.sqls || b.mqls - a.mqls || a.name.localeCompare(b.name)),
    daily: [...days.values()],
    returnReasons: reasons.rows.map((r) => ({ reason: r.reason, count: n(r.c) })),
    channels: [...byChannel.values()].sort((a, b) => b.leads - a.leads),
    campaigns,
    scriptInsight: [...questions.values()].sort((a, b) => a.scriptId.localeCompare(b.scriptId) || a.questionId.localeCompare(b.questionId)),
  };
}

interface CallSums {
  readonly sdr_id: string;
  readonly dials: unknown;
  readonly conversations: unknown;
  readonly talk_ms: unknown;
  readonly touches: unknown;
}

/**
 * Calls per SDR over [startMs, endMs): whole UTC days from the day rollup, the partial days at
 * either end from the calls themselves. A year is ~18,000 rollup rows instead of a million calls.
 */
async function callsBySdr(db: Kysely<Database>, teamId: string, startMs: number, endMs: number): Promise<CallSums[]> {
  const firstDay = Math.ceil(startMs / DAY_MS);
  const endDay = Math.floor(endMs / DAY_MS);
  const raw = (from: number, to: number) =>
    from >= to
      ? Promise.resolve({ rows: [] as CallSums[] })
      : sql<CallSums>`
      select sdr_id,
        sum(case when channel = 'phone' then 1 else 0 end) as dials,
        sum(case when channel = 'phone' and connected = 1 then 1 else 0 end) as conversations,
        sum(case when channel = 'phone' then talk_ms else 0 end) as talk_ms,
        sum(case when channel = 'phone' then 0 else 1 end) as touches
      from rv_calls where team_id = ${teamId} and started_at >= ${from} and started_at < ${to}
      group by sdr_id`.execute(db);
  if (firstDay >= endDay) return (await raw(startMs, endMs)).rows;
  const [head, days, tail] = await Promise.all([
    raw(startMs, firstDay * DAY_MS),
    sql<CallSums>`
      select sdr_id, sum(dials) as dials, sum(conversations) as conversations, sum(talk_ms) as talk_ms, sum(touches) as touches
      from rv_call_days where team_id = ${teamId} and day >= ${firstDay} and day < ${endDay}
      group by sdr_id`.execute(db),
    raw(endDay * DAY_MS, endMs),
  ]);
  return [...head.rows, ...days.rows, ...tail.rows];
}

/** The nearest-rank percentile of sorted values (the value at rank ⌈p·n/100⌉); null for none. */
function nearestRank(sorted: readonly number[], p: number): number | null {
  return sorted.length === 0 ? null : sorted[Math.ceil((p * sorted.length) / 100) - 1]!;
}
