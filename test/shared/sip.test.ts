import { describe, expect, it } from 'vitest';
import type { Disposition } from '../../shared/model/playbook';
import {
  AudioDevicesSchema,
  defaultDispositionFor,
  isPoorQuality,
  outcomeForStatus,
  parseSipUri,
  sipTarget,
  SipAccountSchema,
  transferTarget,
  validateSipUri,
  validateTargetTemplate,
  validateWsUrl,
  type SipAccount,
  type SipOutcome,
  type SipSettingError,
} from '../../shared/model/sip';
import { DEFAULT_PLAYBOOK } from '../../shared/playbook/defaults';
import { SIP_ACCOUNT } from '../helpers/sipAccount';

const account: SipAccount = { ...SIP_ACCOUNT, dialPrefix: '' };

describe('validateWsUrl', () => {
  it.each(['wss://pbx.example.com:8089/ws', 'wss://10.0.0.5/ws', 'ws://localhost:5066', 'ws://127.0.0.1:8088/ws', 'ws://[::1]:5066', '  wss://pbx.example.com  '])(
    'accepts %s',
    (url) => {
      expect(validateWsUrl(url)).toBeNull();
    },
  );

  it.each<[string, SipSettingError]>([
    ['ws://pbx.example.com:8088/ws', 'sip.wsUrl.insecure'],
    ['ws://192.168.1.10/ws', 'sip.wsUrl.insecure'],
    ['http://pbx.example.com/ws', 'sip.wsUrl.invalid'],
    ['https://pbx.example.com/ws', 'sip.wsUrl.invalid'],
    ['sip:8001@pbx.example.com', 'sip.wsUrl.invalid'],
    ['pbx.example.com', 'sip.wsUrl.invalid'],
    ['not a url at all', 'sip.wsUrl.invalid'],
    ['', 'sip.wsUrl.invalid'],
    ['wss://user:secret@pbx.example.com/ws', 'sip.wsUrl.invalid'],
    ['wss://pbx.example.com/ws#x', 'sip.wsUrl.invalid'],
  ])('refuses %s with %s', (url, code) => {
    expect(validateWsUrl(url)).toBe(code);
  });
});

describe('parseSipUri', () => {
  it('splits the user and the host', () => {
    expect(parseSipUri('sip:8001@pbx.example.com')).toEqual({ user: '8001', host: 'pbx.example.com' });
    expect(parseSipUri('sips:li.wei@call.example.cn:5061')).toEqual({ user: 'li.wei', host: 'call.example.cn' });
    expect(parseSipUri('sip:+8613800138000@10.0.0.5')).toEqual({ user: '+8613800138000', host: '10.0.0.5' });
    expect(parseSipUri('sip:alice%40home@[2001:db8::1]')).toEqual({ user: 'alice%40home', host: '[2001:db8::1]' });
  });

  it.each([
    '8001@pbx.example.com',
    'sip:pbx.example.com',
    'sip:8001@',
    'sip:80 01@pbx.example.com',
    'sip:8001@pbx.example.com;transport=ws',
    'sip:8001@pbx.example.com?subject=x',
    'sip:8001@pbx.example.com:0',
    'sip:8001@pbx.example.com:70000',
    'tel:+8613800138000',
    '',
  ])('refuses %s', (uri) => {
    expect(parseSipUri(uri)).toBeNull();
    expect(validateSipUri(uri)).toBe('sip.uri.invalid');
  });
});

describe('validateTargetTemplate', () => {
  it.each(['sip:{national}@pbx.example.com', 'sip:{e164}@pbx.example.com', 'sips:{digits}@pbx.example.com:5061', ' sip:{national}@10.0.0.5 '])('accepts %s', (template) => {
    expect(validateTargetTemplate(template)).toBeNull();
  });

  it.each<[string, SipSettingError]>([
    ['', 'sip.template.empty'],
    ['   ', 'sip.template.empty'],
    ['sip:8001@pbx.example.com', 'sip.template.placeholder'],
    ['sip:{number}@pbx.example.com', 'sip.template.placeholder'],
    ['sip:{e164}{digits}@pbx.example.com', 'sip.template.placeholder'],
    ['sip:{national}@{national}', 'sip.template.placeholder'],
    ['tel:{e164}', 'sip.template.invalid'],
    ['{national}', 'sip.template.invalid'],
    ['sip:{national}@pbx.example.com;transport=ws', 'sip.template.invalid'],
    ['sip:{national}@', 'sip.template.invalid'],
  ])('refuses %j with %s', (template, code) => {
    expect(validateTargetTemplate(template)).toBe(code);
  });
});

