import { sql, type Kysely } from 'kysely';
import type { ReviewCallList, ReviewCallQuery } from '../../shared/api/review';
import { periodBounds } from '../../shared/rules/period';
import type { Database } from '../db/schema';
import { searchPatterns } from './search';

/**
 * One page of a team's calls for review, newest first, with the total that match. Every filter
 * is a bound parameter; search words are LIKE patterns with their metacharacters escaped.
 */
export async function listCalls(db: Kysely<Database>, teamId: string, query: ReviewCallQuery, names: ReadonlyMap<string, string>): Promise<ReviewCallList> {
  const { startMs, endMs } = periodBounds(query);
  // The lead's columns are joined only when a filter needs them: counting a year of calls is
  // then an index range scan, not a million-row join.
  const byLead = query.tag !== undefined || query.outcome !== undefined;
  let base = db
    .selectFrom('rv_calls as c')
    .where('c.team_id', '=', teamId)
    .where('c.started_at', '>=', startMs)
    .where('c.started_at', '<', endMs);
  if (query.sdr !== undefined) base = base.where('c.sdr_id', '=', query.sdr);
  if (query.disposition !== undefined) base = base.where('c.disposition', '=', query.disposition);
  if (query.channel !== undefined) base = base.where('c.channel', '=', query.channel);
  if (query.script !== undefined) base = base.where('c.script_id', '=', query.script);
  if (query.reviewed === 'yes') base = base.where('c.reviews', '>', 0);
  if (query.reviewed === 'no') base = base.where('c.reviews', '=', 0);
  if (byLead) {
    base = base.where('c.lead_id', 'in', (eb) => {
      let leads = eb.selectFrom('rv_leads as l').select('l.id').where('l.team_id', '=', teamId);
      if (query.tag !== undefined) leads = leads.where(sql<boolean>`l.tags like ${`%,${escapeLike(query.tag)},%`} escape '\\'`);
      if (query.outcome === 'none') leads = leads.where('l.outcome', 'is', null);
      else if (query.outcome !== undefined) leads = leads.where('l.outcome', '=', query.outcome);
      return leads;
    });
  }
  for (const pattern of searchPatterns(query.q ?? '')) {
    // Only the period's texts are scanned (they are filed under their call's start).
    base = base.where('c.id', 'in', (eb) =>
      eb
        .selectFrom('rv_texts as t')
        .select('t.call_id')
        .where('t.team_id', '=', teamId)
        .where('t.started_at', '>=', startMs)
        .where('t.started_at', '<', endMs)
        .where(sql<boolean>`t.text like ${pattern} escape '\\'`),
    );
  }

  let page = base;
  if (query.cursor !== undefined) {
    const at = query.cursor.indexOf(':');
    const started = Number(query.cursor.slice(0, at));
    const id = query.cursor.slice(at + 1);
    page = page.where((eb) => eb.or([eb('c.started_at', '<', started), eb.and([eb('c.started_at', '=', started), eb('c.id', '<', id)])]));
  }
  const [rows, total] = await Promise.all([
    page
      .innerJoin('rv_leads as l', 'l.id', 'c.lead_id')
      .select(['c.id', 'c.lead_id', 'c.sdr_id', 'c.channel', 'c.started_at', 'c.connected', 'c.talk_ms', 'c.disposition', 'c.script_id', 'c.script_version', 'c.reviews', 'c.last_score', 'l.company', 'l.contact_name', 'l.outcome'])
      .orderBy('c.started_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(query.limit + 1)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const more = rows.length > query.limit;
  const shown = more ? rows.slice(0, query.limit) : rows;
  const last = shown[shown.length - 1];
  return {
    calls: shown.map((r) => ({
      id: r.id,
      leadId: r.lead_id,
      company: r.company,
      contactName: r.contact_name,
      sdrId: r.sdr_id,
      sdrName: names.get(r.sdr_id) ?? '',
      channel: r.channel as ReviewCallList['calls'][number]['channel'],
      startedAt: Number(r.started_at),
      talkSeconds: Math.floor(Number(r.talk_ms) / 1000),
      connected: Number(r.connected) === 1,
      disposition: r.disposition,
      scriptId: r.script_id,
      scriptVersion: r.script_version,
      outcome: r.outcome ?? 'none',
      reviews: Number(r.reviews),
      lastScore: r.last_score === null ? null : Number(r.last_score),
    })),
    total: Number(total.n),
    nextCursor: more && last ? `${Number(last.started_at)}:${last.id}` : null,
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
