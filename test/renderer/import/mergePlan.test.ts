import { describe, expect, it } from 'vitest';
import { planImport } from '../../../renderer/features/import/importPlan';
import { mergePatch } from '../../../renderer/features/import/mergePatch';
import type { ValidRow } from '../../../renderer/features/import/types';
import { T0, makeLead } from './importTestKit';

let n = 0;
const options = (mode: 'skip' | 'merge') => ({ batchId: '0195a000-0000-7000-8000-000000000001', now: T0, mode, newId: () => `id-${++n}` });
const row = (rowNumber: number, overrides: Partial<ValidRow['fields']>): ValidRow => {
  const { id: _id, createdAt: _c, updatedAt: _u, firstContactedAt: _f, lastContactedAt: _l, nextCallbackAt: _n, doNotCall: _d, importBatchId: _i, ...fields } = makeLead(overrides);
  return { rowNumber, fields };
};

describe('mergePatch', () => {
  it('fills empty fields, adds phones and tags, never overwrites', () => {
    const target = makeLead({ contactName: '王磊', email: '', phones: ['+8613800138000'], tags: ['SaaS'], customFields: { 备注: '老客户' } });
    const incoming = makeLead({ contactName: '王小磊', email: 'wl@example.cn', title: 'CTO', phones: ['+8613900139000', '+8613800138000'], tags: ['SaaS', '制造'], customFields: { 备注: '新备注', 预算: '50万' }, temperature: 'hot' });
    expect(mergePatch(target, incoming)).toEqual({
      email: 'wl@example.cn',
      title: 'CTO',
      phones: ['+8613800138000', '+8613900139000'],
      tags: ['SaaS', '制造'],
      customFields: { 备注: '老客户', 预算: '50万' },
    });
  });

  it('stops at five phone numbers', () => {
    const target = makeLead({ phones: ['+8613800000001', '+8613800000002', '+8613800000003', '+8613800000004'] });
    const patch = mergePatch(target, makeLead({ phones: ['+8613800000005', '+8613800000006'] }));
    expect(patch.phones).toHaveLength(5);
  });
});

describe('planImport', () => {
  it('skips duplicates of existing leads and of earlier rows, naming them', () => {
    const existing = makeLead({ company: '甲科技', phones: ['+8613800138000'] });
    const plan = planImport(
      [
        row(2, { company: '甲科技', phones: ['+8613800138000'] }),
        row(3, { company: '乙', phones: ['+8613900139000'], email: 'a@b.cn' }),
        row(4, { company: '乙（重复）', email: 'A@B.cn'.toLowerCase() }),
      ],
      [existing],
      options('skip'),
    );
    expect(plan.created.map((l) => l.company)).toEqual(['乙']);
    expect(plan.skipped).toEqual([
      { rowNumber: 2, field: 'phones', column: null, value: '+8613800138000', reason: { scope: 'import', code: 'duplicateExisting', params: { company: '甲科技' } } },
      { rowNumber: 4, field: 'email', column: null, value: 'a@b.cn', reason: { scope: 'import', code: 'duplicateInFile', params: { row: 3 } } },
    ]);
  });

  it('merges duplicates into the existing lead and into the earlier row', () => {
    const existing = makeLead({ company: '甲科技', phones: ['+8613800138000'], email: '' });
    const plan = planImport(
      [
        row(2, { company: '甲科技', phones: ['+8613800138000'], email: 'jia@example.cn' }),
        row(3, { company: '乙', phones: ['+8613900139000'] }),
        row(4, { company: '乙', phones: ['+8613900139000', '+8613700137000'], title: '经理' }),
        // Matches the existing lead only through the e-mail row 2 added.
        row(5, { company: '甲', email: 'jia@example.cn', wechatId: 'jia_wx' }),
      ],
      [existing],
      options('merge'),
    );
    expect(plan.mergedRows).toBe(3);
    expect(plan.merged).toEqual([{ id: existing.id, patch: { email: 'jia@example.cn', wechatId: 'jia_wx' } }]);
    expect(plan.created).toHaveLength(1);
    expect(plan.created[0]).toMatchObject({ company: '乙', title: '经理', phones: ['+8613900139000', '+8613700137000'] });
    expect(plan.skipped).toEqual([]);
  });

  it('stamps new leads with the batch, staggered creation times and empty contact history', () => {
    const plan = planImport([row(2, { company: 'A', phones: ['+8613800000001'] }), row(7, { company: 'B', phones: ['+8613800000002'] })], [], options('skip'));
    expect(plan.created.map((l) => [l.createdAt - T0, l.updatedAt - T0])).toEqual([[0, 0], [5, 5]]);
    expect(plan.created[0]).toMatchObject({ importBatchId: options('skip').batchId, firstContactedAt: null, lastContactedAt: null, nextCallbackAt: null, doNotCall: false });
  });
});
