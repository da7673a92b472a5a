import { describe, expect, it } from 'vitest';
import { DialerSettingSchema, dialUri, validateDialTemplate, type DialTemplateError } from '../../shared/model/dialer';
import { validateExternalLink } from '../../shared/ipc/externalLinks';

describe('validateDialTemplate', () => {
  it.each([
    'sip:{e164}@pbx.example.com',
    'sips:{digits}@pbx.example.com:5061',
    'sip:{e164}@10.0.0.5',
    'tel:{e164}',
    'tel:{digits}',
    'callto:{e164}',
    'https://dial.example.com/call?to={digits}',
    'https://dial.example.com/call/{e164}?from=desk#now',
    'SIP:{e164}@PBX.Example.com',
  ])('accepts %s', (template) => {
    expect(validateDialTemplate(template)).toBeNull();
  });

  it.each<[string, DialTemplateError]>([
    ['', 'template.empty'],
    ['   ', 'template.empty'],
    ['sip:@pbx', 'template.noPlaceholder'],
    ['tel:+8613800138000', 'template.noPlaceholder'],
    ['sip:{number}@x', 'template.unknownPlaceholder'],
    ['sip:{E164}@pbx.example.com', 'template.unknownPlaceholder'],
    ['sip:{}@pbx.example.com', 'template.unknownPlaceholder'],
    ['https://x.example.com/{e164}/{constructor}', 'template.unknownPlaceholder'],
    ['javascript:alert({e164})', 'template.scheme'],
    ['JavaScript:alert({e164})', 'template.scheme'],
    ['http://dial.example.com/?n={e164}', 'template.scheme'],
    ['file:///tmp/{digits}', 'template.scheme'],
    ['data:text/html,{e164}', 'template.scheme'],
    ['skype:{e164}?call', 'template.scheme'],
    ['pbx.example.com/dial/{e164}', 'template.scheme'],
    ['{e164}', 'template.scheme'],
    ['sip:{e164} @pbx.example.com', 'template.invalid'],
    ['sip:{e164}@pbx.example.com\n', 'template.invalid'],
    ['tel:{e164}\u0000', 'template.invalid'],
    ['sip:{e164}@pbx.example.com\u202e', 'template.invalid'],
    ['sip:{e164@pbx.example.com', 'template.invalid'],
    ['sip:{{e164}}@pbx.example.com', 'template.invalid'],
    ['https://{e164}', 'template.invalid'],
    ['https:///{e164}', 'template.invalid'],
    ['https://user:pw@dial.example.com/{e164}', 'template.invalid'],
    ['sip:{e164}@pbx.example.com;transport=tcp', 'template.invalid'],
    ['sip:{e164}@pbx.example.com?X-Evil=1', 'template.invalid'],
    ['sip:admin:secret@pbx.example.com/{e164}', 'template.invalid'],
    ['tel:{e164};ext=1', 'template.invalid'],
    ['tel:{e164}abc', 'template.invalid'],
    [`https://dial.example.com/${'a'.repeat(500)}{e164}`, 'template.tooLong'],
  ])('refuses %j (%s)', (template, error) => {
    expect(validateDialTemplate(template)).toBe(error);
  });
});

describe('dialUri', () => {
  const e164 = '+8613800138000';

  it('builds the link for each dialer kind', () => {
    expect(dialUri({ kind: 'tel' }, e164)).toBe('tel:+8613800138000');
    expect(dialUri({ kind: 'callto' }, e164)).toBe('callto:+8613800138000');
    expect(dialUri({ kind: 'template', template: 'sip:{e164}@pbx.example.com' }, e164)).toBe('sip:+8613800138000@pbx.example.com');
    expect(dialUri({ kind: 'template', template: 'https://dial.example.com/c?to={digits}&cc={e164}' }, e164)).toBe(
      'https://dial.example.com/c?to=8613800138000&cc=+8613800138000',
    );
    expect(dialUri({ kind: 'logOnly' }, e164)).toBeNull();
  });

  it('every link it builds passes the external link gate unchanged', () => {
    for (const template of ['sip:{e164}@pbx.example.com', 'sips:{digits}@10.0.0.5:5061', 'callto:{e164}', 'tel:{digits}']) {
      const uri = dialUri({ kind: 'template', template }, '+14155552671');
      expect(uri).not.toBeNull();
      expect(validateExternalLink(uri!)).toEqual({ ok: true, url: uri });
    }
  });

  it('dials nothing for a malformed number or a template that does not validate', () => {
    expect(dialUri({ kind: 'tel' }, '13800138000')).toBeNull();
    expect(dialUri({ kind: 'tel' }, '+86 138 0013 8000')).toBeNull();
    expect(dialUri({ kind: 'template', template: 'sip:{e164}@pbx.example.com' }, '+86;transport=tcp')).toBeNull();
    expect(dialUri({ kind: 'template', template: 'javascript:alert({e164})' }, e164)).toBeNull();
  });
});

describe('DialerSettingSchema', () => {
  it('accepts each kind and a valid template', () => {
    for (const setting of [{ kind: 'tel' }, { kind: 'callto' }, { kind: 'logOnly' }, { kind: 'template', template: 'sip:{e164}@pbx.example.com' }]) {
      expect(DialerSettingSchema.parse(setting)).toEqual(setting);
    }
  });

  it('refuses an invalid template with its error code, unknown kinds and extra keys', () => {
    const bad = DialerSettingSchema.safeParse({ kind: 'template', template: 'javascript:alert({e164})' });
    expect(bad.error?.issues[0]?.message).toBe('template.scheme');
    expect(DialerSettingSchema.safeParse({ kind: 'template' }).success).toBe(false);
    expect(DialerSettingSchema.safeParse({ kind: 'skype' }).success).toBe(false);
    expect(DialerSettingSchema.safeParse({ kind: 'tel', template: 'x' }).success).toBe(false);
    expect(DialerSettingSchema.safeParse(null).success).toBe(false);
  });
});
