/**
 * The only links the app hands to the OS: tel:, callto:, sip:, sips:, mailto: and https:. Each is
 * rebuilt from the
 * parts that were checked, never passed through, so whatever the OS receives is exactly what was
 * validated. Main uses this before shell.openExternal; the renderer uses it in browser mode.
 */
import { parseUrl } from './whatwgUrl';

export const MAX_EXTERNAL_LINK_LENGTH = 2000;

export type ExternalLinkRefusal =
  | 'empty'
  | 'too-long'
  | 'control-character'
  | 'scheme-not-allowed'
  | 'malformed-encoding'
  | 'invalid-phone-number'
  | 'invalid-email-address'
  | 'mailto-parameter-not-allowed'
  | 'unparseable'
  | 'credentials-not-allowed'
  | 'invalid-host'
  | 'invalid-sip-address'
  | 'sip-parameter-not-allowed';

export type ExternalLinkResult =
  | { readonly ok: true; readonly url: string }
  | { readonly ok: false; readonly reason: ExternalLinkRefusal };

const refuse = (reason: ExternalLinkRefusal): ExternalLinkResult => ({ ok: false, reason });

// C0/C1 controls, zero-width and bidirectional-override characters: invisible in a link's
// text, they can disguise where it goes or smuggle a second command line argument.
// eslint-disable-next-line no-control-regex
const INVISIBLE_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    // A lone '%' or a broken UTF-8 sequence: the caller refuses the link.
    return null;
  }
}

// Separators people type inside phone numbers; anything else (letters, ';', ',') is refused,
// which also refuses dial strings such as ';ext=' or pauses that some dialers act on.
const PHONE_SEPARATORS = /[\s\-.()]/g;

/** tel: and callto: (the softphones' older spelling) take the same plain phone number. */
function phoneLink(scheme: 'tel' | 'callto', rest: string): ExternalLinkResult {
  const decoded = decode(rest);
  if (decoded === null) return refuse('malformed-encoding');
  if (INVISIBLE_OR_CONTROL.test(decoded)) return refuse('control-character');
  const compact = decoded.replace(PHONE_SEPARATORS, '');
  if (!/^\+?\d{3,20}$/.test(compact)) return refuse('invalid-phone-number');
  return { ok: true, url: `${scheme}:${compact}` };
}

const EMAIL_LOCAL_PART = /^[a-z0-9_+-]+(\.[a-z0-9_+-]+)*$/i;
const DNS_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const MAILTO_PARAMETERS = new Set(['subject', 'body']);

/** The ASCII (punycode) form of a host name, or null if it is not a plain DNS name. */
function asciiHostname(host: string): string | null {
  const parsed = parseUrl(`https://${host}/`);
  if (parsed === null || parsed.port !== '' || parsed.pathname !== '/') return null;
  return DNS_NAME.test(parsed.hostname) ? parsed.hostname : null;
}

function emailAddress(text: string): string | null {
  const at = text.lastIndexOf('@');
  if (at <= 0 || text.length > 254) return null;
  const local = text.slice(0, at);
  const domain = asciiHostname(text.slice(at + 1));
  if (local.length > 64 || !EMAIL_LOCAL_PART.test(local) || domain === null) return null;
  // Require a dot in the domain: a bare host such as "localhost" is not an address anyone mails.
  return domain.includes('.') ? `${local}@${domain}` : null;
}

function mailtoLink(rest: string): ExternalLinkResult {
  const queryStart = rest.indexOf('?');
  const rawAddress = queryStart === -1 ? rest : rest.slice(0, queryStart);
  const rawQuery = queryStart === -1 ? '' : rest.slice(queryStart + 1);
  const decodedAddress = decode(rawAddress);
  if (decodedAddress === null) return refuse('malformed-encoding');
  const address = emailAddress(decodedAddress);
  if (address === null) return refuse('invalid-email-address');

  const parameters = new Map<string, string>();
  for (const pair of rawQuery === '' ? [] : rawQuery.split('&')) {
    const equals = pair.indexOf('=');
    const name = (equals === -1 ? pair : pair.slice(0, equals)).toLowerCase();
    // Only a subject and a body: cc/bcc add recipients the user never saw, and some mail
    // clients honour "attach=" with a local file path.
    if (!MAILTO_PARAMETERS.has(name) || parameters.has(name)) return refuse('mailto-parameter-not-allowed');
    const value = decode(equals === -1 ? '' : pair.slice(equals + 1).replace(/\+/g, '%20'));
    if (value === null) return refuse('malformed-encoding');
    // Line breaks belong in a body; in a subject they could start a new mail header.
    const checked = name === 'body' ? value.replace(/\r?\n/g, '') : value;
    if (INVISIBLE_OR_CONTROL.test(checked)) return refuse('control-character');
    parameters.set(name, value);
  }
  const query = [...parameters]
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');
  return { ok: true, url: `mailto:${address}${query === '' ? '' : `?${query}`}` };
}

