import { describe, expect, it } from 'vitest';
import { parseLeadInput } from '../../shared/model/leadInput';
import { formatPhone, normalizePhone } from '../../shared/model/phone';

const ctx = { defaultRegion: 'CN', defaultKind: 'inbound' } as const;

describe('normalizePhone', () => {
  it.each([
    ['138 0013 8000', '+8613800138000'],
    ['+86 13800138000', '+8613800138000'],
    ['0086 138-0013-8000', '+8613800138000'],
    ['(010) 6552-9988', '+861065529988'],
    ['021 6888 1234', '+862168881234'],
    ['+1 415 555 2671', '+14155552671'],
  ])('reads %s as %s', (raw, e164) => {
    expect(normalizePhone(raw, 'CN')).toEqual({ ok: true, e164 });
  });

  it.each(['12345', '138001380', 'call me', '', '+86 138 0013 8000 ext 9999999999999999999999999999999'])('refuses %s', (raw) => {
    expect(normalizePhone(raw, 'CN').ok).toBe(false);
  });

  it('formats for the viewer: national at home, international abroad', () => {
    expect(formatPhone('+8613800138000', 'CN')).toBe('138 0013 8000');
    expect(formatPhone('+8613800138000', 'SG')).toBe('+86 138 0013 8000');
  });
});

describe('parseLeadInput', () => {
  it('normalises, lower-cases the e-mail, dedupes phones and guesses the time zone', () => {
    const result = parseLeadInput(
      { company: ' 甲乙测试科技有限公司 ', phones: ['138 0013 8000', '+86 13800138000'], email: 'Wang.Fang@Example.CN' },
      ctx,
    );
    expect(result).toMatchObject({
      ok: true,
      fields: { company: '甲乙测试科技有限公司', phones: ['+8613800138000'], email: 'wang.fang@example.cn', timeZone: 'Asia/Shanghai', kind: 'inbound', status: 'new', priority: 2 },
    });
  });

  it('names every bad field with an i18n code', () => {
    const result = parseLeadInput({ company: '', phones: ['12345', '13800138000'], email: 'not-an-email', temperature: 'lukewarm' }, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { field: 'phones.0', code: 'phone.invalid' },
        { field: 'company', code: 'required' },
        { field: 'email', code: 'email.invalid' },
        { field: 'temperature', code: 'choice.invalid' },
      ]),
    );
  });

  it('needs at least one way to reach the lead', () => {
    const result = parseLeadInput({ company: 'Acme' }, ctx);
    expect(result).toEqual({ ok: false, errors: [{ field: 'phones', code: 'contact.required' }] });
    expect(parseLeadInput({ company: 'Acme', wechatId: 'wx_acme' }, ctx).ok).toBe(true);
  });
});
