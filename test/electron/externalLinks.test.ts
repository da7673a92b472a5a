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
    ['callto:+86 138-0013-8000', 'callto:+8613800138000'],
    ['CallTo:+14155550100', 'callto:+14155550100'],
    ['sip:+8613800138000@pbx.example.com', 'sip:+8613800138000@pbx.example.com'],
    ['sip:+86 138-0013-8000@PBX.Example.com', 'sip:+8613800138000@pbx.example.com'],
    ['SIP:1001@pbx.example.com:5060', 'sip:1001@pbx.example.com:5060'],
    ['sips:alice.wang@pbx.example.com:5061', 'sips:alice.wang@pbx.example.com:5061'],
    ['sip:8613800138000@10.0.0.5', 'sip:8613800138000@10.0.0.5'],
    ['sip:%2B8613800138000@pbx.example.com', 'sip:+8613800138000@pbx.example.com'],
    ['sip:sales@例子.中国', 'sip:sales@xn--fsqu00a.xn--fiqs8s'],
    ['sip:12@pbx.example.com', 'sip:12@pbx.example.com'],
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
    ['callto:', 'invalid-phone-number'],
    ['callto://echo123', 'invalid-phone-number'],
    ['callto:echo123?call', 'invalid-phone-number'],
    ['callto:123;calc.exe', 'invalid-phone-number'],
    ['callto:123%0a456', 'control-character'],
    ['sip:admin:secret@pbx.example.com', 'credentials-not-allowed'],
    ['sip:admin:@pbx.example.com', 'credentials-not-allowed'],
    ['sip:1001@pbx.example.com?X-Evil=1', 'sip-parameter-not-allowed'],
    ['sip:1001@pbx.example.com?Route=%3Csip:evil.example.com%3E', 'sip-parameter-not-allowed'],
    ['sip:1001@pbx.example.com;transport=tcp', 'sip-parameter-not-allowed'],
    ['sip:1001;user=phone@pbx.example.com', 'sip-parameter-not-allowed'],
    ['sip:1001@pbx.example.com%3Bmethod=INVITE', 'sip-parameter-not-allowed'],
    ['sip:1001@pbx.example.com\nInjected: header', 'control-character'],
    ['sip:1001@pbx.example.com%0d%0aX: y', 'control-character'],
    ['sip:javascript:alert(1)', 'invalid-sip-address'],
    ['sip:pbx.example.com', 'invalid-sip-address'],
    ['sip:', 'invalid-sip-address'],
    ['sip:@pbx.example.com', 'invalid-sip-address'],
    ['sip:a@b@pbx.example.com', 'invalid-sip-address'],
    ['sip:<script>@pbx.example.com', 'invalid-sip-address'],
    ['sip:1001@pbx', 'invalid-host'],
    ['sip:1001@localhost', 'invalid-host'],
    ['sip:1001@[::1]', 'invalid-host'],
    ['sip:1001@pbx.example.com:0', 'invalid-host'],
    ['sip:1001@pbx.example.com:65536', 'invalid-host'],
    ['sip:1001@pbx.example.com:', 'invalid-host'],
    ['sip:1001@pbx.example.com/path', 'invalid-host'],
    ['sip:1001@pbx.example.com#frag', 'invalid-host'],
    ['sip:1001@0x7f.1', 'invalid-host'],
    ['sip:1001@010.0.0.1', 'invalid-host'],
    ['sip:1001@evil.com\\@pbx.example.com', 'invalid-sip-address'],
    ['sips:1001@exa\u200Bmple.com', 'control-character'],
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
