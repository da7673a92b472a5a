import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type PhoneRegion = CountryCode;

export type PhoneParseResult =
  | { readonly ok: true; readonly e164: string }
  | { readonly ok: false; readonly code: 'phone.invalid' };

/**
 * Parses a phone number typed or imported in any common form ("138 0013 8000", "+86 13800138000",
 * "(010) 6552-9988", "0086 …") against the team's default region. The full metadata build is used
 * because the lighter one accepts numbers of a plausible length that no carrier issues.
 */
export function normalizePhone(raw: string, defaultRegion: PhoneRegion): PhoneParseResult {
  const trimmed = raw.trim();
  if (trimmed.length === 0 || trimmed.length > 40) return { ok: false, code: 'phone.invalid' };
  const parsed = parsePhoneNumberFromString(trimmed, defaultRegion);
  if (!parsed || !parsed.isValid()) return { ok: false, code: 'phone.invalid' };
  return { ok: true, e164: parsed.number };
}

/** Shows a stored E.164 number the way a caller in `viewerRegion` dials it. */
export function formatPhone(e164: string, viewerRegion: PhoneRegion): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === viewerRegion ? parsed.formatNational() : parsed.formatInternational();
}

/**
 * Digit strings under which a stored number can be found: the E.164 digits, the national
 * significant number and the national form with its trunk prefix ("010…"), so a partial number
 * typed in any of those forms matches by prefix.
 */
export function phoneSearchDigits(e164: string): readonly string[] {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return [e164.replace(/\D/g, '')];
  const national = parsed.formatNational().replace(/\D/g, '');
  return [...new Set([parsed.number.replace(/\D/g, ''), parsed.nationalNumber, national])];
}

/** IANA zone implied by a number, when its country has a single one worth assuming. */
export function timeZoneForPhone(e164: string): string | undefined {
  const country = parsePhoneNumberFromString(e164)?.country;
  return country ? SINGLE_ZONE_COUNTRIES[country] : undefined;
}

const SINGLE_ZONE_COUNTRIES: Partial<Record<CountryCode, string>> = {
  CN: 'Asia/Shanghai',
  HK: 'Asia/Hong_Kong',
  MO: 'Asia/Macau',
  TW: 'Asia/Taipei',
  SG: 'Asia/Singapore',
  JP: 'Asia/Tokyo',
  KR: 'Asia/Seoul',
  GB: 'Europe/London',
  DE: 'Europe/Berlin',
  FR: 'Europe/Paris',
  IN: 'Asia/Kolkata',
};

export type DialInputResult = PhoneParseResult | { readonly ok: false; readonly code: 'phone.letters' | 'phone.empty' };

/**
 * A number typed or pasted into the dial pad. Letters are refused outright rather than read as a
 * keypad word ("1-800-FLOWERS"), because in a pasted CRM cell they mean "ext." or a name crept in.
 */
export function parseDialInput(raw: string, defaultRegion: PhoneRegion): DialInputResult {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: false, code: 'phone.empty' };
  if (/\p{L}/u.test(trimmed)) return { ok: false, code: 'phone.letters' };
  return normalizePhone(trimmed, defaultRegion);
}
