import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { ReviewCallDetailSchema, ReviewCallRowSchema, type ReviewCallDetail, type ReviewCallRow } from '../../../shared/api/review';
import type { Review } from '../../../shared/model/review';
import { SETTINGS_SCHEMAS } from '../../../shared/model/settings';
import { db } from '../../db';

/** Reviews of one call, newest first: the server's copies, with this device's own over none. */
export function mergeReviews(local: readonly Review[], fromServer: readonly Review[]): Review[] {
  const byId = new Map<string, Review>();
  for (const review of local) byId.set(review.id, review);
  // The server's copy names the reviewer; a local one only wins while the server has none.
  for (const review of fromServer) byId.set(review.id, review);
  return [...byId.values()].sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id));
}

/** A review written on this device that the team server has not confirmed yet. */
export const isUnsynced = (review: Pick<Review, 'reviewerId'>) => review.reviewerId === '';

/** The call's reviews, live: one saved here shows at once. */
export function useCallReviews(callId: string, fromServer: readonly Review[]): readonly Review[] {
  const local = useLiveQuery(() => db.reviews.where('callId').equals(callId).toArray(), [callId]);
  return useMemo(() => mergeReviews(local ?? [], fromServer), [local, fromServer]);
}

/** Reviews written here and not yet confirmed, by call: the list marks those calls reviewed at once. */
export function useUnsyncedReviews(): ReadonlyMap<string, readonly Review[]> {
  const rows = useLiveQuery(() => db.reviews.filter(isUnsynced).toArray(), []);
  return useMemo(() => {
    const byCall = new Map<string, Review[]>();
    for (const review of rows ?? []) byCall.set(review.callId, [...(byCall.get(review.callId) ?? []), review]);
    for (const list of byCall.values()) list.sort((a, b) => b.createdAt - a.createdAt);
    return byCall;
  }, [rows]);
}

/** The calls opened in the review workspace on this device, most recently opened first. */
export function useCachedCalls(): readonly ReviewCallRow[] | undefined {
  return useLiveQuery(async () => {
    const rows = await db.reviewCache.orderBy('openedAt').reverse().toArray();
    return rows.flatMap((row) => {
      const parsed = ReviewCallRowSchema.safeParse(row.row);
      return parsed.success ? [parsed.data] : [];
    });
  }, []);
}

export interface CachedCall {
  readonly detail: ReviewCallDetail;
  readonly openedAt: number;
}

/** An opened call as the server last showed it; null when never opened here (or unreadable). */
export async function readCachedCall(callId: string): Promise<CachedCall | null> {
  const row = await db.reviewCache.get(callId);
  if (!row) return null;
  const parsed = ReviewCallDetailSchema.safeParse(row.detail);
  return parsed.success ? { detail: parsed.data, openedAt: row.openedAt } : null;
}

export interface FeedbackItem {
  readonly review: Review;
  readonly read: boolean;
  /** Null when the lead is not on this device (any more). */
  readonly company: string | null;
  /** Null when the call is not on this device. */
  readonly callStartedAt: number | null;
}

async function signedInUserId(): Promise<string | null> {
  const parsed = SETTINGS_SCHEMAS.account.safeParse((await db.settings.get('account'))?.value);
  return parsed.success && parsed.data ? parsed.data.user.id : null;
}

/**
 * Reviews of the signed-in SDR's own calls. The server sends an SDR only theirs, but a device also
 * holds reviews its user wrote (a team lead) or that were synced for whoever used it before: feedback
 * is only ever what was said about this user's calls.
 */
async function myReviews(): Promise<Review[]> {
  const me = await signedInUserId();
  if (me === null) return [];
  return db.reviews.filter((review) => review.sdrId === me).toArray();
}

export async function readFeedback(): Promise<FeedbackItem[]> {
  const reviews = (await myReviews()).sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id));
  const [reads, leads, calls] = await Promise.all([
    db.reviewReads.bulkGet(reviews.map((r) => r.id)),
    db.leads.bulkGet(reviews.map((r) => r.leadId)),
    db.calls.bulkGet(reviews.map((r) => r.callId)),
  ]);
  return reviews.map((review, i) => ({
    review,
    read: reads[i] !== undefined,
    company: leads[i]?.company ?? null,
    callStartedAt: calls[i]?.startedAt ?? null,
  }));
}

/** The SDR's feedback, newest first, live; undefined while the first read runs. */
export function useFeedback(): readonly FeedbackItem[] | undefined {
  return useLiveQuery(readFeedback, []);
}

export async function countUnreadReviews(): Promise<number> {
  const reviews = await myReviews();
  const reads = await db.reviewReads.bulkGet(reviews.map((r) => r.id));
  return reads.filter((read) => read === undefined).length;
}

/** How many reviews of the SDR's calls they have not opened on this device. */
export function useUnreadReviewCount(): number {
  return useLiveQuery(countUnreadReviews, []) ?? 0;
}
