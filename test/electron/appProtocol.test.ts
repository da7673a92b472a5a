import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, createAppRequestHandler } from '../../electron/main/security/appProtocol';
import { resolveAppPath } from '../../electron/main/security/resolveAppPath';

const ROOT = path.resolve('/srv/app/dist/renderer');

describe('resolveAppPath', () => {
  it.each([
    ['app://desk/', 'index.html'],
    ['app://desk', 'index.html'],
    ['app://desk/index.html', 'index.html'],
    ['app://desk/assets/index-B2x9.js', 'assets/index-B2x9.js'],
    ['app://desk/assets/logo.svg?v=2#x', 'assets/logo.svg'],
    ['app://desk/leads/42', 'leads/42'],
    ['app://desk/assets/%E4%BD%A0%E5%A5%BD.png', 'assets/你好.png'],
    ['app://desk//assets//a.js', 'assets/a.js'],
    // The URL parser resolves dot segments inside the path; the result stays under the root.
    ['app://desk/assets/../index.html', 'index.html'],
    ['app://desk/../../../etc/passwd', 'etc/passwd'],
    // Decoded exactly once: a double-encoded '..' is a folder literally named '%2e%2e'.
    ['app://desk/%252e%252e/secret', '%2e%2e/secret'],
  ])('%s → <root>/%s', (url, relative) => {
    expect(resolveAppPath(ROOT, url)).toBe(path.join(ROOT, relative));
  });

  it.each([
    'app://desk/%2e%2e/%2e%2e/etc/passwd',
    'app://desk/%2E%2E/secret',
    'app://desk/.%2e/secret',
    'app://desk/assets%2f..%2f..%2fsecret',
    'app://desk/..%5c..%5csecret',
    'app://desk/..\\..\\secret',
    'app://desk/assets\\..\\..\\secret',
    'app://desk/C:/Windows/win.ini',
    'app://desk/C:%5CWindows',
    'app://desk/index.html%00.png',
    'app://desk/%E0%A4%A',
    'app://other-host/index.html',
    'app://DESK.evil/index.html',
    'app://desk:8080/index.html',
    'app://user:pass@desk/index.html',
    'app:///etc/passwd',
    'app:/etc/passwd',
    'file:///etc/passwd',
    'https://desk/index.html',
    '/etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(ROOT, url)).toBeNull();
  });
});

describe('the app:// request handler', () => {
  let root: string;
  let handler: (request: Request) => Promise<Response>;

  beforeAll(() => {
    const base = mkdtempSync(path.join(tmpdir(), 'sdr-desk-protocol-'));
    root = path.join(base, 'renderer');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>SDR Desk</title>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    // A file next to the root that a traversal would try to reach.
    writeFileSync(path.join(base, 'secret.txt'), 'secret');
    handler = createAppRequestHandler(root);
  });

  afterAll(() => rmSync(path.dirname(root), { recursive: true, force: true }));

  it('is registered with the privileges the app needs and no more', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });

  it('serves an asset with its content type and a strict CSP header', async () => {
    const response = await handler(new Request('app://desk/assets/app.js'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log(1)');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });

  it('answers a client-side route with index.html', async () => {
    const response = await handler(new Request('app://desk/leads/0190a5b4-7c1e-7000-8000-000000000001'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>SDR Desk</title>');
  });

  it('answers a missing asset with 404, not index.html', async () => {
    const response = await handler(new Request('app://desk/assets/missing.js'));
    expect(response.status).toBe(404);
  });

  it('answers a traversal attempt with 404 without reading outside the root', async () => {
    const response = await handler(new Request('app://desk/%2e%2e/secret.txt'));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret');
  });

  it('answers a foreign host with 404', async () => {
    const response = await handler(new Request('app://evil/index.html'));
    expect(response.status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handler(new Request('app://desk/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });
});
