import { z } from 'zod';
import { validateExternalLink } from '../ipc/externalLinks';
import { parseUrl } from '../ipc/whatwgUrl';

/**
 * How the desk places a call: the OS's tel: or callto: handler (a softphone, Skype, a paired
 * phone), a team template for a PBX or click-to-call service, or no dialing at all (the SDR dials
 * on a desk phone and only logs the call).
 */
export const DIALER_KINDS = ['tel', 'callto', 'template', 'sip', 'logOnly'] as const;
export type DialerKind = (typeof DIALER_KINDS)[number];

/** 'sip' is the built-in softphone; its account is the separate `sipAccount` setting. */
export type DialerSetting = { kind: 'tel' } | { kind: 'callto' } | { kind: 'template'; template: string } | { kind: 'sip' } | { kind: 'logOnly' };

export const DIAL_TEMPLATE_SCHEMES = ['tel', 'callto', 'sip', 'sips', 'https'] as const;
export const MAX_DIAL_TEMPLATE_LENGTH = 500;

export type DialTemplateError =
  | 'template.empty'
  | 'template.noPlaceholder'
  | 'template.unknownPlaceholder'
  | 'template.scheme'
  | 'template.invalid'
  | 'template.tooLong';

const PLACEHOLDERS = ['e164', 'digits'] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];

/** A real-looking number substituted when checking a template. */
const SAMPLE_E164 = '+8613800138000';

// Whitespace, controls and invisible characters: a URL handed to the OS never needs them.
// eslint-disable-next-line no-control-regex
const WHITESPACE_OR_CONTROL = /[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

function fill(template: string, e164: string): string {
  const values: Record<Placeholder, string> = { e164, digits: e164.slice(1) };
  return template.replace(/\{(e164|digits)\}/g, (_, name: Placeholder) => values[name]);
}

/**
 * Checks a team's dial template, e.g. 'sip:{e164}@pbx.example.com' or
 * 'https://dial.example.com/call?to={digits}': {e164} is '+8613800138000', {digits} is
 * '8613800138000'. Returns an i18n code, or null when the template is usable. A usable template
 * filled with any valid number is a link validateExternalLink accepts.
 */
export function validateDialTemplate(template: string): DialTemplateError | null {
  if (template.trim() === '') return 'template.empty';
  if (template.length > MAX_DIAL_TEMPLATE_LENGTH) return 'template.tooLong';
  if (WHITESPACE_OR_CONTROL.test(template)) return 'template.invalid';

  const names = [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] ?? '');
  if (names.some((name) => !(PLACEHOLDERS as readonly string[]).includes(name))) return 'template.unknownPlaceholder';
  // A brace left over once the placeholders are gone is a typo such as '{e164' or '{{e164}}'.
  if (/[{}]/.test(template.replace(/\{(e164|digits)\}/g, ''))) return 'template.invalid';
  if (names.length === 0) return 'template.noPlaceholder';

  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(template)?.[1]?.toLowerCase();
  if (scheme === undefined || !(DIAL_TEMPLATE_SCHEMES as readonly string[]).includes(scheme)) return 'template.scheme';

  const sample = fill(template, SAMPLE_E164);
  const url = parseUrl(sample);
  if (url === null) return 'template.invalid';
  if (scheme === 'https' && url.hostname === '') return 'template.invalid';
  // What the OS receives goes through the same gate as every other link; a template that fails
  // it would only fail later, at the moment the SDR clicks "call".
  return validateExternalLink(sample).ok ? null : 'template.invalid';
}

const templateSchema = z.string().superRefine((template, ctx) => {
  const error = validateDialTemplate(template);
  if (error !== null) ctx.addIssue({ code: 'custom', message: error });
});

export const DialerSettingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tel') }).strict(),
  z.object({ kind: z.literal('callto') }).strict(),
  z.object({ kind: z.literal('template'), template: templateSchema }).strict(),
  z.object({ kind: z.literal('sip') }).strict(),
  z.object({ kind: z.literal('logOnly') }).strict(),
]) satisfies z.ZodType<DialerSetting>;

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * The link that dials `e164` with this setting, or null when nothing is dialed: 'logOnly', a
 * number that is not E.164, a template that no longer validates, or the softphone (which dials
 * itself).
 */
export function dialUri(setting: DialerSetting, e164: string): string | null {
  if (!E164.test(e164)) return null;
  switch (setting.kind) {
    case 'tel':
      return `tel:${e164}`;
    case 'callto':
      return `callto:${e164}`;
    case 'template':
      return validateDialTemplate(setting.template) === null ? fill(setting.template, e164) : null;
    case 'sip':
    case 'logOnly':
      return null;
  }
}
