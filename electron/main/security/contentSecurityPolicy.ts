/**
 * The Content-Security-Policy sent with every app:// response. The renderer's index.html carries
 * a meta CSP too; the header is the one a compromised page cannot edit.
 *
 * No 'unsafe-inline' or 'unsafe-eval' anywhere: Vite emits external scripts and stylesheets, and
 * styles React sets through the DOM (element.style) are not subject to style-src. connect-src is
 * 'self' because in Electron the renderer reaches the server through main, not by fetch.
 */
const DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self' blob:"],
  ['media-src', "'self'"],
  ['object-src', "'none'"],
  ['frame-src', "'none'"],
  ['frame-ancestors', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');
