/**
 * Serves the renderer build over app://desk/. Registered privileged before `ready` (standard:
 * relative URLs and storage work like on https; secure: a secure context; supportFetchAPI: the
 * page may fetch its own assets). No corsEnabled and no bypassCSP: nothing else should read it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { APP_SCHEME } from './appOrigin';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy';
import { indexFile, isSpaRoute, resolveAppPath } from './resolveAppPath';

export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export type ReadAppFile = (filePath: string) => Promise<Uint8Array>;

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'EISDIR');
}

function respond(status: number, body: Uint8Array | string, contentType: string): Response {
  // Copy into a fresh ArrayBuffer-backed view: a Node Buffer may share a larger pool.
  const payload = typeof body === 'string' ? body : new Uint8Array(body);
  return new Response(payload, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': contentType } });
}

async function serveFile(filePath: string, read: ReadAppFile): Promise<Response> {
  return respond(200, await read(filePath), contentTypeFor(filePath));
}

/** The protocol.handle handler, separate from Electron so it can be exercised with plain Requests. */
export function createAppRequestHandler(
  rootDir: string,
  read: ReadAppFile = readFile,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return respond(405, 'Method Not Allowed', 'text/plain; charset=utf-8');
    }
    const filePath = resolveAppPath(rootDir, request.url);
    if (filePath === null) return respond(404, 'Not Found', 'text/plain; charset=utf-8');
    try {
      return await serveFile(filePath, read);
    } catch (error) {
      if (!isMissingFile(error)) throw error;
      if (!isSpaRoute(filePath)) return respond(404, 'Not Found', 'text/plain; charset=utf-8');
      return serveFile(indexFile(rootDir), read);
    }
  };
}

export function installAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rootDir));
}
