/**
 * Maps an app:// request to a file under the renderer's build folder, or null when the request
 * would reach anything outside it. Chromium normalizes URLs before the protocol handler sees
 * them, but this function does not rely on that: it refuses every spelling of "go up" itself.
 */
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './appOrigin';

const INDEX_FILE = 'index.html';

export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  // Raw back slashes and encoded dots, slashes, back slashes or NULs are never part of a built
  // asset's URL; refusing them before decoding leaves no double-decoding tricks.
  if (requestUrl.includes('\\') || /%(2e|2f|5c|00)/i.test(requestUrl)) return null;
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    // Unparseable request: nothing to serve.
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (url.username !== '' || url.password !== '') return null;

  const segments: string[] = [];
  for (const rawSegment of url.pathname.split('/')) {
    if (rawSegment === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch {
      // Malformed percent-encoding.
      return null;
    }
    // '..' and '.' are resolved away by the URL parser; seeing one here means a spelling it did
    // not normalize. ':' would name a drive or an NTFS stream on Windows.
    if (segment === '..' || segment === '.' || /[/\\:\0]/.test(segment)) return null;
    segments.push(segment);
  }
  if (segments.length === 0) segments.push(INDEX_FILE);

  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, ...segments);
  const relative = path.relative(root, resolved);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return resolved;
}

/**
 * A request for a missing file that has no extension is a client-side route (/leads/123):
 * the single-page app answers it with index.html. A missing asset (.js, .png) stays a 404.
 */
export function isSpaRoute(filePath: string): boolean {
  return path.extname(filePath) === '';
}

export function indexFile(rootDir: string): string {
  return path.resolve(rootDir, INDEX_FILE);
}
