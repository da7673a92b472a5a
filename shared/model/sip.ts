import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';
import { parseUrl } from '../ipc/whatwgUrl';
import type { Disposition } from './playbook';

/**
 * The built-in softphone's account: SIP over WebSocket to the team's PBX or cloud call centre.
 * The password is not part of it: the desktop app keeps it in the OS keychain (safeStorage), a
 * browser tab only for its session.
 */

export const DTMF_MODES = ['rtp', 'info'] as const;
export type DtmfMode = (typeof DTMF_MODES)[number];

export type SipSettingError =
  | 'sip.wsUrl.invalid'
  | 'sip.wsUrl.insecure'
  | 'sip.uri.invalid'
  | 'sip.authUser.invalid'
  | 'sip.ice.invalid'
  | 'sip.template.empty'
  | 'sip.template.placeholder'
  | 'sip.template.invalid'
  | 'sip.prefix.invalid';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** wss:// anywhere; ws:// only to this machine (a PBX on localhost, the test server). */
export function validateWsUrl(value: string): SipSettingError | null {
  // parseUrl, not URL: shared/ compiles without the DOM's typings.
  const url = parseUrl(value.trim());
  if (url === null) return 'sip.wsUrl.invalid';
  if (url.username !== '' || url.password !== '' || url.hash !== '' || url.hostname === '') return 'sip.wsUrl.invalid';
  if (url.protocol === 'wss:') return null;
  if (url.protocol === 'ws:') return LOCAL_HOSTS.has(url.hostname) ? null : 'sip.wsUrl.insecure';
  return 'sip.wsUrl.invalid';
}

const HOST = String.raw`(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])`;
// The user part of a SIP URI: unreserved characters, escapes and the user-unreserved set of RFC 3261.
const USER = String.raw`(?:[A-Za-z0-9\-_.!~*'()&=+$,;?/]|%[0-9A-Fa-f]{2})+`;
const SIP_URI = new RegExp(String.raw`^sips?:(${USER})@(${HOST})(?::(\d{1,5}))?$`);

export interface ParsedSipUri {
  readonly user: string;
  readonly host: string;
}

/** `sip:alice@pbx.example.com[:port]`; parameters and headers are not allowed in settings. */
export function parseSipUri(value: string): ParsedSipUri | null {
  const match = SIP_URI.exec(value.trim());
  if (!match) return null;
  const port = match[3] === undefined ? null : Number(match[3]);
  if (port !== null && (port < 1 || port > 65535)) return null;
  return { user: match[1]!, host: match[2]! };
}

export function validateSipUri(value: string): SipSettingError | null {
  return parseSipUri(value) === null ? 'sip.uri.invalid' : null;
}

const TARGET_PLACEHOLDERS = ['e164', 'digits', 'national'] as const;

/**
 * The rule that turns a lead's number into a SIP target, e.g. `sip:{national}@pbx.example.com`
 * with dial prefix `9`. {e164} is +8613800138000, {digits} 8613800138000, {national} 13800138000
 * (a landline keeps its trunk 0: 01065529988); the dial prefix goes in front of the number. The
 * filled target must be a SIP URI.
 */
export function validateTargetTemplate(template: string): SipSettingError | null {
  const trimmed = template.trim();
  if (trimmed === '') return 'sip.template.empty';
  const names = [...trimmed.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] ?? '');
  if (names.length !== 1 || !(TARGET_PLACEHOLDERS as readonly string[]).includes(names[0]!)) return 'sip.template.placeholder';
  return parseSipUri(fillTarget(trimmed, '+8613800138000', '9')) === null ? 'sip.template.invalid' : null;
}

function fillTarget(template: string, e164: string, prefix: string): string {
  // The number as dialled inside its country: the national format keeps the trunk 0 a landline
  // needs (010 6552 9988 → 01065529988), which the bare national number drops (1065529988).
  const national = parsePhoneNumberFromString(e164)?.formatNational().replace(/\D/g, '') || e164.slice(1);
  const values: Record<(typeof TARGET_PLACEHOLDERS)[number], string> = { e164, digits: e164.slice(1), national };
  // '#' may not appear bare in a SIP URI's user part (RFC 3261); the PBX unescapes %23.
  const dialled = prefix.replaceAll('#', '%23');
  return template.replace(/\{(e164|digits|national)\}/, (_, name: (typeof TARGET_PLACEHOLDERS)[number]) => dialled + values[name]);
}

const E164 = /^\+[1-9]\d{6,14}$/;

export type SipTargetResult = { readonly ok: true; readonly uri: string } | { readonly ok: false; readonly code: 'sip.target.number' | 'sip.target.template' };

/** The SIP URI that calls `e164` with this account's rule. */
export function sipTarget(account: Pick<SipAccount, 'targetTemplate' | 'dialPrefix'>, e164: string): SipTargetResult {
  if (!E164.test(e164)) return { ok: false, code: 'sip.target.number' };
  if (validateTargetTemplate(account.targetTemplate) !== null) return { ok: false, code: 'sip.target.template' };
  return { ok: true, uri: fillTarget(account.targetTemplate.trim(), e164, account.dialPrefix) };
}

/**
 * A colleague's extension ("8002"), a full SIP URI, or a phone number, as typed into the transfer
 * box: an extension goes to the account's domain, a number through the dial rule.
 */
