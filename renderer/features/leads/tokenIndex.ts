import type { SearchClause } from '../../../shared/rules/leadSearch';

/**
 * The leads' search tokens held in memory: at 100,000 leads an IndexedDB index scan for a common
 * token such as 科技 takes hundreds of milliseconds on a slow disk, a lookup here well under one.
 * It answers the same clauses as the IndexedDB index (exact token, or token prefix); the database
 * stays the source of truth and this is rebuilt from it at start-up.
 */
export class TokenIndex {
  // Arrays, not Sets: most tokens (phone numbers, e-mails) belong to one lead, and half a million
  // small Sets would cost tens of megabytes.
  private readonly postings = new Map<string, string[]>();
  private readonly tokensOf = new Map<string, readonly string[]>();
  /**
   * Distinct tokens in order, for prefix lookups. New tokens wait in `pending` and are merged in
   * on the next prefix lookup (one by one when few, by a full sort after an import); tokens no
   * lead has any more stay until the next full sort and are skipped.
   */
  private sorted: string[] = [];
  private pending: string[] = [];
  private stale = 0;

  get size(): number {
    return this.tokensOf.size;
  }

  /** Replaces whatever the index held for this lead. */
  set(id: string, tokens: readonly string[]): void {
    this.remove(id);
    this.tokensOf.set(id, tokens);
    for (const token of tokens) {
      const ids = this.postings.get(token);
      if (ids) {
        ids.push(id);
      } else {
        this.postings.set(token, [id]);
        this.pending.push(token);
      }
    }
  }

  remove(id: string): void {
    const tokens = this.tokensOf.get(id);
    if (!tokens) return;
    this.tokensOf.delete(id);
    for (const token of tokens) {
      const ids = this.postings.get(token);
      if (!ids) continue;
      const at = ids.indexOf(id);
      if (at >= 0) ids.splice(at, 1);
      if (ids.length === 0) {
        this.postings.delete(token);
        this.stale++;
      }
    }
  }

  /** Ids matching one clause. */
  lookup(clause: SearchClause): ReadonlySet<string> {
    if (clause.op === 'exact') return new Set(this.postings.get(clause.token));
    this.prepare();
    const ids = new Set<string>();
    const sorted = this.sorted;
    for (let i = lowerBound(sorted, clause.token); i < sorted.length && sorted[i]!.startsWith(clause.token); i++) {
      for (const id of this.postings.get(sorted[i]!) ?? []) ids.add(id);
    }
    return ids;
  }

  /** Brings the sorted token list up to date; the builder calls it once so no query pays for it. */
  prepare(): void {
    if (this.pending.length === 0 && this.stale === 0) return;
    if (this.pending.length > 2000 || this.stale > this.sorted.length / 10) {
      this.sorted = [...this.postings.keys()].sort();
      this.stale = 0;
    } else {
      for (const token of this.pending) {
        const at = lowerBound(this.sorted, token);
        if (this.sorted[at] !== token) this.sorted.splice(at, 0, token);
      }
    }
    this.pending = [];
  }
}

function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
