import { describe, expect, it } from 'vitest';
import { MAX_EXTERNAL_LINK_LENGTH, validateExternalLink } from '../../shared/ipc/externalLinks';

describe('validateExternalLink: accepted links are rebuilt', () => {
  it.each([
    ['tel:+86 138-0013-8000', 'tel:+8613800138000'],
    ['tel:+1 (415) 555-0100', 'tel:+14155550100'],
    ['tel:010.1234.5678', 'tel:01012345678'],
    ['TEL:+8613800138000', 'tel:+8613800138000'],
    ['tel:+86%20138%200013%208000', 'tel:+8613800138000'],
    ['  tel:12345  ', 'tel:12345'],
    ['mailto:li.wei@example.com', 'mailto:li.wei@example.com'],
    ['mailto:Li.Wei+leads@Example.COM', 'mailto:Li.Wei+leads@example.com'],
    ['mailto:a@example.com?subject=Hello world', 'mailto:a@example.com?subject=Hello%20world'],
    ['mailto:a@example.com?subject=%E4%BD%A0%E5%A5%BD&body=Line1%0D%0ALine2', 'mailto:a@example.com?subject=%E4%BD%A0%E5%A5%BD&body=Line1%0D%0ALine2'],
    ['mailto:a@example.com?body=a+b&subject=x', 'mailto:a@example.com?body=a%20b&subject=x'],
    ['mailto:a@例子.中国', 'mailto:a@xn--fsqu00a.xn--fiqs8s'],
    ['https://example.com', 'https://example.com/'],
    ['HTTPS://Example.COM:443/a/b?q=1#frag', 'https://example.com/a/b?q=1#frag'],
    ['https://example.com:8443/x y', 'https://example.com:8443/x%20y'],
    ['https://例子.中国/', 'https://xn--fsqu00a.xn--fiqs8s/'],
  ])('%s → %s', (input, expected) => {
    expect(validateExternalLink(input)).toEqual({ ok: true, url: expected });
  });
});

describe('validateExternalLink: hostile or unsupported links are refused', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['javascript:alert(1)', 'scheme-not-allowed'],
    ['JaVaScRiPt:alert(1)', 'scheme-not-allowed'],
    [' javascript:alert(1)', 'scheme-not-allowed'],
    ['file:///etc/passwd', 'scheme-not-allowed'],
    ['file://C:/Windows/System32/calc.exe', 'scheme-not-allowed'],
    ['http://example.com', 'scheme-not-allowed'],
    ['data:text/html,<script>alert(1)</script>', 'scheme-not-allowed'],
    ['vbscript:msgbox', 'scheme-not-allowed'],
    ['smb://attacker/share', 'scheme-not-allowed'],
    ['ms-msdt:/id PCWDiagnostic', 'scheme-not-allowed'],
    ['sdrdesk://lead/x', 'scheme-not-allowed'],
    ['example.com', 'scheme-not-allowed'],
    ['tel:123;calc.exe', 'invalid-phone-number'],
    ['tel:1-800-FLOWERS', 'invalid-phone-number'],
    ['tel:+86abc', 'invalid-phone-number'],
    ['tel:', 'invalid-phone-number'],
    ['tel:12', 'invalid-phone-number'],
    ['tel://123456', 'invalid-phone-number'],
    ['tel:123456,789', 'invalid-phone-number'],
    ['tel:123456;ext=1', 'invalid-phone-number'],
    ['tel:++123456', 'invalid-phone-number'],
    ['tel:%', 'malformed-encoding'],
    ['tel:123%0a456', 'control-character'],
    ['tel:123\u0000456', 'control-character'],
    ['mailto:', 'invalid-email-address'],
    ['mailto:not-an-address', 'invalid-email-address'],
    ['mailto:a@b.com,c@d.com', 'invalid-email-address'],
    ['mailto:a@localhost', 'invalid-email-address'],
    ['mailto:a@b.com?cc=boss@b.com', 'mailto-parameter-not-allowed'],
    ['mailto:a@b.com?attach=/etc/passwd', 'mailto-parameter-not-allowed'],
    ['mailto:a@b.com?subject=x&subject=y', 'mailto-parameter-not-allowed'],
    ['mailto:a@b.com?subject=x%0D%0ABcc:evil@x.com', 'control-character'],
    ['mailto:a@b.com?subject=%E0%A4%A', 'malformed-encoding'],
    ['https://user:pass@example.com/', 'credentials-not-allowed'],
    ['https://user@example.com/', 'credentials-not-allowed'],
    ['https://localhost/', 'invalid-host'],
    ['https://[::1]/', 'invalid-host'],
    ['https:example.com', 'unparseable'],
    ['https:/example.com', 'unparseable'],
    ['https://evil.com\\@good.com', 'unparseable'],
    ['https://', 'unparseable'],
    ['https://exa mple.com/', 'unparseable'],
    ['https://example.com/\u202Egnp.exe', 'control-character'],
    ['https://exa\u200Bmple.com/', 'control-character'],
    ['https://example.com/\r\nSet-Cookie:x', 'control-character'],
  ])('%j is refused (%s)', (input, reason) => {
    expect(validateExternalLink(input)).toEqual({ ok: false, reason });
  });

  it('refuses a link longer than the limit', () => {
    const input = `https://example.com/${'a'.repeat(MAX_EXTERNAL_LINK_LENGTH)}`;
    expect(validateExternalLink(input)).toEqual({ ok: false, reason: 'too-long' });
    expect(validateExternalLink(input.slice(0, MAX_EXTERNAL_LINK_LENGTH)).ok).toBe(true);
  });

  it('refuses a link that only grows past the limit once rebuilt', () => {
    const input = `https://example.com/a${' '.repeat(MAX_EXTERNAL_LINK_LENGTH - 30)}b`;
    expect(input.length).toBeLessThanOrEqual(MAX_EXTERNAL_LINK_LENGTH);
    expect(validateExternalLink(input)).toEqual({ ok: false, reason: 'too-long' });
  });
});
