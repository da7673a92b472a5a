import type { LeadRow } from '../../renderer/db/schema';
import { formatPhone } from '../../shared/model/phone';
import { searchClauses } from '../../shared/rules/leadSearch';

/**
 * At least 50 varied queries as SDRs type them: Chinese name fragments, English words, phone
 * numbers in several formats, e-mail and WeChat prefixes. Each comes with the raw index lookups
 * that are its floor.
 */
export function benchQueries(rows: readonly LeadRow[]): { text: string; lookups: [string, string][] }[] {
  const texts = ['科技', '蓝海', '上海', '星河科技', '医疗器械', '有限公司', '王', '李明', '华章', '深圳', 'north', 'atlas', 'analytics', 'emma', 'bluepeak software', 'harbor', 'chen', 'vantage', 'summit', 'lumen'];
  const step = Math.floor(rows.length / 40);
  for (let i = 0; i < 40; i++) {
    const row = rows[i * step]!;
    const phone = row.phones[0]!;
    switch (i % 5) {
      case 0:
        texts.push(formatPhone(phone, 'CN'));
        break;
      case 1:
        texts.push(phone.replace(/^\+(\d{2})(\d{3})(\d{4})(\d+)$/, '+$1 $2-$3-$4'));
        break;
      case 2:
        texts.push(phone.slice(-11, -4));
        break;
      case 3:
        texts.push(row.email ? row.email.slice(0, 12) : row.contactName);
        break;
      default:
        texts.push(row.wechatId || row.company.split(' ')[0]!.slice(0, 5));
    }
  }
  return texts.map((text) => ({
    text,
    lookups: searchClauses(text, 'CN').map((c) => ['searchTokens', c.op === 'prefix' ? `${c.token}*` : c.token]),
  }));
}

/** CSV rows as marketing hands them over, with numbers that collide with no seeded lead. */
export function importCsvRows(count: number): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  for (let i = 0; i < count; i++) {
    const chinese = i % 3 !== 0;
    rows.push({
      Company: chinese ? `导入测试${i}科技有限公司` : `Import Test ${i} Ltd`,
      Name: chinese ? `联系人${i}` : `Contact ${i}`,
      Title: chinese ? '市场经理' : 'Marketing Manager',
      Phone: `+86 15${String(i).padStart(9, '0')}`,
      Email: `lead${i}@import-test.example.com`,
      Source: chinese ? '官网表单' : 'Webinar',
      Industry: chinese ? 'SaaS 软件' : 'Software',
    });
  }
  return rows;
}
