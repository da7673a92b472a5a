import { describe, expect, it, vi } from 'vitest';
import { isAppUrl } from '../../electron/main/security/appOrigin';
import { guardWebContents } from '../../electron/main/security/navigationGuards';
import { fakeWebContents, preventableEvent } from './fakeWebContents';

const HOSTILE_URLS = [
  'javascript:alert(1)',
  'file:///etc/passwd',
  'file://C:/Windows/System32/calc.exe',
  'https://evil.example/',
  'http://evil.example/',
  'app://other-host/',
  'app://desk.evil.example/',
  'app://desk:1234/',
  'app://evil@desk/',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
  'blob:app://desk/0f0e',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'sdrdesk://lead/0190a5b4-7c1e-7000-8000-000000000001',
  'not a url',
];

describe('isAppUrl', () => {
  it.each(['app://desk/', 'app://desk/index.html', 'app://desk/leads/1?x=1#y'])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each(HOSTILE_URLS)('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('guardWebContents', () => {
  function guarded() {
    const fake = fakeWebContents();
    const openExternalLink = vi.fn<(url: string) => void>();
    guardWebContents(fake.contents, openExternalLink);
    return { fake, openExternalLink };
  }

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s blocks every foreign URL', (eventName) => {
    const { fake, openExternalLink } = guarded();
    for (const url of HOSTILE_URLS) {
      const event = preventableEvent(url);
      fake.emit(eventName, event);
      expect(event.defaultPrevented, url).toBe(true);
    }
    expect(openExternalLink).not.toHaveBeenCalled();
  });

  it('lets the page navigate within the app (a reload, a route)', () => {
    const { fake } = guarded();
    const event = preventableEvent('app://desk/index.html');
    fake.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(false);
  });

  it('prevents every <webview> from attaching', () => {
    const { fake } = guarded();
    const event = preventableEvent('');
    fake.emit('will-attach-webview', event, {}, { src: 'app://desk/' });
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies every window.open and passes foreign URLs to the link opener only', () => {
    const { fake, openExternalLink } = guarded();
    const handler = fake.windowOpenHandler();
    expect(handler).not.toBeNull();
    for (const url of [...HOSTILE_URLS, 'https://example.com/', 'tel:+8613800138000', 'app://desk/popup']) {
      expect(handler?.({ url })).toEqual({ action: 'deny' });
    }
    // The opener (which validates) sees the foreign ones; the app's own URL is simply denied.
    expect(openExternalLink).toHaveBeenCalledWith('https://example.com/');
    expect(openExternalLink).toHaveBeenCalledWith('javascript:alert(1)');
    expect(openExternalLink).not.toHaveBeenCalledWith('app://desk/popup');
  });
});
