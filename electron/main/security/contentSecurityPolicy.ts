/**
 * The Content-Security-Policy sent with every app:// response. The renderer's index.html carries
 * a meta CSP too; the header is the one a compromised page cannot edit.
 *
 * No 'unsafe-inline' or 'unsafe-eval' anywhere: Vite emits external scripts and stylesheets, and
 * styles React sets through the DOM (element.style) are not subject to style-src. The team server
 * is reached through main, not by fetch; the one connection the page makes itself is the
 * softphone's WebSocket to the PBX (SOFTPHONE_CONNECT_SOURCES). The caller's audio is a
 * MediaStream set as srcObject, which loads no URL, so media-src needs nothing for it.
 */

/**
 * The softphone's SIP WebSocket: wss:// to any PBX, ws:// only to this machine, as the SIP
 * settings allow (shared/model/sip.ts). server/app.ts and renderer/index.html carry the same list.
 * A ws://[::1] source cannot be written: CSP's host grammar has no IPv6 literals, and browsers
 * drop such a source as invalid, so a PBX on this machine is reached as localhost or 127.0.0.1.
 */
export const SOFTPHONE_CONNECT_SOURCES = 'wss: ws://localhost:* ws://127.0.0.1:*';

const DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', `'self' ${SOFTPHONE_CONNECT_SOURCES}`],
  ['worker-src', "'self' blob:"],
  ['media-src', "'self'"],
  ['object-src', "'none'"],
  ['frame-src', "'none'"],
  ['frame-ancestors', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');
