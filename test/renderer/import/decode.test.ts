import { describe, expect, it } from 'vitest';
import { analyzeCsv } from '../../../renderer/features/import/csvTasks';
import { parseCsvTable } from '../../../renderer/features/import/csvTable';
import { decodeCsvBytes } from '../../../renderer/features/import/decodeCsvBytes';
import { csvBytes, fixtureBytes } from './importTestKit';

const utf16le = (text: string) => {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
    bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return bytes;
};

describe('decodeCsvBytes', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeCsvBytes(new TextEncoder().encode('公司,电话\n'))).toEqual({ ok: true, text: '公司,电话\n', encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('公司\n')]);
    expect(decodeCsvBytes(bytes)).toEqual({ ok: true, text: '公司\n', encoding: 'utf-8-bom' });
  });

  it('reads GBK bytes as written by Chinese Excel', () => {
    // "公司,电话" in GBK: 公 B9AB, 司 CBBE, 电 B5E7, 话 BBB0.
    const bytes = new Uint8Array([0xb9, 0xab, 0xcb, 0xbe, 0x2c, 0xb5, 0xe7, 0xbb, 0xb0, 0x0d, 0x0a]);
    expect(decodeCsvBytes(bytes)).toEqual({ ok: true, text: '公司,电话\r\n', encoding: 'gb18030' });
  });

  it('reads UTF-16LE with a BOM (Excel "Unicode text")', () => {
    expect(decodeCsvBytes(utf16le('公司\t电话\r\n'))).toEqual({ ok: true, text: '公司\t电话\r\n', encoding: 'utf-16le' });
  });

  it('recognises an Excel workbook renamed to .csv', () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
    expect(decodeCsvBytes(xlsx)).toEqual({ ok: false, problem: 'excelWorkbook' });
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(decodeCsvBytes(xls)).toEqual({ ok: false, problem: 'excelWorkbook' });
  });

  it('refuses binary files', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(decodeCsvBytes(png)).toEqual({ ok: false, problem: 'binary' });
  });
});

describe('analyzeCsv', () => {
  it('reads the GBK fixture: encoding, headers, rows, guessed mapping', () => {
    const result = analyzeCsv(fixtureBytes('leads-gbk.csv'));
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.analysis.encoding).toBe('gb18030');
    expect(result.analysis.headers).toEqual(['公司', '联系人', '职位', '手机', '邮箱', '微信', '来源', '行业']);
    expect(result.analysis.rowCount).toBe(6);
    expect(result.analysis.sample).toHaveLength(5);
    expect(result.analysis.sample[0]?.[0]).toBe('杭州云帆智能科技有限公司');
    expect(result.analysis.guessedMapping).toEqual(['company', 'contactName', 'title', 'phones', 'email', 'wechatId', 'sourceChannel', 'industry']);
  });

  it('detects tab, semicolon and comma delimiters', () => {
    const tab = analyzeCsv(utf16le('公司\t电话\r\n甲公司\t13800138000\r\n'));
    expect(tab.ok && tab.analysis.delimiter).toBe('\t');
    expect(tab.ok && tab.analysis.encoding).toBe('utf-16le');
    const semicolon = analyzeCsv(csvBytes(['Company;Phone', '"Acme; Inc";13800138000']));
    expect(semicolon.ok && semicolon.analysis.delimiter).toBe(';');
    expect(semicolon.ok && semicolon.analysis.sample[0]).toEqual(['Acme; Inc', '13800138000']);
    const comma = analyzeCsv(csvBytes(['Company,Phone', 'Acme,13800138000']));
    expect(comma.ok && comma.analysis.delimiter).toBe(',');
  });

  it('refuses an .xlsx with the Excel message, and files too large', () => {
    expect(analyzeCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toEqual({ ok: false, problem: { code: 'excelWorkbook' } });
    const big = new Uint8Array(50 * 1024 * 1024 + 1);
    expect(analyzeCsv(big)).toEqual({ ok: false, problem: { code: 'tooLarge', maxMb: 50 } });
  });

  it('refuses more than 200,000 rows', () => {
    const text = 'Company,Phone\n' + 'A,1\n'.repeat(200_001);
    expect(analyzeCsv(new TextEncoder().encode(text))).toEqual({ ok: false, problem: { code: 'tooManyRows', rows: 200_001, max: 200_000 } });
  });

  it('refuses a file with only a header, or nothing', () => {
    expect(analyzeCsv(csvBytes(['Company,Phone']))).toEqual({ ok: false, problem: { code: 'noDataRows' } });
    expect(analyzeCsv(new Uint8Array())).toEqual({ ok: false, problem: { code: 'empty' } });
  });
});

describe('parseCsvTable', () => {
  it('numbers rows as Excel does, even across blank lines and multi-line cells', () => {
    const result = parseCsvTable('公司,备注\r\n甲,"第一行\r\n第二行"\r\n\r\n乙,x\r\n');
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.table.rows.map((r) => [r.rowNumber, r.cells[0]])).toEqual([
      [2, '甲'],
      [4, '乙'],
    ]);
  });

  it('refuses an unclosed quote, naming its row', () => {
    expect(parseCsvTable('公司,电话\n甲,1\n乙,2\n"丙,3\n丁,4\n')).toEqual({ ok: false, problem: { code: 'unclosedQuote', row: 4 } });
  });

  it('keeps two columns with the same header', () => {
    const result = parseCsvTable('公司,电话,电话\n甲,1,2\n');
    expect(result.ok && result.table.headers).toEqual(['公司', '电话', '电话']);
  });
});
