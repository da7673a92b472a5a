import type { Lead } from '../model/lead';
import { normalizePhone, phoneSearchDigits, type PhoneRegion } from '../model/phone';

/**
 * Search runs on a multi-entry index of tokens per lead, so a keystroke is a few index range
 * scans, never a table scan. Latin text is indexed by word and matched by word prefix ("acm" finds
 * "Acme"); Chinese, Japanese and Korean text has no spaces, so it is indexed as character bigrams,
 * and a query matches when all its bigrams do ("科技" finds "甲乙测试科技有限公司"). Phones and e-mails get prefixed tokens of their own so that digits typed in
 * any common form find the number and the import can look duplicates up exactly.
 */

const PHONE = 't:';
const EMAIL = 'e:';

export type SearchClause = { readonly op: 'prefix' | 'exact'; readonly token: string };

export function leadSearchTokens(lead: Pick<Lead, 'company' | 'contactName' | 'email' | 'wechatId' | 'phones'>): string[] {
  const tokens = new Set<string>();
  for (const text of [lead.company, lead.contactName]) addTextTokens(text, tokens);
  if (lead.email) {
    tokens.add(EMAIL + lead.email.toLowerCase());
    addTextTokens(lead.email.replace(/[@._+-]/g, ' '), tokens);
  }
  if (lead.wechatId) {
    tokens.add(normalizeText(lead.wechatId));
    addTextTokens(lead.wechatId, tokens);
  }
  for (const phone of lead.phones) {
    for (const digits of phoneSearchDigits(phone)) tokens.add(PHONE + digits);
  }
  return [...tokens];
}

/** Exact index keys under which a duplicate of this lead would be stored. */
export function leadDedupeKeys(lead: Pick<Lead, 'email' | 'phones'>): string[] {
  const keys = lead.phones.map((p) => PHONE + p.slice(1));
  if (lead.email) keys.push(EMAIL + lead.email.toLowerCase());
  return keys;
}

/** Every clause must match for a lead to be found. An empty list means "no search". */
export function searchClauses(query: string, defaultRegion: PhoneRegion): SearchClause[] {
  const trimmed = query.trim();
  if (trimmed === '') return [];
  if (/^[+\d\s().\-/]+$/.test(trimmed)) {
    const digits = trimmed.replace(/\D/g, '');
    if (digits.length >= 3) {
      const parsed = normalizePhone(trimmed, defaultRegion);
      return [{ op: 'prefix', token: PHONE + (parsed.ok ? parsed.e164.slice(1) : digits) }];
    }
  }
  const clauses: SearchClause[] = [];
  for (const term of trimmed.split(/\s+/)) {
    if (term.includes('@')) {
      clauses.push({ op: 'prefix', token: EMAIL + term.toLowerCase() });
      continue;
    }
    for (const run of textRuns(term)) {
      if (run.cjk) {
        const chars = [...run.text];
        if (chars.length === 1) clauses.push({ op: 'prefix', token: run.text });
        for (let i = 0; i + 1 < chars.length; i++) clauses.push({ op: 'exact', token: chars[i]! + chars[i + 1]! });
      } else {
        clauses.push({ op: 'prefix', token: run.text });
      }
    }
  }
  // A query of stop tokens alone ("有限公司") would match nearly every lead: it narrows nothing.
  return dedupeClauses(clauses.filter((c) => !STOP_TOKENS.has(c.token))).slice(0, MAX_CLAUSES);
}

const MAX_CLAUSES = 12;

/**
 * Tokens nearly every lead carries ("…有限公司", "Ltd", ".cn", WeChat's "wx_"): indexing them
 * writes long lists that tell no lead apart. They are left out of the index and out of queries.
 */
const STOP_TOKENS: ReadonlySet<string> = new Set([
  '有限', '限公', '公司', '司', '股份', '份有',
  'ltd', 'inc', 'co', 'llc', 'gmbh', 'pte', 'corp', 'limited', 'com', 'cn', 'net', 'org', 'wx',
]);

function addTextTokens(text: string, into: Set<string>): void {
  const add = (token: string) => STOP_TOKENS.has(token) || into.add(token);
  for (const run of textRuns(text)) {
    if (!run.cjk) {
      add(run.text);
      continue;
    }
    // Bigrams, plus the run's last character alone: a one-character query is a prefix scan, and
    // every character starts a bigram except the last. Unigrams for every character would nearly
    // double the index for nothing.
    const chars = [...run.text];
    chars.forEach((c, i) => {
      const next = chars[i + 1];
      add(next === undefined ? c : c + next);
    });
  }
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD_OR_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|[\p{L}\p{N}]+/gu;

function textRuns(text: string): { text: string; cjk: boolean }[] {
  const runs: { text: string; cjk: boolean }[] = [];
  for (const match of normalizeText(text).matchAll(WORD_OR_CJK)) {
    runs.push({ text: match[0], cjk: CJK.test(match[0]) });
  }
  return runs;
}

/** Full-width letters and digits (common in Chinese input) fold to their ASCII forms. */
function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function dedupeClauses(clauses: readonly SearchClause[]): SearchClause[] {
  const seen = new Set<string>();
  return clauses.filter((c) => (seen.has(c.op + c.token) ? false : (seen.add(c.op + c.token), true)));
}
