import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MutationError, mutate, type SdrDeskDb } from '../../../renderer/db';
import { decodeHlc } from '../../../shared/sync/hlc';
import { makeLead } from '../../helpers/leadFactory';
import { openTestDb } from '../../helpers/testDb';

let db: SdrDeskDb;
beforeEach(async () => {
  db = await openTestDb();
});
afterEach(async () => {
  await db.delete();
});

describe('mutate()', () => {
  it('writes the lead and its outbox entry together, numbering mutations 1, 2, 3', async () => {
    const lead = makeLead({ createdAt: 1000, updatedAt: 1000 });
    await mutate(db, 'lead.create', { lead }, 1000);
    await mutate(db, 'lead.update', { id: lead.id, patch: { temperature: 'hot' }, updatedAt: 2000 }, 2000);
    await mutate(db, 'lead.update', { id: lead.id, patch: { title: 'CMO' }, updatedAt: 3000 }, 3000);

    const row = await db.leads.get(lead.id);
    expect(row).toMatchObject({ temperature: 'hot', title: 'CMO', updatedAt: 3000, createdAt: 1000 });
    expect(row?.searchTokens).toContain('科技');
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => [e.seq, e.name])).toEqual([
      [1, 'lead.create'],
      [2, 'lead.update'],
      [3, 'lead.update'],
    ]);
    expect(new Set(outbox.map((e) => e.clientId)).size).toBe(1);
    const clocks = outbox.map((e) => e.hlc);
    expect([...clocks].sort()).toEqual(clocks);
    expect(decodeHlc(clocks[2]!).wallMs).toBe(3000);
  });

  it('keeps neither the entity nor the outbox entry when the write fails', async () => {
    const lead = makeLead();
    await mutate(db, 'lead.create', { lead }, 1000);
    await expect(mutate(db, 'lead.create', { lead }, 2000)).rejects.toBeInstanceOf(MutationError);
    await expect(mutate(db, 'lead.update', { id: makeLead().id, patch: { title: 'x' }, updatedAt: 1 }, 3000)).rejects.toMatchObject({
      code: 'lead.notFound',
    });
    expect(await db.outbox.count()).toBe(1);
    expect(await db.leads.count()).toBe(1);
    // The sequence has no gap: the server stops at a gap, so a failed write must not burn a number.
    await mutate(db, 'lead.update', { id: lead.id, patch: { title: 'x' }, updatedAt: 4000 }, 4000);
    expect((await db.outbox.toArray()).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('refuses malformed arguments before touching anything, naming the field', async () => {
    const bad = { ...makeLead(), phones: ['13800138000'] };
    await expect(mutate(db, 'lead.create', { lead: bad }, 1000)).rejects.toThrow(/lead\.phones\.0/);
    expect(await db.leads.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses a patch that would make the lead invalid and leaves it as it was', async () => {
    const lead = makeLead();
    await mutate(db, 'lead.create', { lead }, 1000);
    await expect(mutate(db, 'lead.update', { id: lead.id, patch: { company: '' }, updatedAt: 2000 }, 2000)).rejects.toThrow();
    expect((await db.leads.get(lead.id))?.company).toBe(lead.company);
  });
});
