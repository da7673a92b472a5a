import type { ReviewCallRow } from '../../../shared/api/review';
import { averageScore, type Review } from '../../../shared/model/review';

export interface ReviewMark {
  readonly reviewed: boolean;
  /** Mean score of the newest review; null when it scored nothing (or there is none). */
  readonly lastScore: number | null;
}

/**
 * How a list row shows its reviews. The server counted those it has; one saved on this device and
 * not yet confirmed is the newest, so it marks the row at once.
 */
export function reviewMark(row: Pick<ReviewCallRow, 'reviews' | 'lastScore'>, unsynced: readonly Review[] | undefined): ReviewMark {
  const newest = unsynced?.[0];
  if (newest) return { reviewed: true, lastScore: averageScore(newest.scores) };
  return { reviewed: row.reviews > 0, lastScore: row.lastScore };
}
