import Dexie from 'dexie';
import { db } from '../../db';
import type { LeadChange, LeadRow } from '../../db';
import type { LeadKind } from '../../../shared/model/lead';
import { QUEUE_BUCKET, orderQueue, type QueueBuckets } from '../../../shared/rules/leadQueue';
import type { SearchClause } from '../../../shared/rules/leadSearch';
import type { QueueFilters } from '../../state/uiStore';

const QUEUE_INDEX = '[kind+queueBucket+queueSort]';

function bucketIds(kind: LeadKind, bucket: number, limit?: number): Promise<string[]> {
  const range = db.leads.where(QUEUE_INDEX).between([kind, bucket, Dexie.minKey], [kind, bucket, Dexie.maxKey]);
  return (limit === undefined ? range : range.limit(limit)).primaryKeys();
}

/** Due call-backs of this view's leads still being worked, by due time: keys only. */
export function dueCallbacks(kind: LeadKind, now: number): Promise<string[]> {
  return db.leads
    .where('[kind+queueBucket+nextCallbackAt]')
    .between([kind, QUEUE_BUCKET.working, Dexie.minKey], [kind, QUEUE_BUCKET.working, now], true, true)
    .primaryKeys();
}

/**
 * The calling order of one view as ids only: index key scans plus the due call-backs, no lead is
 * loaded. Rows are fetched for the visible window alone (leadsByIds).
 */
export async function queueOrder(kind: LeadKind, now: number): Promise<string[]> {
  const [buckets, due] = await Promise.all([queueBuckets(kind), dueCallbacks(kind, now)]);
  return orderQueue(buckets, due);
}

/** The three index scans of the order; they change only when leads do, not with the clock. */
export async function queueBuckets(kind: LeadKind): Promise<QueueBuckets> {
  const [fresh, working, closed] = await Promise.all([
    bucketIds(kind, QUEUE_BUCKET.fresh),
    bucketIds(kind, QUEUE_BUCKET.working),
    bucketIds(kind, QUEUE_BUCKET.closed),
  ]);
  return { fresh, working, closed };
}

/**
 * The first `count` leads of the same order, read with limits: what the queue shows while the whole
 * order of 100,000 keys is still being read.
 */
export async function queueHead(kind: LeadKind, now: number, count: number): Promise<string[]> {
  const [fresh, due] = await Promise.all([bucketIds(kind, QUEUE_BUCKET.fresh, count), dueCallbacks(kind, now)]);
  const working = fresh.length + due.length < count ? await bucketIds(kind, QUEUE_BUCKET.working, count + due.length) : [];
  return orderQueue({ fresh, working, closed: [] }, due).slice(0, count);
}

export function queueCount(kind: LeadKind): Promise<number> {
  return db.leads.where(QUEUE_INDEX).between([kind, Dexie.minKey, Dexie.minKey], [kind, Dexie.maxKey, Dexie.maxKey]).count();
}

/** Answers search clauses from memory when the token index is built; see searchIndex.ts. */
export interface ClauseLookup {
  lookup(clause: SearchClause): ReadonlySet<string>;
}

/**
 * Ids of leads matching every search clause and filter, across both views, or null when nothing
 * narrows the queue. Each clause (from memory when `tokens` is given, else an index scan) and each
 * filter (an index scan) gives a set; the sets are intersected.
 */
export async function matchingIds(clauses: readonly SearchClause[], filters: QueueFilters, tokens: ClauseLookup | null = null): Promise<Set<string> | null> {
  const asSet = (ids: Promise<string[]>) => ids.then((list) => new Set(list));
  const scans: Promise<ReadonlySet<string>>[] = clauses.map((c) =>
    tokens
      ? Promise.resolve(tokens.lookup(c))
      : asSet(c.op === 'exact' ? db.leads.where('searchTokens').equals(c.token).primaryKeys() : db.leads.where('searchTokens').startsWith(c.token).primaryKeys()),
  );
  const byIndex = (index: string, value: string) => scans.push(asSet(db.leads.where(index).equals(value).primaryKeys()));
  if (filters.status) byIndex('status', filters.status);
  if (filters.temperature) byIndex('temperature', filters.temperature);
  if (filters.tag) byIndex('tags', filters.tag);
  if (filters.sourceChannel) byIndex('sourceChannel', filters.sourceChannel);
  if (filters.owner) byIndex('owner', filters.owner === UNASSIGNED ? '' : filters.owner);
  if (scans.length === 0) return null;
  const results = (await Promise.all(scans)).sort((a, b) => a.size - b.size);
  let matched = new Set(results[0]);
  for (const next of results.slice(1)) {
    if (matched.size === 0) break;
    matched = new Set([...matched].filter((id) => next.has(id)));
  }
  return matched;
}

/** Filter value meaning "leads with no owner" (an empty owner cannot be a select option value). */
export const UNASSIGNED = '\u0000unassigned';

export async function leadsByIds(ids: readonly string[]): Promise<(LeadRow | undefined)[]> {
  return db.leads.bulkGet([...ids]);
}

export function leadById(id: string): Promise<LeadRow | undefined> {
  return db.leads.get(id);
}

/** Values offered by the tag and owner filters: distinct index keys, read without loading leads. */
export async function filterChoices(): Promise<{ tags: string[]; owners: string[] }> {
  const [tags, owners] = await Promise.all([db.leads.orderBy('tags').uniqueKeys(), db.leads.orderBy('owner').uniqueKeys()]);
  return { tags: tags.map(String), owners: owners.map(String).filter((o) => o !== '') };
}

/** Whether the profile has any lead; cheap, unlike counting 100,000 of them. */
export async function hasLeads(): Promise<boolean> {
  return (await db.leads.limit(1).primaryKeys()).length > 0;
}

/** One page of the leads' search tokens in id order, for building the in-memory token index. */
export interface LeadTokens {
  readonly id: string;
  readonly searchTokens: readonly string[];
}

const tokensOf = (rows: readonly (LeadRow | undefined)[]): LeadTokens[] =>
  rows.flatMap((row) => (row ? [{ id: row.id, searchTokens: row.searchTokens }] : []));

export async function searchTokensPage(afterId: string, limit: number): Promise<LeadTokens[]> {
  return tokensOf(await db.leads.where(':id').above(afterId).limit(limit).toArray());
}

export async function searchTokensOf(ids: readonly string[]): Promise<LeadTokens[]> {
  return tokensOf(await db.leads.bulkGet([...ids]));
}

export function onLeadsChanged(listener: (change: LeadChange) => void): () => void {
  return db.onLeadsChanged(listener);
}

/** Why sales sent this lead back: the reason on its latest returned hand-off. */
export async function returnReason(leadId: string): Promise<string | null> {
  const returned = (await db.handoffs.where('leadId').equals(leadId).toArray()).filter((h) => h.status === 'returned').sort((a, b) => b.updatedAt - a.updatedAt)[0];
  return returned?.statusReason ?? null;
}
