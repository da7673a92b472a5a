/**
 * sdrdesk:// links that the OS hands the app (from a browser, a mail, a CRM). Only the forms
 * listed here are understood; anything else is refused and never reaches the renderer.
 */

export const DEEP_LINK_SCHEME = 'sdrdesk';

const MAX_DEEP_LINK_LENGTH = 200;

export type DeepLinkTarget = { readonly kind: 'lead'; readonly leadId: string };

export type DeepLinkParseResult =
  | { readonly ok: true; readonly target: DeepLinkTarget }
  | { readonly ok: false; readonly reason: 'not-a-deep-link' | 'too-long' | 'unknown-target' };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
// Some launchers append a trailing slash; nothing else (query, fragment, extra segments) is accepted.
const LEAD_LINK = new RegExp(`^${DEEP_LINK_SCHEME}://lead/(${UUID})/?$`, 'i');
const LEAD_ID = new RegExp(`^${UUID}$`);

export function parseDeepLink(raw: string): DeepLinkParseResult {
  if (raw.length > MAX_DEEP_LINK_LENGTH) return { ok: false, reason: 'too-long' };
  if (!raw.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`)) return { ok: false, reason: 'not-a-deep-link' };
  const leadId = LEAD_LINK.exec(raw)?.[1];
  if (leadId === undefined) return { ok: false, reason: 'unknown-target' };
  return { ok: true, target: { kind: 'lead', leadId: leadId.toLowerCase() } };
}

/** The deep link among a process's command line arguments (Windows and Linux pass it there). */
export function findDeepLinkArgument(argv: readonly string[]): string | null {
  return argv.find((argument) => argument.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`)) ?? null;
}

export function isDeepLinkTarget(value: unknown): value is DeepLinkTarget {
  return (
    typeof value === 'object' &&
    value !== null &&
    'kind' in value &&
    value.kind === 'lead' &&
    'leadId' in value &&
    typeof value.leadId === 'string' &&
    LEAD_ID.test(value.leadId)
  );
}