const SIP_TOKEN = /^[A-Za-z0-9._+-]{1,64}$/;
const PHONE_LIKE = /^[+\d\s\-.()]+$/;
const HOST_AND_PORT = /^([^:]+)(?::(\d{1,5}))?$/;

/** The user part of a SIP address: a phone number (separators dropped) or a plain extension/name. */
function sipUser(user: string): string | null {
  if (SIP_TOKEN.test(user)) return user;
  if (!PHONE_LIKE.test(user)) return null;
  const compact = user.replace(PHONE_SEPARATORS, '');
  return /^\+?\d{3,20}$/.test(compact) ? compact : null;
}

/** A DNS name (as ASCII) or a dotted-quad IPv4 address, with an optional port; nothing else. */
function sipHost(hostAndPort: string): string | null {
  const match = HOST_AND_PORT.exec(hostAndPort);
  if (match === null) return null;
  const [, host = '', port] = match;
  if (/[/\\?#@;%[\]]/.test(host)) return null;
  const ascii = asciiHostname(host);
  // The URL parser reads "010.1" or "0x7f.1" as IPv4; only the plain dotted-quad spelling is let through.
  if (ascii === null || (/^[\d.]+$/.test(ascii) && ascii !== host)) return null;
  if (port === undefined) return ascii;
  const n = Number(port);
  return n >= 1 && n <= 65535 && String(n) === port ? `${ascii}:${n}` : null;
}

/**
 * sip:/sips: as user@host only. URI parameters and headers (';transport=', '?X-Header=') are
 * refused: a softphone acts on them (routes, headers, "method="), and no dialer template needs one.
 */
function sipLink(scheme: 'sip' | 'sips', rest: string): ExternalLinkResult {
  const decoded = decode(rest);
  if (decoded === null) return refuse('malformed-encoding');
  if (INVISIBLE_OR_CONTROL.test(decoded)) return refuse('control-character');
  if (/[;?]/.test(decoded)) return refuse('sip-parameter-not-allowed');
  const at = decoded.indexOf('@');
  if (at === -1 || decoded.indexOf('@', at + 1) !== -1) return refuse('invalid-sip-address');
  const rawUser = decoded.slice(0, at);
  if (rawUser.includes(':')) return refuse('credentials-not-allowed');
  const user = sipUser(rawUser);
  if (user === null) return refuse('invalid-sip-address');
  const host = sipHost(decoded.slice(at + 1));
  if (host === null) return refuse('invalid-host');
  return { ok: true, url: `${scheme}:${user}@${host}` };
}

function httpsLink(raw: string): ExternalLinkResult {
  // Insist on the "https://" spelling: the WHATWG parser would also accept "https:host" and
  // back slashes, forms a reader of the link would not expect to mean the same thing.
  if (!/^https:\/\/[^/\\]/i.test(raw) || raw.includes('\\')) return refuse('unparseable');
  const url = parseUrl(raw);
  if (url === null) return refuse('unparseable');
  if (url.username !== '' || url.password !== '') return refuse('credentials-not-allowed');
  if (!DNS_NAME.test(url.hostname) || !url.hostname.includes('.')) return refuse('invalid-host');
  const port = url.port === '' ? '' : `:${url.port}`;
  return { ok: true, url: `https://${url.hostname}${port}${url.pathname}${url.search}${url.hash}` };
}

export function validateExternalLink(input: string): ExternalLinkResult {
  if (input.length > MAX_EXTERNAL_LINK_LENGTH) return refuse('too-long');
  if (INVISIBLE_OR_CONTROL.test(input)) return refuse('control-character');
  const raw = input.trim();
  if (raw === '') return refuse('empty');
  const colon = raw.indexOf(':');
  const scheme = colon === -1 ? '' : raw.slice(0, colon).toLowerCase();
  const rest = raw.slice(colon + 1);
  let result: ExternalLinkResult;
  switch (scheme) {
    case 'tel':
    case 'callto':
      result = phoneLink(scheme, rest);
      break;
    case 'sip':
    case 'sips':
      result = sipLink(scheme, rest);
      break;
    case 'mailto':
      result = mailtoLink(rest);
      break;
    case 'https':
      result = httpsLink(raw);
      break;
    default:
      return refuse('scheme-not-allowed');
  }
  if (result.ok && result.url.length > MAX_EXTERNAL_LINK_LENGTH) return refuse('too-long');
  return result;
}
