import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db';
import { addReview, MAX_CACHED_CALLS, rememberOpenedCall } from '../../../renderer/features/review/mutations';
import { readCachedCall } from '../../../renderer/features/review/queries';
import { addDays, checkPeriod, defaultFilters, periodMessage, reviewQueryString } from '../../../renderer/features/review/reviewQuery';
import { DEFAULT_PLAYBOOK } from '../../../shared/playbook/defaults';
import { callFixture } from './reviewFixtures';

afterEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
});

describe('review period and query', () => {
  it('defaults to the last 30 days in the given zone, across a month end', () => {
    // 2025-03-01 00:30 in Shanghai is still February in UTC.
    const filters = defaultFilters(Date.UTC(2025, 1, 28, 16, 30), 'Asia/Shanghai');
    expect([filters.from, filters.to]).toEqual(['2025-01-31', '2025-03-01']);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('names the field of a bad period', () => {
    expect(checkPeriod('2025-06-10', '2025-06-01', 'Europe/Berlin')).toEqual({ ok: false, field: 'to', message: 'the period ends before it starts' });
    expect(checkPeriod('', '2025-06-01', 'Europe/Berlin')).toMatchObject({ ok: false, field: 'from' });
    expect(periodMessage('the period ends before it starts')).toEqual({ key: 'period.reversed' });
    expect(periodMessage('the period is longer than 366 days')).toEqual({ key: 'period.tooLong', values: { days: 366 } });
  });

  it('leaves "any" filters out of the query', () => {
    const check = checkPeriod('2025-06-01', '2025-06-30', 'Asia/Shanghai');
    if (!check.ok) throw new Error('valid period refused');
    const filters = { ...defaultFilters(0, 'UTC'), channel: 'phone', search: '  预算  ' };
    expect(reviewQueryString(check.period, filters)).toBe(`from=2025-06-01&to=2025-06-30&tz=Asia%2FShanghai&channel=phone&q=${encodeURIComponent('预算').replace(/%20/g, '+')}`);
  });
});

describe('review data on this device', () => {
  it(`keeps the ${MAX_CACHED_CALLS} most recently opened calls`, async () => {
    const fixture = callFixture();
    for (let i = 0; i < MAX_CACHED_CALLS; i++) await db.reviewCache.add({ callId: `old-${i}`, openedAt: 1000 + i, detail: fixture.detail, row: fixture.row });

    await rememberOpenedCall(fixture.row, fixture.detail, 5000);

    expect(await db.reviewCache.count()).toBe(MAX_CACHED_CALLS);
    expect(await db.reviewCache.get('old-0')).toBeUndefined();
    expect(await db.reviewCache.get('old-1')).toBeDefined();
    expect((await readCachedCall(fixture.row.id))?.detail.lead.company).toBe('Acme Robotics');
  });

  it('reads a damaged cached call as not cached', async () => {
    const fixture = callFixture();
    await db.reviewCache.add({ callId: fixture.row.id, openedAt: 1, detail: { call: 'not a call' }, row: fixture.row });
    expect(await readCachedCall(fixture.row.id)).toBeNull();
  });

  it('refuses a review with neither score nor comment, and queues one that has either', async () => {
    const { row } = callFixture();
    const base = { callId: row.id, leadId: row.leadId, criteria: DEFAULT_PLAYBOOK.scorecard };
    expect(await addReview({ ...base, comment: '   ', scores: {} })).toMatchObject({ ok: false, code: 'empty' });
    expect(await db.outbox.count()).toBe(0);

    const saved = await addReview({ ...base, comment: '', scores: { 'pain-confirmed': 2 } }, 1_750_000_000_000);
    expect(saved.ok).toBe(true);
    const review = await db.reviews.get(saved.ok ? saved.id : '');
    expect(review).toMatchObject({ reviewerId: '', scores: { 'pain-confirmed': 2 }, createdAt: 1_750_000_000_000 });
    expect(await db.outbox.count()).toBe(1);
  });
});
