/**
 * The app's CSP exists three times: the app:// header (Electron), the team server's header
 * (browser mode) and index.html's meta tag. Their connect-src must agree, or the softphone would
 * work in one build and be blocked in another.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY as ELECTRON_POLICY } from '../../electron/main/security/contentSecurityPolicy';
import { CONTENT_SECURITY_POLICY as SERVER_POLICY } from '../../server/app';

const root = path.resolve(import.meta.dirname, '..', '..');

function metaPolicy(): string {
  const html = readFileSync(path.join(root, 'renderer', 'index.html'), 'utf8');
  const match = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (match?.[1] === undefined) throw new Error('index.html has no CSP meta tag');
  return match[1];
}

function sources(policy: string, directive: string): string[] {
  const found = policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([name]) => name === directive);
  if (found === undefined) throw new Error(`no ${directive} in ${policy}`);
  return found.slice(1);
}

const POLICIES = { electron: ELECTRON_POLICY, server: SERVER_POLICY, indexHtml: metaPolicy() };

describe('connect-src', () => {
  it.each(Object.entries(POLICIES))('in the %s policy allows the PBX WebSocket: wss anywhere, ws only to this machine', (_name, policy) => {
    expect(sources(policy, 'connect-src')).toEqual(["'self'", 'wss:', 'ws://localhost:*', 'ws://127.0.0.1:*']);
  });
});