export function transferTarget(account: SipAccount, typed: string, e164: string | null): SipTargetResult {
  const text = typed.trim();
  if (parseSipUri(text) !== null) return { ok: true, uri: text };
  if (e164 !== null) return sipTarget(account, e164);
  const domain = parseSipUri(account.sipUri)?.host;
  if (/^[0-9*#]{1,15}$/.test(text) && domain) return { ok: true, uri: `sip:${text}@${domain}` };
  return { ok: false, code: 'sip.target.number' };
}

const check = (validate: (value: string) => SipSettingError | null) =>
  z.string().max(500).superRefine((value, ctx) => {
    const error = validate(value);
    if (error !== null) ctx.addIssue({ code: 'custom', message: error });
  });

export const IceServerSchema = z
  .object({
    urls: z.string().regex(/^(stun|turn|turns):[^\s]+$/, { error: 'sip.ice.invalid' }).max(300),
    username: z.string().max(200).optional(),
    credential: z.string().max(200).optional(),
  })
  .strict();
export type IceServer = z.infer<typeof IceServerSchema>;

export const SipAccountSchema = z
  .object({
    wsUrl: check(validateWsUrl),
    sipUri: check(validateSipUri),
    /** The digest user when it differs from the URI's user part; '' uses the URI's. */
    authUser: z.string().max(100).regex(/^[^\s:@]*$/, { error: 'sip.authUser.invalid' }),
    displayName: z.string().max(80),
    /** None by default: a PBX on the company network needs no STUN, and a public one leaks. */
    iceServers: z.array(IceServerSchema).max(5),
    targetTemplate: check(validateTargetTemplate),
    dialPrefix: z.string().regex(/^[0-9*#]{0,6}$/, { error: 'sip.prefix.invalid' }),
    dtmf: z.enum(DTMF_MODES),
  })
  .strict();
export type SipAccount = z.infer<typeof SipAccountSchema>;

/** The microphone and speaker chosen on this device; null is the system default. */
export const AudioDevicesSchema = z.object({ input: z.string().max(300).nullable(), output: z.string().max(300).nullable() }).strict();
export type AudioDevices = z.infer<typeof AudioDevicesSchema>;

/** How a SIP call ended, as far as the disposition's default cares. */
export const SIP_OUTCOMES = ['answered', 'busy', 'declined', 'noAnswer', 'notFound', 'failed'] as const;
export type SipOutcome = (typeof SIP_OUTCOMES)[number];

/** The outcome of a call that was never answered, from the final SIP status (0: no response at all). */
export function outcomeForStatus(status: number): Exclude<SipOutcome, 'answered'> {
  if (status === 486 || status === 600) return 'busy';
  if (status === 603) return 'declined';
  if (status === 404 || status === 604 || status === 410 || status === 484) return 'notFound';
  if (status === 408 || status === 480 || status === 487) return 'noAnswer';
  return 'failed';
}

/** Per-call audio quality from WebRTC getStats, summed over the call. */
export const CallQualitySchema = z
  .object({
    packetsReceived: z.number().int().nonnegative(),
    packetsLost: z.number().int().nonnegative(),
    /** Lost / (received + lost), in percent. */
    lossPct: z.number().min(0).max(100),
    /** The worst inbound jitter seen, in ms. */
    jitterMs: z.number().nonnegative().max(60_000),
    /** Mean round-trip time, in ms; null when the peer sent no RTCP reports. */
    rttMs: z.number().nonnegative().max(60_000).nullable(),
  })
  .strict();
export type CallQuality = z.infer<typeof CallQualitySchema>;

/** What the softphone knows about a call it carried; absent for calls placed by other dialers. */
export const CallSipSchema = z
  .object({
    outcome: z.enum(SIP_OUTCOMES),
    /** The final SIP status (200, 486, …); null when the call ended without one (network lost). */
    status: z.number().int().min(100).max(699).nullable(),
    reason: z.string().max(200),
    quality: CallQualitySchema.nullable(),
  })
  .strict();
export type CallSip = z.infer<typeof CallSipSchema>;

/** Quality an SDR hears as broken: warn in the call panel. */
export function isPoorQuality(q: Pick<CallQuality, 'lossPct' | 'jitterMs' | 'rttMs'>): boolean {
  return q.lossPct > 5 || q.jitterMs > 50 || (q.rttMs ?? 0) > 400;
}

const OUTCOME_DISPOSITION_IDS: Readonly<Record<SipOutcome, readonly string[]>> = {
  answered: ['connected-conversation'],
  busy: ['busy'],
  declined: ['no-answer', 'busy'],
  noAnswer: ['no-answer'],
  notFound: ['wrong-number'],
  failed: [],
};

/**
 * The disposition the wrap-up starts on for a SIP outcome: the team's well-known ids first, then
 * by meaning (answered → the first "connected" one with no effect, not found → the wrong-number
 * one). The SDR can always pick another; a failed call has no default.
 */
export function defaultDispositionFor(outcome: SipOutcome, dispositions: readonly Disposition[]): string | null {
  for (const id of OUTCOME_DISPOSITION_IDS[outcome]) if (dispositions.some((d) => d.id === id)) return id;
  if (outcome === 'answered') return dispositions.find((d) => d.connected && d.effect === 'none')?.id ?? null;
  if (outcome === 'notFound') return dispositions.find((d) => d.effect === 'wrongNumber')?.id ?? null;
  if (outcome === 'busy' || outcome === 'declined' || outcome === 'noAnswer') return dispositions.find((d) => !d.connected && d.effect === 'none')?.id ?? null;
  return null;
}
