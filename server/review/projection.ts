import type { Insertable, Kysely, Transaction } from 'kysely';
import { CallSchema } from '../../shared/model/call';
import { HandoffSchema } from '../../shared/model/handoff';
import { LeadSchema } from '../../shared/model/lead';
import { averageScore, ReviewSchema } from '../../shared/model/review';
import type { Database, EntityKindColumn, RvAnswersTable, RvCallsTable, RvHandoffsTable, RvLeadsTable, RvStatusTable, RvTextsTable } from '../db/schema';
import { refreshCallRollups } from './rollups';
import { searchable } from './search';

/** A synced record as written, with who wrote it when it was created (not stored on the record). */
export interface ProjectedEntity {
  readonly kind: EntityKindColumn;
  readonly id: string;
  readonly teamId: string;
  readonly leadId: string | null;
  readonly ownerId: string | null;
  readonly data: Record<string, unknown>;
  readonly deleted: boolean;
  /** The account that created it; only meaningful the first time a record is projected. */
  readonly authorId: string | undefined;
  /** The record as stored before this batch, when the batch read it: unchanged projections are skipped. */
  readonly before?: { readonly ownerId: string | null; readonly data: Record<string, unknown>; readonly deleted: boolean } | undefined;
}

/** The lead fields rv_leads holds: an edit that changes none of them (most do not) writes nothing there. */
const PROJECTED_LEAD_FIELDS = ['kind', 'sourceChannel', 'campaign', 'company', 'contactName', 'tags', 'createdAt'] as const;

function sameLeadProjection(entity: ProjectedEntity): boolean {
  const before = entity.before;
  if (!before || before.deleted || before.ownerId !== entity.ownerId) return false;
  return PROJECTED_LEAD_FIELDS.every((field) => JSON.stringify(before.data[field]) === JSON.stringify(entity.data[field]));
}

const CHUNK = 300;

/** PostgreSQL text cannot hold U+0000 (the synced JSON keeps it, escaped); the projections show U+FFFD. */
const clean = (text: string): string => (text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text);
const cleanOrNull = (text: string | null): string | null => (text === null ? null : clean(text));

async function chunked<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