describe('sipTarget', () => {
  const rule = (targetTemplate: string, dialPrefix = '') => ({ targetTemplate, dialPrefix });

  it('fills each placeholder', () => {
    expect(sipTarget(rule('sip:{e164}@pbx.example.com'), '+8613800138000')).toEqual({ ok: true, uri: 'sip:+8613800138000@pbx.example.com' });
    expect(sipTarget(rule('sip:{digits}@pbx.example.com'), '+8613800138000')).toEqual({ ok: true, uri: 'sip:8613800138000@pbx.example.com' });
    expect(sipTarget(rule('sip:{national}@pbx.example.com'), '+8613800138000')).toEqual({ ok: true, uri: 'sip:13800138000@pbx.example.com' });
  });

  it('puts the dial prefix in front of the number', () => {
    expect(sipTarget(rule('sip:{national}@pbx.example.com', '9'), '+8613800138000')).toEqual({ ok: true, uri: 'sip:913800138000@pbx.example.com' });
    expect(sipTarget(rule('sip:{digits}@pbx.example.com', '0'), '+8613800138000')).toEqual({ ok: true, uri: 'sip:08613800138000@pbx.example.com' });
    expect(sipTarget(rule('sip:{e164}@pbx.example.com', '*9'), '+8613800138000')).toEqual({ ok: true, uri: 'sip:*9+8613800138000@pbx.example.com' });
  });

  it('dials a landline nationally with its trunk 0', () => {
    expect(sipTarget(rule('sip:{national}@pbx.example.com', '0'), '+861065529988')).toEqual({ ok: true, uri: 'sip:001065529988@pbx.example.com' });
    expect(sipTarget(rule('sip:{national}@pbx.example.com'), '+442079460000')).toEqual({ ok: true, uri: 'sip:02079460000@pbx.example.com' });
  });

  it('escapes # in the prefix so the target stays a SIP URI', () => {
    const result = sipTarget(rule('sip:{national}@pbx.example.com', '#31#'), '+8613800138000');
    expect(result).toEqual({ ok: true, uri: 'sip:%2331%2313800138000@pbx.example.com' });
    expect(result.ok && parseSipUri(result.uri)).toBeTruthy();
  });

  it('refuses a number that is not E.164, and a broken rule', () => {
    expect(sipTarget(rule('sip:{national}@pbx.example.com'), '13800138000')).toEqual({ ok: false, code: 'sip.target.number' });
    expect(sipTarget(rule('sip:{national}@pbx.example.com'), '+86 138 0013 8000')).toEqual({ ok: false, code: 'sip.target.number' });
    expect(sipTarget(rule('sip:8001@pbx.example.com'), '+8613800138000')).toEqual({ ok: false, code: 'sip.target.template' });
  });
});

describe('transferTarget', () => {
  it('takes a full SIP URI as typed', () => {
    expect(transferTarget(account, ' sip:8002@other.example.com ', null)).toEqual({ ok: true, uri: 'sip:8002@other.example.com' });
  });

  it('sends an extension to the account’s domain', () => {
    expect(transferTarget(account, '8002', null)).toEqual({ ok: true, uri: 'sip:8002@pbx.example.com' });
    expect(transferTarget(account, '*72', null)).toEqual({ ok: true, uri: 'sip:*72@pbx.example.com' });
  });

  it('sends a phone number through the dial rule', () => {
    expect(transferTarget({ ...account, dialPrefix: '9' }, '138 0013 8000', '+8613800138000')).toEqual({ ok: true, uri: 'sip:913800138000@pbx.example.com' });
  });

  it('refuses anything else', () => {
    expect(transferTarget(account, 'Li Wei', null)).toEqual({ ok: false, code: 'sip.target.number' });
    expect(transferTarget(account, '', null)).toEqual({ ok: false, code: 'sip.target.number' });
  });
});

