/**
 * The form of a header or enumeration value used for dictionary look-ups: full-width forms folded
 * (NFKC), lower case, and no spaces, punctuation or symbols, so "E-mail", "e mail" and "ＥＭＡＩＬ"
 * all become "email", and "手机号：" becomes "手机号".
 */
export function normalizeLabel(raw: string): string {
  return raw.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}
