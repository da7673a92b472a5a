import { describe, expect, it } from 'vitest';
import { leadDedupeKeys, leadSearchTokens, searchClauses, type SearchClause } from '../../shared/rules/leadSearch';

const lead = {
  company: '甲乙测试科技有限公司',
  contactName: 'Wang Fang 王芳',
  email: 'wang.fang@jiayi-tech.cn',
  wechatId: 'WX_WangFang88',
  phones: ['+8613800138000', '+861065529988'],
};
const tokens = new Set(leadSearchTokens(lead));

/** Mirrors how the index answers: exact key or key prefix, every clause must hit. */
function finds(query: string): boolean {
  const clauses = searchClauses(query, 'CN');
  const hit = (c: SearchClause) => (c.op === 'exact' ? tokens.has(c.token) : [...tokens].some((t) => t.startsWith(c.token)));
  return clauses.length > 0 && clauses.every(hit);
}

describe('lead search tokens', () => {
  it.each(['科技', '甲乙测试', '测', '王芳', 'wang', 'FANG', 'jiayi', 'wx_wangfang', 'wang.fang@jiayi', '138 0013 8000', '+86 13800138000', '13800138000', '(010) 6552-9988', '010 6552', '+86 10 6552 9988', '8613800'])(
    'finds the lead by %s',
    (query) => expect(finds(query)).toBe(true),
  );

  it.each(['科学', '乙甲', 'zhang', '139 0013 8000', '021 6552 9988', 'fang@other'])('does not find it by %s', (query) => {
    expect(finds(query)).toBe(false);
  });

  it('leaves words every company carries out of the index but still answers queries that contain them', () => {
    expect(tokens.has('公司')).toBe(false);
    expect(finds('测试科技有限公司')).toBe(true);
    expect(searchClauses('Northwind Ltd', 'CN')).toEqual([{ op: 'prefix', token: 'northwind' }]);
    expect(searchClauses('有限公司', 'CN')).toEqual([]);
  });

  it('folds full-width input typed with a Chinese IME', () => {
    expect(finds('ＷＡＮＧ')).toBe(true);
  });

  it('has exact dedupe keys for phones and e-mail', () => {
    expect(leadDedupeKeys(lead)).toEqual(['t:8613800138000', 't:861065529988', 'e:wang.fang@jiayi-tech.cn']);
    for (const key of leadDedupeKeys(lead)) expect(tokens.has(key)).toBe(true);
  });

  it('makes no clause for an empty query', () => {
    expect(searchClauses('   ', 'CN')).toEqual([]);
  });
});
