import { describe, expect, it, vi } from 'vitest';
import { createDeepLinkRouter, registerDeepLinkScheme } from '../../electron/main/services/deepLinks';
import { findDeepLinkArgument, isDeepLinkTarget, parseDeepLink } from '../../shared/ipc/deepLink';

vi.mock('../../electron/main/log', () => ({ log: { warn: vi.fn(), error: vi.fn() } }));

const LEAD_ID = '0190a5b4-7c1e-7abc-8def-0123456789ab';

describe('parseDeepLink', () => {
  it.each([
    `sdrdesk://lead/${LEAD_ID}`,
    `sdrdesk://lead/${LEAD_ID}/`,
    `SDRDESK://LEAD/${LEAD_ID.toUpperCase()}`,
  ])('opens the lead from %s', (url) => {
    expect(parseDeepLink(url)).toEqual({ ok: true, target: { kind: 'lead', leadId: LEAD_ID } });
  });

  it.each([
    ['https://example.com/', 'not-a-deep-link'],
    ['sdrdesk:lead/x', 'not-a-deep-link'],
    ['javascript:alert(1)//sdrdesk://lead/x', 'not-a-deep-link'],
    ['sdrdesk://lead/', 'unknown-target'],
    ['sdrdesk://lead/not-a-uuid', 'unknown-target'],
    [`sdrdesk://lead/${LEAD_ID}/edit`, 'unknown-target'],
    [`sdrdesk://lead/${LEAD_ID}?x=1`, 'unknown-target'],
    [`sdrdesk://lead/${LEAD_ID}#x`, 'unknown-target'],
    [`sdrdesk://lead/${LEAD_ID}%00`, 'unknown-target'],
    [`sdrdesk://lead/../settings/${LEAD_ID}`, 'unknown-target'],
    [`sdrdesk://user@lead/${LEAD_ID}`, 'unknown-target'],
    [`sdrdesk://settings/${LEAD_ID}`, 'unknown-target'],
    [`sdrdesk://lead/${LEAD_ID} --inspect`, 'unknown-target'],
    [`sdrdesk://lead/${'a'.repeat(300)}`, 'too-long'],
  ])('refuses %s (%s)', (url, reason) => {
    expect(parseDeepLink(url)).toEqual({ ok: false, reason });
  });

  it('finds the link among command line arguments', () => {
    expect(findDeepLinkArgument(['/opt/SDR Desk/sdr-desk', '--no-sandbox', `sdrdesk://lead/${LEAD_ID}`])).toBe(
      `sdrdesk://lead/${LEAD_ID}`,
    );
    expect(findDeepLinkArgument(['/opt/SDR Desk/sdr-desk', '--original-process-start-time=1'])).toBeNull();
  });

  it('recognizes a target only in its exact shape', () => {
    expect(isDeepLinkTarget({ kind: 'lead', leadId: LEAD_ID })).toBe(true);
    expect(isDeepLinkTarget({ kind: 'lead', leadId: '../x' })).toBe(false);
    expect(isDeepLinkTarget({ kind: 'settings', leadId: LEAD_ID })).toBe(false);
    expect(isDeepLinkTarget(null)).toBe(false);
  });
});

describe('the deep-link router', () => {
  function fakeContents() {
    let onLoad: (() => void) | null = null;
    const contents = {
      send: vi.fn(),
      isDestroyed: () => false,
      once: vi.fn((event: string, listener: () => void) => {
        if (event === 'did-finish-load') onLoad = listener;
        return contents;
      }),
    };
    return { contents, finishLoading: () => onLoad?.() };
  }

  it('holds links until the page has loaded, then forwards the parsed target', () => {
    const router = createDeepLinkRouter();
    router.open(`sdrdesk://lead/${LEAD_ID}`);
    const { contents, finishLoading } = fakeContents();
    router.attach(contents);
    expect(contents.send).not.toHaveBeenCalled();
    finishLoading();
    expect(contents.send).toHaveBeenCalledWith('deepLink:open', { kind: 'lead', leadId: LEAD_ID });
    router.open(`sdrdesk://lead/${LEAD_ID}`);
    expect(contents.send).toHaveBeenCalledTimes(2);
  });

  it('drops links that do not parse', () => {
    const router = createDeepLinkRouter();
    const { contents, finishLoading } = fakeContents();
    router.attach(contents);
    finishLoading();
    router.open('sdrdesk://lead/../../etc/passwd');
    router.open('javascript:alert(1)');
    expect(contents.send).not.toHaveBeenCalled();
  });

  it('registers the scheme, with the app path when run unpackaged', () => {
    const app = { setAsDefaultProtocolClient: vi.fn(() => true) };
    registerDeepLinkScheme(app, { defaultApp: false, execPath: '/opt/sdr', argv: ['/opt/sdr'] });
    expect(app.setAsDefaultProtocolClient).toHaveBeenLastCalledWith('sdrdesk');
    registerDeepLinkScheme(app, { defaultApp: true, execPath: '/usr/bin/electron', argv: ['/usr/bin/electron', '.'] });
    expect(app.setAsDefaultProtocolClient).toHaveBeenLastCalledWith('sdrdesk', '/usr/bin/electron', [process.cwd()]);
  });
});
