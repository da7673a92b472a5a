import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';

function webRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sdr-web-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>SDR Desk</title>');
  return dir;
}

describe('the server in browser mode', () => {
  it('serves the renderer with the app’s content security policy, and the shell for client routes', async () => {
    const app = await createApp({ webRoot: webRoot() });
    const home = await app.inject({ url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<title>SDR Desk</title>');
    expect(home.headers['content-security-policy']).toContain("script-src 'self'");
    expect(home.headers['content-security-policy']).not.toContain('unsafe');
    expect((await app.inject({ url: '/leads/some-id' })).body).toContain('<title>SDR Desk</title>');
    const api = await app.inject({ url: '/api/nothing' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    await app.close();
  });

  it('refuses to start without a built renderer, and names a bad setting', async () => {
    await expect(createApp({ webRoot: join(tmpdir(), 'does-not-exist-sdr') })).rejects.toThrow(/npm run build:renderer/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(loadConfig({}).PORT).toBe(8787);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/sdr' })).toThrow(/DATABASE_URL/);
  });
});
