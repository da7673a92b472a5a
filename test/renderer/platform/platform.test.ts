import { describe, expect, it, vi } from 'vitest';
import type { CommandId } from '../../../shared/ipc/commands';
import type { DeepLinkTarget } from '../../../shared/ipc/deepLink';
import type { DesktopApi } from '../../../shared/ipc/desktopApi';
import { createBrowserPlatform } from '../../../renderer/platform/browser';
import { createDesktopPlatform } from '../../../renderer/platform/desktop';

function fakeDesktop() {
  const commandListeners: ((id: CommandId) => void)[] = [];
  const linkListeners: ((target: DeepLinkTarget) => void)[] = [];
  const api = {
    getAppInfo: vi.fn(async () => ({ version: '0.1.0', platform: 'linux', locale: 'zh-CN' })),
    openExternal: vi.fn(async () => undefined),
    setMenuLabels: vi.fn(async () => undefined),
    showNotification: vi.fn(async () => undefined),
    onCommand: vi.fn((listener: (id: CommandId) => void) => {
      commandListeners.push(listener);
      return () => undefined;
    }),
    onDeepLink: vi.fn((listener: (target: DeepLinkTarget) => void) => {
      linkListeners.push(listener);
      return () => undefined;
    }),
    server: {
      signIn: vi.fn(async () => ({ serverUrl: 'https://sdr.example.com', user: { id: 'u1', email: 'li@example.com', name: '李雷', role: 'sdr' as const, teamId: 't1' } })),
      signOut: vi.fn(async () => undefined),
      request: vi.fn(async () => ({ status: 200, body: { ok: true }, retryAfterSeconds: null })),
      session: vi.fn(async () => null),
    },
    sipSecret: { persistence: vi.fn(async () => 'keychain' as const), get: vi.fn(async () => 'secret'), set: vi.fn(async () => undefined) },
  } satisfies DesktopApi;
  return { api, commandListeners, linkListeners };
}

describe('the desktop platform', () => {
  it('speaks to window.desktop with the contract’s shapes', async () => {
    const { api, commandListeners, linkListeners } = fakeDesktop();
    const platform = createDesktopPlatform(api);
    expect(await platform.systemLocale()).toBe('zh-CN');
    await platform.openExternal('tel:+8613800138000');
    expect(api.openExternal).toHaveBeenCalledWith('tel:+8613800138000');
    await platform.notify('回电提醒', '王芳 10:30');
    expect(api.showNotification).toHaveBeenCalledWith({ title: '回电提醒', body: '王芳 10:30' });
    // The team server goes through main: the page gets answers, never the session token.
    expect(platform.server.fixedServerUrl).toBeNull();
    expect((await platform.server.signIn('https://sdr.example.com', 'li@example.com', 'pw')).user.name).toBe('李雷');
    expect(await platform.server.request('GET', '/api/team')).toMatchObject({ status: 200 });
    expect(api.server.request).toHaveBeenCalledWith('GET', '/api/team', undefined);
    // The SIP password stays in main; the page asks for it through the desktop API.
    expect(await platform.sipSecret.get()).toBe('secret');
    await platform.sipSecret.set(null);
    expect(api.sipSecret.set).toHaveBeenCalledWith(null);

    const commands: CommandId[] = [];
    platform.onCommand((id) => commands.push(id));
    commandListeners[0]!('lead.new');
    expect(commands).toEqual(['lead.new']);
    const links: DeepLinkTarget[] = [];
    platform.onDeepLink((target) => links.push(target));
    linkListeners[0]!({ kind: 'lead', leadId: 'x' });
    expect(links).toEqual([{ kind: 'lead', leadId: 'x' }]);
  });
});

describe('the browser platform', () => {
  it('refuses links the desktop shell would refuse, before the browser sees them', async () => {
    const platform = createBrowserPlatform();
    await expect(platform.openExternal('javascript:alert(1)')).rejects.toThrow(/refused/);
    await expect(platform.openExternal('tel:123;calc.exe')).rejects.toThrow(/refused/);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await platform.openExternal('tel:+86 138-0013-8000');
    expect(click).toHaveBeenCalledTimes(1);
    expect((click.mock.contexts[0] as HTMLAnchorElement).href).toBe('tel:+8613800138000');
    click.mockRestore();
  });
});
