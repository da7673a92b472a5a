import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ReviewCallList, ReviewCallQuery } from '../../shared/api/review';
import { periodBounds } from '../../shared/rules/period';
import type { Database } from '../db/schema';
import { escapeLike, searchPatterns } from './search';

/**
 * One page of a team's calls for review, newest first, with the total that match. Every filter
 * is a bound parameter; search words are LIKE patterns with their metacharacters escaped.
 */
export async function listCalls(db: Kysely<Database>, teamId: string, query: ReviewCallQuery, names: ReadonlyMap<string, string>): Promise<ReviewCallList> {
  const { startMs, endMs } = periodBounds(query);
  // Conditions on the call itself, shared by the page and the total.
  const onCall: RawBuilder<unknown>[] = [sql`c.team_id = ${teamId}`, sql`c.started_at >= ${startMs}`, sql`c.started_at < ${endMs}`];
  if (query.sdr !== undefined) onCall.push(sql`c.sdr_id = ${query.sdr}`);
  if (query.disposition !== undefined) onCall.push(sql`c.disposition = ${query.disposition}`);
  if (query.channel !== undefined) onCall.push(sql`c.channel = ${query.channel}`);
  if (query.script !== undefined) onCall.push(sql`c.script_id = ${query.script}`);
  if (query.reviewed === 'yes') onCall.push(sql`c.reviews > 0`);
  if (query.reviewed === 'no') onCall.push(sql`c.reviews = 0`);
  for (const pattern of searchPatterns(query.q ?? '')) {
    // Only the period's texts are scanned (they are filed under their call's start).
    onCall.push(sql`c.id in (select t.call_id from rv_texts t where t.team_id = ${teamId} and t.started_at >= ${startMs} and t.started_at < ${endMs} and t.text like ${pattern} escape '\\')`);
  }
  // Conditions on the lead: the page joins the lead (and walks the time index, stopping at a
  // page); the total asks for the matching leads' calls instead of joining a million rows.
  const onLead: RawBuilder<unknown>[] = [];
  if (query.tag !== undefined) onLead.push(sql`l.tags like ${`%,${escapeLike(query.tag)},%`} escape '\\'`);
  if (query.outcome === 'none') onLead.push(sql`l.outcome is null`);
  else if (query.outcome !== undefined) onLead.push(sql`l.outcome = ${query.outcome}`);

  const and = (conditions: RawBuilder<unknown>[]) => sql.join(conditions, sql` and `);
  const cursor: RawBuilder<unknown>[] = [];
  if (query.cursor !== undefined) {
    const at = query.cursor.indexOf(':');
    const started = Number(query.cursor.slice(0, at));
    const id = query.cursor.slice(at + 1);
    cursor.push(sql`(c.started_at < ${started} or (c.started_at = ${started} and c.id < ${id}))`);
  }
  const { rows } = await sql<PageRow>`
    select c.id, c.lead_id, c.sdr_id, c.channel, c.started_at, c.connected, c.talk_ms, c.disposition, c.script_id, c.script_version, c.reviews, c.last_score, l.company, l.contact_name, l.outcome
    from rv_calls c left join rv_leads l on l.id = c.lead_id
    where ${and([...onCall, ...onLead, ...cursor])}
    order by c.started_at desc, c.id desc
    limit ${query.limit + 1}`.execute(db);
  // A first page that is not full is the whole list: no need to count.
  const total =
    query.cursor === undefined && rows.length <= query.limit
      ? rows.length
      : Number(
          (
            await sql<{ n: unknown }>`
              select count(*) as n from rv_calls c
              where ${and(onCall)}${onLead.length > 0 ? sql` and c.lead_id in (select l.id from rv_leads l where l.team_id = ${teamId} and ${and(onLead)})` : sql``}`.execute(db)
          ).rows[0]?.n ?? 0,
        );
  const more = rows.length > query.limit;
  const shown = more ? rows.slice(0, query.limit) : rows;
  const last = shown[shown.length - 1];
  return {
    calls: shown.map((r) => ({
      id: r.id,
      leadId: r.lead_id,
      company: r.company ?? '',
      contactName: r.contact_name ?? '',
      sdrId: r.sdr_id,
      sdrName: names.get(r.sdr_id) ?? '',
      channel: r.channel as ReviewCallList['calls'][number]['channel'],
      startedAt: Number(r.started_at),
      talkSeconds: Math.floor(Number(r.talk_ms) / 1000),
      connected: Number(r.connected) === 1,
      disposition: r.disposition,
      scriptId: r.script_id,
      scriptVersion: r.script_version,
      outcome: (r.outcome ?? 'none') as ReviewCallList['calls'][number]['outcome'],
      reviews: Number(r.reviews),
      lastScore: r.last_score === null ? null : Number(r.last_score),
    })),
    total,
    nextCursor: more && last ? `${Number(last.started_at)}:${last.id}` : null,
  };
}

interface PageRow {
  id: string;
  lead_id: string;
  sdr_id: string;
  channel: string;
  started_at: number;
  connected: number;
  talk_ms: number;
  disposition: string | null;
  script_id: string | null;
  script_version: number | null;
  reviews: number;
  last_score: number | null;
  company: string | null;
  contact_name: string | null;
  outcome: string | null;
}
