import { describe, expect, it } from 'vitest';
import { QUEUE_BUCKET, orderQueue, queueKey } from '../../shared/rules/leadQueue';
import { canTransition, manualStatusChoices } from '../../shared/rules/lifecycle';

const base = {
  kind: 'inbound',
  status: 'new',
  doNotCall: false,
  firstContactedAt: null,
  lastContactedAt: null,
  createdAt: 1_700_000_000_000,
  priority: 2,
  temperature: 'warm',
} as const;

describe('queue order', () => {
  it('puts uncontacted inbound leads first, oldest first', () => {
    const older = queueKey({ ...base, createdAt: base.createdAt - 1000 });
    const newer = queueKey(base);
    expect(older.queueBucket).toBe(QUEUE_BUCKET.fresh);
    expect(older.queueSort).toBeLessThan(newer.queueSort);
  });

  it('orders the rest by priority, then temperature, then least recently touched', () => {
    const p1cold = queueKey({ ...base, kind: 'outbound', priority: 1, temperature: 'cold' });
    const p2hot = queueKey({ ...base, kind: 'outbound', priority: 2, temperature: 'hot' });
    const p2hotTouched = queueKey({ ...base, kind: 'outbound', priority: 2, temperature: 'hot', lastContactedAt: base.createdAt + 5000 });
    expect(p1cold.queueBucket).toBe(QUEUE_BUCKET.working);
    expect(p1cold.queueSort).toBeLessThan(p2hot.queueSort);
    expect(p2hot.queueSort).toBeLessThan(p2hotTouched.queueSort);
  });

  it('puts leads sales returned ahead of every other lead being worked, the longest-waiting first', () => {
    const p1hot = queueKey({ ...base, kind: 'outbound', status: 'working', priority: 1, temperature: 'hot', lastContactedAt: base.createdAt });
    const returnedCold = queueKey({ ...base, status: 'returned', priority: 3, temperature: 'cold', lastContactedAt: base.createdAt + 9000 });
    const returnedEarlier = queueKey({ ...base, status: 'returned', priority: 3, temperature: 'cold', lastContactedAt: base.createdAt + 1000 });
    expect(returnedCold.queueBucket).toBe(QUEUE_BUCKET.working);
    expect(returnedCold.queueSort).toBeLessThan(p1hot.queueSort);
    expect(returnedEarlier.queueSort).toBeLessThan(returnedCold.queueSort);
  });

  it('sinks handed-off, disqualified and do-not-call leads', () => {
    expect(queueKey({ ...base, status: 'mql' }).queueBucket).toBe(QUEUE_BUCKET.closed);
    expect(queueKey({ ...base, status: 'working', doNotCall: true }).queueBucket).toBe(QUEUE_BUCKET.closed);
  });

  it('lifts due call-backs to the top, ahead of fresh leads', () => {
    const order = orderQueue({ fresh: ['f1', 'f2'], working: ['w1', 'w2', 'w3'], closed: ['c1'] }, ['w3']);
    expect(order).toEqual(['w3', 'f1', 'f2', 'w1', 'w2', 'c1']);
  });
});

describe('lifecycle', () => {
  it('lets the form set only statuses an SDR sets by hand', () => {
    expect(manualStatusChoices(null)).toEqual(['new', 'working', 'nurturing']);
    expect(manualStatusChoices('working')).toEqual(['working', 'nurturing', 'disqualified']);
    expect(manualStatusChoices('mql')).toEqual(['mql']);
    expect(canTransition('new', 'sql')).toBe(false);
    expect(canTransition('mql', 'sql')).toBe(true);
  });
});
