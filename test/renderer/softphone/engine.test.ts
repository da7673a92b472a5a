import { afterEach, describe, expect, it, vi } from 'vitest';
import { db, toLeadRow } from '../../../renderer/db';
import { BACKOFF_STEPS_MS, backoffDelay } from '../../../renderer/features/softphone/engine/backoff';
import { QualityTracker, sampleFromStats } from '../../../renderer/features/softphone/engine/quality';
import type { CallHooks, PhoneSnapshot, SipPhone } from '../../../renderer/features/softphone/engine/sipPhone';
import { answerIncoming } from '../../../renderer/features/softphone/mutations';
import { leadForNumber } from '../../../renderer/features/softphone/queries';
import { sipDialer } from '../../../renderer/features/softphone/sipDialer';
import { IDLE_SNAPSHOT, useSoftphoneStore, type IncomingCall } from '../../../renderer/features/softphone/state';
import { callerNumber } from '../../../renderer/features/softphone/useSoftphoneService';
import { makeLead } from '../../helpers/leadFactory';
import { SIP_ACCOUNT } from '../../helpers/sipAccount';

afterEach(async () => {
  useSoftphoneStore.setState({ setup: 'notSip', account: null, phone: null, snapshot: IDLE_SNAPSHOT, incoming: null });
  await Promise.all(db.tables.map((table) => table.clear()));
});

describe('registration backoff', () => {
  it('starts at a second, grows, and stays at a minute however long the PBX is away', () => {
    const mid = () => 0.5;
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, mid))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(backoffDelay(50, mid)).toBe(60_000);
    expect(backoffDelay(-1, mid)).toBe(1_000);
  });

  it('spreads a team’s desks by ±20 %', () => {
    expect(backoffDelay(6, () => 0)).toBe(BACKOFF_STEPS_MS[6] * 0.8);
    expect(backoffDelay(6, () => 1)).toBe(BACKOFF_STEPS_MS[6] * 1.2);
  });
});

describe('call quality', () => {
  const sample = (at: number, packetsReceived: number, packetsLost: number, jitterMs = 5, rttMs: number | null = 40) => ({ at, packetsReceived, packetsLost, jitterMs, rttMs });

  it('sums the call: loss over all packets, the worst jitter, the mean round trip', () => {
    const q = new QualityTracker();
    q.add(sample(1_000, 50, 0, 4, 40));
    q.add(sample(2_000, 100, 0, 30, 60));
    q.add(sample(3_000, 145, 5, 10, null));
    expect(q.summary()).toEqual({ packetsReceived: 145, packetsLost: 5, lossPct: 3.3, jitterMs: 30, rttMs: 50 });
  });

  it('warns on the last seconds only: a bad patch early in the call stops warning once it is over', () => {
    const q = new QualityTracker();
    q.add(sample(1_000, 50, 0));
    q.add(sample(2_000, 80, 20));
    expect(q.poorNow()).toBe(true);
    for (let s = 3; s <= 9; s++) q.add(sample(s * 1_000, 80 + (s - 2) * 50, 20));
    expect(q.poorNow()).toBe(false);
    q.add(sample(10_000, 500, 20, 80));
    expect(q.poorNow()).toBe(true);
  });

  it('has nothing to say before the first reading', () => {
    expect(new QualityTracker().summary()).toBeNull();
    expect(new QualityTracker().poorNow()).toBe(false);
  });

  it('reads inbound audio and the round trip out of getStats', () => {
    const report = new Map<string, Record<string, unknown>>([
      ['a', { type: 'inbound-rtp', kind: 'audio', packetsReceived: 900, packetsLost: 12, jitter: 0.018 }],
      ['b', { type: 'remote-inbound-rtp', kind: 'audio', roundTripTime: 0.052 }],
      ['c', { type: 'inbound-rtp', kind: 'video', packetsReceived: 5 }],
    ]) as unknown as RTCStatsReport;
    expect(sampleFromStats(report, 7)).toEqual({ at: 7, packetsReceived: 900, packetsLost: 12, jitterMs: 18, rttMs: 52 });
    expect(sampleFromStats(new Map() as unknown as RTCStatsReport, 7)).toBeNull();
  });
});

const account = SIP_ACCOUNT;

interface FakePhone {
  readonly call: ReturnType<typeof vi.fn<(target: string, hooks: CallHooks) => Promise<void>>>;
  readonly answer: ReturnType<typeof vi.fn<(hooks: CallHooks) => Promise<void>>>;
}

function readyPhone(snapshot: Partial<PhoneSnapshot> = {}): FakePhone {
  const phone: FakePhone = { call: vi.fn(() => Promise.resolve()), answer: vi.fn(() => Promise.resolve()) };
  useSoftphoneStore.setState({
    setup: 'ready',
    account,
    phone: phone as unknown as SipPhone,
    snapshot: { ...IDLE_SNAPSHOT, registration: { state: 'registered' }, ...snapshot },
  });
  return phone;
}

