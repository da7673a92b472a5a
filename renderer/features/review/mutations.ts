import { v7 as uuidv7 } from 'uuid';
import type { ReviewCallDetail, ReviewCallRow } from '../../../shared/api/review';
import type { ScorecardCriterion } from '../../../shared/model/review';
import { db, mutate } from '../../db';

/** Opened calls kept for reviewing offline; the oldest opened go first. */
export const MAX_CACHED_CALLS = 200;

export interface NewReview {
  readonly callId: string;
  readonly leadId: string;
  readonly comment: string;
  /** Criterion id → 1–5; a criterion left out was not scored. */
  readonly scores: Readonly<Record<string, number>>;
  /** The team's scorecard as it is now: the review keeps it, so its labels survive later edits. */
  readonly criteria: readonly ScorecardCriterion[];
}

export type AddReviewResult = { readonly ok: true; readonly id: string } | { readonly ok: false; readonly code: 'empty' | 'failed'; readonly message: string };

/** Saves a review here and queues it for the team server; refuses one with neither score nor comment. */
export async function addReview(input: NewReview, at: number = Date.now()): Promise<AddReviewResult> {
  const comment = input.comment.trim();
  if (comment === '' && Object.keys(input.scores).length === 0) return { ok: false, code: 'empty', message: 'review.empty' };
  const id = uuidv7();
  try {
    await mutate(db, 'review.add', { review: { id, callId: input.callId, leadId: input.leadId, comment, scores: { ...input.scores }, criteria: [...input.criteria], at } }, at);
    return { ok: true, id };
  } catch (error) {
    return { ok: false, code: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Keeps an opened call for offline reviewing, dropping the least recently opened beyond the limit. */
export async function rememberOpenedCall(row: ReviewCallRow, detail: ReviewCallDetail, openedAt: number): Promise<void> {
  await db.transaction('rw', db.reviewCache, async () => {
    await db.reviewCache.put({ callId: row.id, openedAt, detail, row });
    const excess = (await db.reviewCache.count()) - MAX_CACHED_CALLS;
    if (excess > 0) await db.reviewCache.bulkDelete(await db.reviewCache.orderBy('openedAt').limit(excess).primaryKeys());
  });
}

/** The SDR has seen this review (on this device; the first time counts). */
export async function markReviewRead(reviewId: string, at: number = Date.now()): Promise<void> {
  await markReviewsRead([reviewId], at);
}

export async function markReviewsRead(reviewIds: readonly string[], at: number = Date.now()): Promise<void> {
  await db.transaction('rw', db.reviewReads, async () => {
    const seen = await db.reviewReads.bulkGet([...reviewIds]);
    const fresh = reviewIds.filter((_, i) => seen[i] === undefined);
    if (fresh.length > 0) await db.reviewReads.bulkPut(fresh.map((reviewId) => ({ reviewId, readAt: at })));
  });
}
