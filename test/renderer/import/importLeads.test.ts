import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mutate, type SdrDeskDb } from '../../../renderer/db';
import { importLeadsFromFile } from '../../../renderer/features/import';
import type { ImportProgress } from '../../../renderer/features/import';
import { IMPORT_CHUNK_SIZE } from '../../../renderer/features/import/mutations';
import { openTestDb } from '../../helpers/testDb';
import { T0, csvBytes, fixtureBytes, importOptions, makeLead } from './importTestKit';

let db: SdrDeskDb;
beforeEach(async () => {
  db = await openTestDb();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

/** A file of `count` distinct, valid leads: phones 138 0000 0000 + i, e-mails lead<i>@example.cn. */
function bigCsv(count: number): Uint8Array {
  const lines = ['公司,联系人,手机,邮箱,来源'];
  for (let i = 0; i < count; i++) lines.push(`测试科技${i}有限公司,联系人${i},1380000${String(i).padStart(4, '0')},lead${i}@example.cn,官网`);
  return csvBytes(lines);
}

async function snapshot() {
  return { leads: await db.leads.count(), outbox: await db.outbox.count(), sync: await db.syncState.toArray() };
}

describe('importLeadsFromFile', () => {
  it('imports the GBK fixture: 5 leads, 1 row reported', async () => {
    const result = await importLeadsFromFile(db, fixtureBytes('leads-gbk.csv'), importOptions({ fileName: 'leads-gbk.csv' }));
    if (result.state !== 'done') throw new Error(result.state);
    expect(result).toMatchObject({ created: 5, merged: 0, skipped: 0, invalid: 1 });
    expect(result.issues).toEqual([{ rowNumber: 5, field: 'phones', column: '手机', value: '12345', reason: { scope: 'lead', code: 'phone.invalid' } }]);
    const lead = await db.leads.where('searchTokens').equals('t:8613800138000').first();
    expect(lead).toMatchObject({ company: '杭州云帆智能科技有限公司', contactName: '王磊', sourceChannel: 'website_form', owner: '王芳', kind: 'outbound', importBatchId: result.batchId });
    expect(await db.importBatches.get(result.batchId)).toMatchObject({ state: 'done', created: 5, merged: 0, skipped: 1, fileName: 'leads-gbk.csv' });
  });

  it('skips rows that duplicate existing leads by phone or e-mail, and rows repeated in the file', async () => {
    await mutate(db, 'lead.create', { lead: makeLead({ company: '甲科技', phones: ['+8613800138000'] }) }, T0);
    await mutate(db, 'lead.create', { lead: makeLead({ company: '乙科技', email: 'yi@example.cn' }) }, T0);
    const bytes = csvBytes([
      '公司,手机,邮箱',
      '甲科技（新）,+86 138-0013-8000,',
      '乙,,YI@example.cn',
      '丙,13900139000,',
      '丙（重复）,139 0013 9000,',
    ]);
    const result = await importLeadsFromFile(db, bytes, importOptions({ duplicates: 'skip' }));
    if (result.state !== 'done') throw new Error(result.state);
    expect(result).toMatchObject({ created: 1, merged: 0, skipped: 3, invalid: 0 });
    expect(result.issues.map((i) => [i.rowNumber, i.reason.code])).toEqual([
      [2, 'duplicateExisting'],
      [3, 'duplicateExisting'],
      [5, 'duplicateInFile'],
    ]);
    expect(await db.leads.count()).toBe(3);
  });

  it('merges duplicates: fills empty fields, adds phones, keeps what was there', async () => {
    const existing = makeLead({ company: '甲科技', contactName: '王磊', phones: ['+8613800138000'], title: '' });
    await mutate(db, 'lead.create', { lead: existing }, T0);
    const bytes = csvBytes(['公司,联系人,职位,手机,座机', '甲科技有限公司,王小磊,IT总监,13800138000,010-6552 9988']);
    const result = await importLeadsFromFile(db, bytes, importOptions({ duplicates: 'merge' }));
    expect(result).toMatchObject({ state: 'done', created: 0, merged: 1, skipped: 0 });
    expect(await db.leads.get(existing.id)).toMatchObject({
      company: '甲科技',
      contactName: '王磊',
      title: 'IT总监',
      phones: ['+8613800138000', '+861065529988'],
    });
    // The added number is searchable at once: the index fields were rebuilt.
    expect(await db.leads.where('searchTokens').equals('t:861065529988').count()).toBe(1);
  });

  it('imports a few thousand rows in chunked mutations inside one batch', async () => {
    const count = 2300;
    const progress: ImportProgress[] = [];
    const result = await importLeadsFromFile(db, bigCsv(count), importOptions(), (p) => progress.push(p));
    if (result.state !== 'done') throw new Error(result.state);
    expect(result).toMatchObject({ created: count, merged: 0, skipped: 0, invalid: 0 });
    expect(await db.leads.count()).toBe(count);
    expect(await db.leads.where('searchTokens').equals('t:8613800001234').first()).toMatchObject({ company: '测试科技1234有限公司' });
    expect(await db.leads.where('searchTokens').equals('e:lead2299@example.cn').count()).toBe(1);

    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(Math.ceil(count / IMPORT_CHUNK_SIZE));
    expect(outbox.every((m) => m.name === 'lead.importBatch')).toBe(true);
    expect(outbox.map((m) => m.seq)).toEqual(outbox.map((_, i) => i + 1));
    expect(await db.importBatches.get(result.batchId)).toMatchObject({ state: 'done', created: count, merged: 0, skipped: 0 });

    const saving = progress.filter((p) => p.phase === 'saving');
    expect(saving.at(-1)).toEqual({ phase: 'saving', done: count, total: count });
    expect(progress.some((p) => p.phase === 'checking')).toBe(true);
    // File order survives "oldest first".
    const oldestFirst = (await db.leads.toArray()).sort((a, b) => a.createdAt - b.createdAt);
    expect(oldestFirst.slice(0, 3).map((l) => l.company)).toEqual(['测试科技0有限公司', '测试科技1有限公司', '测试科技2有限公司']);
  });

  it('a cancel after the first saved chunk leaves leads and outbox exactly as before', async () => {
    await mutate(db, 'lead.create', { lead: makeLead({ phones: ['+8613700137000'] }) }, T0);
    const before = await snapshot();
    const controller = new AbortController();
    const result = await importLeadsFromFile(
      db,
      bigCsv(2300),
      importOptions(),
      (p) => {
        if (p.phase === 'saving') controller.abort();
      },
      controller.signal,
    );
    expect(result.state).toBe('cancelled');
    expect(await snapshot()).toEqual(before);
    const batches = await db.importBatches.toArray();
    expect(batches).toEqual([expect.objectContaining({ state: 'cancelled', created: 0, merged: 0 })]);
  });

  it('a failure in a later chunk rolls everything back', async () => {
    const before = await snapshot();
    // Mutations write through tables bound to their transaction, so the fault goes on the prototype.
    const proto = Object.getPrototypeOf(db.outbox) as typeof db.outbox;
    const add = proto.add;
    let calls = 0;
    vi.spyOn(proto, 'add').mockImplementation(function (this: typeof db.outbox, entry) {
      if (this.name !== 'outbox') return add.call(this, entry);
      calls++;
      if (calls === 3) return Promise.reject(new Error('disk full')) as ReturnType<typeof add>;
      return add.call(this, entry);
    });
    const result = await importLeadsFromFile(db, bigCsv(2300), importOptions());
    expect(calls).toBe(3);
    expect(result).toMatchObject({ state: 'failed', message: 'disk full' });
    expect(await snapshot()).toEqual(before);
    expect(await db.importBatches.toArray()).toEqual([expect.objectContaining({ state: 'failed', created: 0 })]);
  });

  it('refuses a mapping without company or contact columns, before writing anything', async () => {
    const result = await importLeadsFromFile(db, csvBytes(['姓名,备注', '王磊,x']), importOptions());
    expect(result).toMatchObject({ state: 'unmapped', problems: [{ code: 'companyMissing' }, { code: 'contactMissing' }] });
    expect(await db.importBatches.count()).toBe(0);
  });

  it('refuses an Excel workbook', async () => {
    const result = await importLeadsFromFile(db, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), importOptions());
    expect(result).toEqual({ state: 'refused', problem: { code: 'excelWorkbook' } });
  });
});
