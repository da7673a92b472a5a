import { describe, expect, it } from 'vitest';
import { parseCsvTable, type CsvTable } from '../../../renderer/features/import/csvTable';
import { validateRows } from '../../../renderer/features/import/validateRows';
import type { ColumnMapping } from '../../../renderer/features/import/types';
import { guessColumnMapping } from '../../../renderer/features/import/columnMapping';

const ctx = { defaultPhoneRegion: 'CN', defaultKind: 'outbound', ownerName: '王芳' } as const;

function table(text: string): CsvTable {
  const result = parseCsvTable(text);
  if (!result.ok) throw new Error(result.problem.code);
  return result.table;
}

function validate(text: string, mapping?: ColumnMapping) {
  const t = table(text);
  return validateRows(t, mapping ?? guessColumnMapping(t.headers), ctx);
}

describe('validateRows', () => {
  it('normalises good rows into lead fields', () => {
    const { rows, issues } = validate('公司,联系人,手机,座机,热度,来源,类型,标签,备注\n甲乙科技,王磊,138 0013 8000,(010) 6552-9988,热,官网表单,呼入,"SaaS、制造",老客户转介绍\n');
    expect(issues).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      rowNumber: 2,
      fields: {
        company: '甲乙科技',
        contactName: '王磊',
        phones: ['+8613800138000', '+861065529988'],
        temperature: 'hot',
        sourceChannel: 'website_form',
        kind: 'inbound',
        tags: ['SaaS', '制造'],
        customFields: { 备注: '老客户转介绍' },
        owner: '王芳',
        timeZone: 'Asia/Shanghai',
        status: 'new',
      },
    });
  });

  it('reports a bad phone with the Excel row number, the field and the column', () => {
    const { rows, issues } = validate('公司,手机,邮箱\n甲,13800138000,\n乙,12345,yi@example.cn\n丙,,bad-mail\n');
    expect(rows.map((r) => r.rowNumber)).toEqual([2]);
    expect(issues).toEqual([
      { rowNumber: 3, field: 'phones', column: '手机', value: '12345', reason: { scope: 'lead', code: 'phone.invalid' } },
      { rowNumber: 4, field: 'email', column: '邮箱', value: 'bad-mail', reason: { scope: 'lead', code: 'email.invalid' } },
    ]);
  });

  it('names the right column when a second phone column is bad', () => {
    const { issues } = validate('公司,手机,座机\n甲,13800138000,99\n');
    expect(issues).toEqual([{ rowNumber: 2, field: 'phones', column: '座机', value: '99', reason: { scope: 'lead', code: 'phone.invalid' } }]);
  });

  it('reports a row with no way to reach anyone, and a missing company', () => {
    const { issues } = validate('公司,手机,邮箱\n甲,,\n,13800138000,\n');
    expect(issues).toEqual([
      { rowNumber: 2, field: 'phones', column: null, value: '', reason: { scope: 'lead', code: 'contact.required' } },
      { rowNumber: 3, field: 'company', column: '公司', value: '', reason: { scope: 'lead', code: 'required' } },
    ]);
  });

  it('keeps an unknown source as "other" plus a custom field, but rejects an unknown temperature', () => {
    const { rows, issues } = validate('公司,手机,来源,热度\n甲,13800138000,抖音直播间,\n乙,13900139000,,很烫\n');
    expect(rows[0]?.fields).toMatchObject({ sourceChannel: 'other', customFields: { 来源: '抖音直播间' } });
    expect(issues).toEqual([{ rowNumber: 3, field: 'temperature', column: '热度', value: '很烫', reason: { scope: 'lead', code: 'choice.invalid' } }]);
  });

  it('refuses rows whose values are shifted past the last column', () => {
    const { issues } = validate('公司,手机\n甲,13800138000\n乙有限公司,深圳分公司,13900139000\n');
    expect(issues).toEqual([
      { rowNumber: 3, field: 'row', column: null, value: '13900139000', reason: { scope: 'import', code: 'tooManyValues', params: { count: 3, columns: 2 } } },
    ]);
  });

  it('ignores columns set to ignore and uses the default kind', () => {
    const { rows } = validate('公司,手机,备注\n甲,13800138000,秘密\n', ['company', 'phones', 'ignore']);
    expect(rows[0]?.fields).toMatchObject({ customFields: {}, kind: 'outbound' });
  });
});
