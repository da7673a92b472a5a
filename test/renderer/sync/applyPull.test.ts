import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db';
import { applyPull } from '../../../renderer/sync/applyPull';
import { makeLead } from '../../helpers/leadFactory';

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
});

const page = (changes: { kind: string; id: string; data: unknown }[], cursor = 7) => ({ cursor, changes, more: false, reset: false, members: [], serverTime: Date.now() });

describe('storing a pull page', () => {
  it('skips a kind of record newer than this app instead of failing the page, and keeps the cursor with the rows', async () => {
    const lead = makeLead();
    const applied = await applyPull(db, page([{ kind: 'review', id: 'r1', data: { score: 4 } }, { kind: 'lead', id: lead.id, data: lead }]), Date.now());
    expect(applied).toMatchObject({ applied: 1, unreadable: 1 });
    expect(await db.leads.get(lead.id)).toMatchObject({ company: lead.company });
    expect((await db.syncState.get('local'))?.cursor).toBe(7);
  });

  it('removes a lead that left this SDR with everything recorded on it', async () => {
    const lead = makeLead();
    await applyPull(db, page([{ kind: 'lead', id: lead.id, data: lead }]), Date.now());
    await applyPull(db, page([{ kind: 'lead', id: lead.id, data: null }], 9), Date.now());
    expect(await db.leads.get(lead.id)).toBeUndefined();
    expect((await db.syncState.get('local'))?.cursor).toBe(9);
  });
});