describe('the SIP dialer', () => {
  it('dials the number through the account’s rule, with the dial prefix', async () => {
    const phone = readyPhone();
    const hooks = { onConnected: () => undefined, onEnded: () => undefined };
    sipDialer.check('+8613800138000');
    await sipDialer.dial('+8613800138000', hooks);
    expect(phone.call).toHaveBeenCalledWith('sip:913800138000@pbx.example.com', hooks);
    expect(sipDialer).toMatchObject({ via: 'sip', controlsAudio: true, reportsProgress: true });
  });

  it.each([
    ['not set up', () => useSoftphoneStore.setState({ setup: 'noPassword' }), 'sip.notSetUp'],
    ['offline', () => readyPhone({ registration: { state: 'failed', reason: 'offline', detail: '', retryAt: null } }), 'sip.offline'],
    ['registering', () => readyPhone({ registration: { state: 'connecting' } }), 'sip.notRegistered'],
    ['refused', () => readyPhone({ registration: { state: 'failed', reason: 'auth', detail: '401 Unauthorized', retryAt: null } }), 'sip.notRegistered'],
    [
      'on another call',
      () => readyPhone({ call: { key: 'c1', phase: 'established', held: false, muted: false, poorQuality: false, localStream: null } }),
      'sip.busy',
    ],
  ])('refuses before anything is logged when %s', (_name, arrange, code) => {
    arrange();
    expect(() => sipDialer.check('+8613800138000')).toThrow(expect.objectContaining({ code }));
  });

  it('refuses a number that is not E.164', () => {
    readyPhone();
    expect(() => sipDialer.check('13800138000')).toThrow(expect.objectContaining({ code: 'sip.target.number' }));
  });
});

describe('the screen pop', () => {
  it.each([
    ['+8613800138000', '+8613800138000'],
    ['8613800138000', '+8613800138000'],
    ['13800138000', '+8613800138000'],
    ['008613800138000', '+8613800138000'],
    ['+442079460958', '+442079460958'],
    ['8002', null],
    ['li.lei', null],
  ])('reads the caller %s as %s', (user, e164) => {
    expect(callerNumber(user, 'CN')).toBe(e164);
  });

  it('finds the caller’s lead by number, the most recently contacted one when two share it', async () => {
    const older = makeLead({ phones: ['+8613800138000'], lastContactedAt: 1_000 });
    const newer = makeLead({ phones: ['+8613900139000', '+8613800138000'], lastContactedAt: 2_000 });
    const other = makeLead({ phones: ['+8613700137000'] });
    await db.leads.bulkAdd([older, newer, other].map(toLeadRow));
    expect((await leadForNumber('+8613800138000'))?.id).toBe(newer.id);
    expect(await leadForNumber('+8613600136000')).toBeNull();
  });
});

describe('answering an inbound call', () => {
  const incoming = (over: Partial<IncomingCall>): IncomingCall => ({ key: 'c1', e164: '+8613800138000', user: '8613800138000', name: '', leadId: null, company: null, ...over });
  const options = (phone: FakePhone, call: IncomingCall) => ({
    phone: phone as unknown as SipPhone,
    incoming: call,
    sdr: '李雷',
    scriptFor: () => null,
    unknownCompany: (e164: string) => `Caller ${e164}`,
    onError: () => undefined,
  });

  it('logs the call on the caller’s lead, inbound, before answering', async () => {
    const lead = makeLead({ phones: ['+8613800138000'] });
    await db.leads.add(toLeadRow(lead));
    const phone = readyPhone();
    const answeredOn = await answerIncoming(options(phone, incoming({ leadId: lead.id })));
    expect(answeredOn?.id).toBe(lead.id);
    const calls = await db.calls.where('leadId').equals(lead.id).toArray();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ direction: 'inbound', via: 'sip', number: '+8613800138000', connectedAt: null });
    expect(phone.answer).toHaveBeenCalledOnce();
  });

  it('makes a caller no lead knows a new inbound lead, owned by the SDR', async () => {
    const phone = readyPhone();
    const lead = await answerIncoming(options(phone, incoming({ name: '张伟' })));
    expect(lead).toMatchObject({ kind: 'inbound', company: 'Caller +8613800138000', contactName: '张伟', phones: ['+8613800138000'], owner: '李雷', status: 'new' });
    expect(await db.calls.where('leadId').equals(lead!.id).count()).toBe(1);
  });

  it('answers a colleague’s extension without logging anything', async () => {
    const phone = readyPhone();
    expect(await answerIncoming(options(phone, incoming({ e164: null, user: '8002' })))).toBeNull();
    expect(phone.answer).toHaveBeenCalledOnce();
    expect(await db.calls.count()).toBe(0);
    expect(await db.leads.count()).toBe(0);
  });
});