describe('SipAccountSchema', () => {
  it('accepts a complete account', () => {
    expect(SipAccountSchema.parse(account)).toEqual(account);
    const withTurn = { ...account, iceServers: [{ urls: 'turn:turn.example.com:3478', username: 'u', credential: 'c' }, { urls: 'stun:stun.example.com' }] };
    expect(SipAccountSchema.safeParse(withTurn).success).toBe(true);
  });

  it('reports each bad field with its code', () => {
    const result = SipAccountSchema.safeParse({
      ...account,
      wsUrl: 'ws://pbx.example.com',
      sipUri: 'alice',
      authUser: 'a b',
      iceServers: [{ urls: 'http://stun.example.com' }],
      targetTemplate: 'sip:8001@pbx.example.com',
      dialPrefix: '9a',
    });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(byField).toEqual({
      wsUrl: 'sip.wsUrl.insecure',
      sipUri: 'sip.uri.invalid',
      authUser: 'sip.authUser.invalid',
      'iceServers.0.urls': 'sip.ice.invalid',
      targetTemplate: 'sip.template.placeholder',
      dialPrefix: 'sip.prefix.invalid',
    });
  });

  it('has no password field', () => {
    expect(SipAccountSchema.safeParse({ ...account, password: 'secret' }).success).toBe(false);
  });

  it('audio devices are ids or null for the system default', () => {
    expect(AudioDevicesSchema.parse({ input: null, output: 'abc' })).toEqual({ input: null, output: 'abc' });
    expect(AudioDevicesSchema.safeParse({ input: null }).success).toBe(false);
  });
});

describe('outcomeForStatus', () => {
  it.each<[number, SipOutcome]>([
    [486, 'busy'],
    [600, 'busy'],
    [603, 'declined'],
    [404, 'notFound'],
    [410, 'notFound'],
    [484, 'notFound'],
    [604, 'notFound'],
    [408, 'noAnswer'],
    [480, 'noAnswer'],
    [487, 'noAnswer'],
    [403, 'failed'],
    [500, 'failed'],
    [503, 'failed'],
    [0, 'failed'],
  ])('%i → %s', (status, outcome) => {
    expect(outcomeForStatus(status)).toBe(outcome);
  });
});

describe('defaultDispositionFor', () => {
  const defaults = DEFAULT_PLAYBOOK.dispositions;

  it.each<[SipOutcome, string | null]>([
    ['answered', 'connected-conversation'],
    ['busy', 'busy'],
    ['declined', 'no-answer'],
    ['noAnswer', 'no-answer'],
    ['notFound', 'wrong-number'],
    ['failed', null],
  ])('with the default dispositions, %s → %s', (outcome, id) => {
    expect(defaultDispositionFor(outcome, defaults)).toBe(id);
  });

  const label = (text: string) => ({ en: text, 'zh-CN': text });
  const custom: Disposition[] = [
    { id: 'gatekeeper', label: label('Reached the gatekeeper'), connected: true, effect: 'none' },
    { id: 'dnc', label: label('Do not call'), connected: true, effect: 'doNotCall' },
    { id: 'not-reached', label: label('Not reached'), connected: false, effect: 'none' },
    { id: 'bad-number', label: label('Number not in service'), connected: false, effect: 'wrongNumber' },
  ];

  it.each<[SipOutcome, string | null]>([
    ['answered', 'gatekeeper'],
    ['busy', 'not-reached'],
    ['declined', 'not-reached'],
    ['noAnswer', 'not-reached'],
    ['notFound', 'bad-number'],
    ['failed', null],
  ])('with a team’s own dispositions, %s → %s by meaning', (outcome, id) => {
    expect(defaultDispositionFor(outcome, custom)).toBe(id);
  });

  it('prefers the well-known id, and falls back when the team has no such one', () => {
    expect(defaultDispositionFor('declined', [...custom, { id: 'busy', label: label('Busy'), connected: false, effect: 'none' }])).toBe('busy');
    expect(defaultDispositionFor('answered', [{ id: 'dnc', label: label('Do not call'), connected: true, effect: 'doNotCall' }])).toBeNull();
    expect(defaultDispositionFor('notFound', [])).toBeNull();
  });
});

describe('isPoorQuality', () => {
  it('is fine for a clean call', () => {
    expect(isPoorQuality({ lossPct: 0.5, jitterMs: 12, rttMs: 80 })).toBe(false);
    expect(isPoorQuality({ lossPct: 5, jitterMs: 50, rttMs: 400 })).toBe(false);
    expect(isPoorQuality({ lossPct: 0, jitterMs: 0, rttMs: null })).toBe(false);
  });

  it('warns on loss, jitter or delay an SDR hears', () => {
    expect(isPoorQuality({ lossPct: 5.1, jitterMs: 10, rttMs: 50 })).toBe(true);
    expect(isPoorQuality({ lossPct: 0, jitterMs: 51, rttMs: 50 })).toBe(true);
    expect(isPoorQuality({ lossPct: 0, jitterMs: 10, rttMs: 401 })).toBe(true);
  });
});
