import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mutate, type SdrDeskDb } from '../../../renderer/db';
import { importLeadsFromFile } from '../../../renderer/features/import';
import { findLeadsByDedupeKeys } from '../../../renderer/features/import/queries';
import { leadDedupeKeys } from '../../../shared/rules/leadSearch';
import { openTestDb } from '../../helpers/testDb';
import { T0, csvBytes, importOptions, makeLead } from './importTestKit';

let db: SdrDeskDb;
beforeEach(async () => {
  db = await openTestDb();
});
afterEach(async () => {
  await db.delete();
});

const stored = Array.from({ length: 12 }, (_, i) =>
  makeLead({ company: `公司${i}`, phones: [`+86138001380${String(i).padStart(2, '0')}`], email: i % 3 === 0 ? `p${i}@example.cn` : '' }),
);

describe('findLeadsByDedupeKeys', () => {
  it('finds the same leads by index scan and by per-key look-up', async () => {
    for (const lead of stored) await mutate(db, 'lead.create', { lead }, T0);
    const keys = [...leadDedupeKeys({ phones: ['+8613800138001'], email: 'p6@example.cn' }), 't:8613900000000', 'e:nobody@example.cn'];
    const expected = [stored[1]!.id, stored[6]!.id].sort();
    for (const lookup of ['scan', 'perKey'] as const) {
      const found = await db.transaction('r', db.leads, () => findLeadsByDedupeKeys(db, keys, lookup));
      expect(found.map((l) => l.id).sort(), lookup).toEqual(expected);
    }
    expect((await findLeadsByDedupeKeys(db, keys)).map((l) => l.id).sort()).toEqual(expected);
    expect(await findLeadsByDedupeKeys(db, [])).toEqual([]);
  });

  it('does not call a number a duplicate because its digits equal another lead’s national form', async () => {
    // +86 155 1234 5678 is indexed under its national digits 15512345678 too, which are also the
    // E.164 digits of the US number +1 551 234 5678: a different phone.
    await mutate(db, 'lead.create', { lead: makeLead({ company: '甲', phones: ['+8615512345678'] }) }, T0);
    const result = await importLeadsFromFile(db, csvBytes(['Company,Phone', 'Acme Inc,+1 551 234 5678']), importOptions({ defaultPhoneRegion: 'US' }));
    expect(result).toMatchObject({ state: 'done', created: 1, skipped: 0 });
  });
});
