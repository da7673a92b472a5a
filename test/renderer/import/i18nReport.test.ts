import Papa from 'papaparse';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../renderer/app/i18n';
import { describeIssue } from '../../../renderer/features/import/describeIssue';
import { buildReportCsv } from '../../../renderer/features/import/reportCsv';
import { importStrings } from '../../../renderer/features/import/strings';
import type { RowIssue } from '../../../renderer/features/import/types';

function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

const badPhone: RowIssue = { rowNumber: 5, field: 'phones', column: '手机', value: '12345', reason: { scope: 'lead', code: 'phone.invalid' } };
const noContact: RowIssue = { rowNumber: 6, field: 'phones', column: null, value: '', reason: { scope: 'lead', code: 'contact.required' } };
const duplicate: RowIssue = { rowNumber: 7, field: 'email', column: null, value: 'a@b.cn', reason: { scope: 'import', code: 'duplicateInFile', params: { row: 3 } } };

describe('import strings', () => {
  it('has the same keys in English and Chinese', () => {
    expect(keyPaths(importStrings['zh-CN']).sort()).toEqual(keyPaths(importStrings.en).sort());
  });

  it('translates validation codes that contain dots, from the default namespace', async () => {
    const i18n = await createI18n('en');
    const t = i18n.getFixedT('en', 'import') as TFunction;
    expect(describeIssue(badPhone, t)).toEqual({ row: 5, field: '手机', value: '12345', reason: 'Not a valid phone number' });
    expect(describeIssue(noContact, t)).toMatchObject({ field: 'Phone / e-mail / WeChat', reason: 'Give at least a phone, an e-mail or a WeChat ID' });
    expect(describeIssue(duplicate, t)).toMatchObject({ field: 'E-mail', reason: 'Same phone number or e-mail as row 3' });

    const zh = (await createI18n('zh-CN')).getFixedT('zh-CN', 'import') as TFunction;
    expect(describeIssue(badPhone, zh).reason).toBe('不是有效的电话号码');
    expect(describeIssue(duplicate, zh)).toMatchObject({ field: '邮箱', reason: '与第 3 行的电话或邮箱重复' });
  });
});

describe('buildReportCsv', () => {
  it('writes a UTF-8 BOM, a header and one line per issue, with formulas neutralised', () => {
    const csv = buildReportCsv(
      [
        { row: 5, field: '手机', value: '12345', reason: '不是有效的电话号码' },
        { row: 9, field: '备注', value: '=HYPERLINK("http://x")', reason: '内容过长, 请缩短' },
      ],
      { row: '行号', field: '字段', value: '内容', reason: '原因' },
    );
    expect(csv.startsWith('\uFEFF行号,字段,内容,原因\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1).trim()).data;
    expect(parsed).toEqual([
      ['行号', '字段', '内容', '原因'],
      ['5', '手机', '12345', '不是有效的电话号码'],
      ['9', '备注', `'=HYPERLINK("http://x")`, '内容过长, 请缩短'],
    ]);
  });
});