/** The text of an answer as a reviewer would search for it (free text, numbers, option ids). */
function answerText(value: unknown): string {
  if (Array.isArray(value)) return value.join(' ');
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function answered(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === 'number' || (typeof value === 'string' && value.trim() !== '');
}

/**
 * Keeps the review and report projections in step with the records a push wrote, in the push's
 * transaction. Idempotent: a record written again (an owner change re-writes a lead's calls)
 * projects to the same rows, and whoever created a record stays its author.
 */
export async function projectEntities(db: Kysely<Database> | Transaction<Database>, entities: readonly ProjectedEntity[]): Promise<void> {
  const calls: Insertable<RvCallsTable>[] = [];
  const texts: Insertable<RvTextsTable>[] = [];
  /** Filed under their call's start (looked up below), the note's own time if the call is unknown. */
  const noteTexts: Insertable<RvTextsTable>[] = [];
  const answers: Insertable<RvAnswersTable>[] = [];
  const answeredCalls: string[] = [];
  const leads: Insertable<RvLeadsTable>[] = [];
  const handoffs: Insertable<RvHandoffsTable>[] = [];
  const statuses: Insertable<RvStatusTable>[] = [];
  const reviews: { callId: string; score: number | null }[] = [];
  const firstCalls = new Map<string, { at: number; sdr: string }>();
  const deleted: { kind: EntityKindColumn; id: string }[] = [];

  for (const entity of entities) {
    if (entity.deleted) {
      deleted.push({ kind: entity.kind, id: entity.id });
      continue;
    }
    switch (entity.kind) {
      case 'call': {
        const parsed = CallSchema.safeParse(entity.data);
        if (!parsed.success) break;
        const call = parsed.data;
        const sdr = entity.authorId ?? '';
        calls.push({
          id: call.id,
          team_id: entity.teamId,
          lead_id: call.leadId,
          sdr_id: sdr,
          channel: call.channel,
          started_at: call.startedAt,
          connected: call.connectedAt === null ? 0 : 1,
          talk_ms: call.connectedAt === null || call.endedAt === null ? 0 : Math.max(0, call.endedAt - call.connectedAt),
          disposition: cleanOrNull(call.disposition),
          script_id: cleanOrNull(call.scriptId),
          script_version: call.scriptVersion,
          reviews: 0,
          last_score: null,
        });
        const text = Object.values(call.answers).map(answerText).join('\n');
        if (text.trim() !== '') texts.push({ id: call.id, team_id: entity.teamId, call_id: call.id, started_at: call.startedAt, text: clean(searchable(text)) });
        answeredCalls.push(call.id);
        for (const [questionId, value] of Object.entries(call.answers)) {
          if (answered(value)) answers.push({ call_id: call.id, question_id: clean(questionId), team_id: entity.teamId, lead_id: call.leadId, script_id: clean(call.scriptId ?? '') });
        }
        const seen = firstCalls.get(call.leadId);
        if (!seen || call.startedAt < seen.at) firstCalls.set(call.leadId, { at: call.startedAt, sdr });
        break;
      }
      case 'note': {
        const callId = entity.data['callId'];
        const text = entity.data['text'];
        const createdAt = entity.data['createdAt'];
        if (typeof callId === 'string' && typeof text === 'string') noteTexts.push({ id: entity.id, team_id: entity.teamId, call_id: callId, started_at: typeof createdAt === 'number' ? createdAt : 0, text: clean(searchable(text)) });
        break;
      }
      case 'lead': {
        if (sameLeadProjection(entity)) break;
        const parsed = LeadSchema.safeParse(entity.data);
        if (!parsed.success) break;
        const lead = parsed.data;
        leads.push({
          id: lead.id,
          team_id: entity.teamId,
          kind: lead.kind,
          owner_id: entity.ownerId,
          source: lead.sourceChannel,
          campaign: lead.campaign.trim() === '' ? null : clean(lead.campaign.trim()),
          company: clean(lead.company),
          contact_name: clean(lead.contactName),
          tags: clean(`,${lead.tags.join(',')},`),
          created_at: lead.createdAt,
          first_call_at: null,
          first_call_sdr: null,
          outcome: null,
          mql_at: null,
          sql_at: null,
        });
        break;
      }
      case 'handoff': {
        const parsed = HandoffSchema.safeParse(entity.data);
        if (!parsed.success) break;
        const h = parsed.data;
        const decided = h.status === 'accepted' || h.status === 'returned';
        handoffs.push({ id: h.id, team_id: entity.teamId, lead_id: h.leadId, sdr_id: entity.authorId ?? '', created_at: h.createdAt, status: h.status, decided_at: decided ? h.updatedAt : null, reason: h.status === 'returned' ? clean(h.statusReason.trim()) : '' });
        break;
      }
      case 'event': {
        const { type, to, at, leadId } = entity.data;
        if (type === 'status' && typeof to === 'string' && typeof at === 'number' && typeof leadId === 'string') {
          statuses.push({ id: entity.id, team_id: entity.teamId, lead_id: leadId, sdr_id: entity.authorId ?? '', to_status: to, at });
        }
        break;
      }
      case 'review': {
        const parsed = ReviewSchema.safeParse(entity.data);
        if (parsed.success) reviews.push({ callId: parsed.data.callId, score: averageScore(parsed.data.scores) });
        break;
      }
      case 'playbook':
        break;
    }
  }

  await chunked(leads, (rows) =>
    db
      .insertInto('rv_leads')
      .values(rows)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          kind: eb.ref('excluded.kind'),
          owner_id: eb.ref('excluded.owner_id'),
          source: eb.ref('excluded.source'),
          campaign: eb.ref('excluded.campaign'),
          company: eb.ref('excluded.company'),
          contact_name: eb.ref('excluded.contact_name'),
          tags: eb.ref('excluded.tags'),
          created_at: eb.ref('excluded.created_at'),
        })),
      )
      .execute(),
  );
  await chunked(calls, (rows) =>
    db
      .insertInto('rv_calls')
      .values(rows)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          channel: eb.ref('excluded.channel'),
          started_at: eb.ref('excluded.started_at'),
          connected: eb.ref('excluded.connected'),
          talk_ms: eb.ref('excluded.talk_ms'),
          disposition: eb.ref('excluded.disposition'),
          script_id: eb.ref('excluded.script_id'),
          script_version: eb.ref('excluded.script_version'),
        })),
      )
      .execute(),
  );
  // Rollups need each call's author: a call written again in a later batch has none here, so
  // its stored row says whose it is.
  if (calls.length > 0) {
    const authors = new Map<string, string>();
    await chunked(calls.map((c) => c.id), async (ids) => {
      for (const row of await db.selectFrom('rv_calls').select(['id', 'sdr_id']).where('id', 'in', ids).execute()) authors.set(row.id, row.sdr_id);
    });
    await refreshCallRollups(db, calls.map((c) => ({ teamId: c.team_id, sdrId: authors.get(c.id) ?? c.sdr_id, startedAt: Number(c.started_at) })));
  }
  await chunked(answeredCalls, (ids) => db.deleteFrom('rv_answers').where('call_id', 'in', ids).execute());
  await chunked(answers, (rows) => db.insertInto('rv_answers').values(rows).onConflict((oc) => oc.columns(['call_id', 'question_id']).doNothing()).execute());
  if (noteTexts.length > 0) {
    const starts = new Map<string, number>();
    await chunked([...new Set(noteTexts.map((n) => n.call_id))], async (ids) => {
      for (const row of await db.selectFrom('rv_calls').select(['id', 'started_at']).where('id', 'in', ids).execute()) starts.set(row.id, Number(row.started_at));
    });
    for (const note of noteTexts) texts.push({ ...note, started_at: starts.get(note.call_id) ?? note.started_at });
  }
  await chunked(texts, (rows) =>
    db
      .insertInto('rv_texts')
      .values(rows)
      .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ text: eb.ref('excluded.text'), started_at: eb.ref('excluded.started_at') })))
      .execute(),
  );
  for (const [leadId, first] of firstCalls) {
    await db
      .updateTable('rv_leads')
      .set({ first_call_at: first.at, first_call_sdr: first.sdr })
      .where('id', '=', leadId)
      .where((eb) => eb.or([eb('first_call_at', 'is', null), eb('first_call_at', '>', first.at)]))
      .execute();
  }
  await chunked(handoffs, (rows) =>
    db
      .insertInto('rv_handoffs')
      .values(rows)
      .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ status: eb.ref('excluded.status'), decided_at: eb.ref('excluded.decided_at'), reason: eb.ref('excluded.reason') })))
      .execute(),
  );
  const handedOff = [...new Set(handoffs.map((h) => h.lead_id))];
  await chunked(handedOff, (ids) =>
    db
      .updateTable('rv_leads')
      .set((eb) => ({
        outcome: eb
          .selectFrom('rv_handoffs as h')
          .select((s) => s.case().when('h.status', '=', 'accepted').then('accepted').when('h.status', '=', 'returned').then('returned').else('pending').end().as('o'))
          .whereRef('h.lead_id', '=', 'rv_leads.id')
          .where('h.status', '<>', 'recalled')
          .orderBy('h.created_at', 'desc')
          .limit(1)
          .$castTo<'accepted' | 'returned' | 'pending' | null>(),
        mql_at: eb.selectFrom('rv_handoffs as h').select((s) => s.fn.min('h.created_at').as('m')).whereRef('h.lead_id', '=', 'rv_leads.id').where('h.status', '<>', 'recalled').$castTo<number | null>(),
        sql_at: eb.selectFrom('rv_handoffs as h').select((s) => s.fn.min('h.decided_at').as('m')).whereRef('h.lead_id', '=', 'rv_leads.id').where('h.status', '=', 'accepted').$castTo<number | null>(),
      }))
      .where('id', 'in', ids)
      .execute(),
  );
  await chunked(statuses, (rows) => db.insertInto('rv_status').values(rows).onConflict((oc) => oc.column('id').doNothing()).execute());
  for (const review of reviews) {
    await db
      .updateTable('rv_calls')
      .set((eb) => ({ reviews: eb('reviews', '+', 1), last_score: review.score }))
      .where('id', '=', review.callId)
      .execute();
  }
  for (const { kind, id } of deleted) {
    if (kind === 'call') await db.deleteFrom('rv_calls').where('id', '=', id).execute();
    else if (kind === 'lead') await db.deleteFrom('rv_leads').where('id', '=', id).execute();
  }
}
