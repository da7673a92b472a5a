import { describe, expect, it } from 'vitest';
import { LEAD_STATUSES, type LeadStatus } from '../../shared/model/lead';
import {
  TRANSITIONS,
  canTransition,
  describeTransitionError,
  manualStatusChoices,
  planTransition,
  type TransitionError,
  type TransitionRequest,
  type TransitionVia,
} from '../../shared/rules/lifecycle';

const NOW = 1_750_000_000_000;
const DAY = 86_400_000;
const lead = (status: LeadStatus) => ({ status, firstContactedAt: null });

/** The one flow that makes each edge; everything else is the SDR by hand. */
function viaFor(from: LeadStatus, to: LeadStatus): TransitionVia {
  if (to === 'mql') return 'handoff';
  if (to === 'sql' || to === 'returned' || to === 'recycled') return 'sales';
  if (from === 'mql') return 'recall';
  return 'manual';
}

function request(to: LeadStatus, via: TransitionVia, extra: Partial<TransitionRequest> = {}): TransitionRequest {
  return { to, via, reason: 'Budget frozen until Q3', nextTouchAt: NOW + 30 * DAY, now: NOW, ...extra };
}

const edges = LEAD_STATUSES.flatMap((from) => TRANSITIONS[from].map((to) => [from, to] as const));
const nonEdges = LEAD_STATUSES.flatMap((from) =>
  LEAD_STATUSES.filter((to) => to !== from && !TRANSITIONS[from].includes(to)).map((to) => [from, to] as const),
);

describe('TRANSITIONS', () => {
  it('lets a recalled hand-off go back to working', () => {
    expect(TRANSITIONS.mql).toEqual(['sql', 'returned', 'working']);
    expect(canTransition('mql', 'working')).toBe(true);
    expect(TRANSITIONS.returned).toEqual(expect.arrayContaining(['working', 'nurturing']));
  });

  it.each(edges)('%s → %s is allowed through its flow', (from, to) => {
    const plan = planTransition(lead(from), request(to, viaFor(from, to)));
    expect(plan.ok).toBe(true);
    if (plan.ok) expect(plan.patch.status).toBe(to);
  });

  it.each([
    ['new', 'sql'],
    ['new', 'returned'],
    ['new', 'recycled'],
    ['working', 'new'],
    ['working', 'sql'],
    ['nurturing', 'returned'],
    ['mql', 'nurturing'],
    ['mql', 'disqualified'],
    ['sql', 'working'],
    ['sql', 'mql'],
    ['returned', 'sql'],
    ['disqualified', 'mql'],
    ['recycled', 'mql'],
  ] as const)('%s → %s is refused whoever asks', (from, to) => {
    for (const via of ['manual', 'handoff', 'recall', 'sales', 'call'] as const) {
      expect(planTransition(lead(from), request(to, via))).toEqual({ ok: false, error: { code: 'lifecycle.invalid', from, to } });
    }
  });

  it('every status pair outside TRANSITIONS is refused', () => {
    expect(nonEdges.length).toBeGreaterThan(20);
    for (const [from, to] of nonEdges) {
      expect(canTransition(from, to)).toBe(false);
      expect(planTransition(lead(from), request(to, viaFor(from, to)))).toMatchObject({ ok: false, error: { code: 'lifecycle.invalid' } });
    }
  });
});

describe('planTransition: who may make a move', () => {
  it('an unchanged status is a no-op for the form and for a call', () => {
    for (const status of LEAD_STATUSES) {
      expect(planTransition(lead(status), request(status, 'manual'))).toEqual({ ok: true, patch: { status } });
    }
    expect(planTransition(lead('working'), request('working', 'call'))).toEqual({ ok: true, patch: { status: 'working' } });
  });

  it('a flow that repeats itself is refused (a second hand-off of an MQL)', () => {
    expect(planTransition(lead('mql'), request('mql', 'handoff'))).toEqual({ ok: false, error: { code: 'lifecycle.invalid', from: 'mql', to: 'mql' } });
  });

  it.each<[LeadStatus, LeadStatus, TransitionVia]>([
    ['working', 'mql', 'manual'],
    ['new', 'mql', 'manual'],
    ['returned', 'mql', 'sales'],
    ['mql', 'sql', 'manual'],
    ['mql', 'returned', 'manual'],
    ['mql', 'sql', 'handoff'],
    ['sql', 'recycled', 'manual'],
    ['mql', 'working', 'manual'],
    ['mql', 'working', 'sales'],
    ['working', 'nurturing', 'handoff'],
    ['working', 'disqualified', 'sales'],
    ['working', 'nurturing', 'recall'],
    ['new', 'nurturing', 'call'],
    ['nurturing', 'working', 'call'],
    ['new', 'mql', 'call'],
  ])('%s → %s via %s is refused', (from, to, via) => {
    expect(planTransition(lead(from), request(to, via))).toEqual({ ok: false, error: { code: 'lifecycle.viaNotAllowed', to, via } });
  });

  it('placing a call moves a new lead to working', () => {
    expect(planTransition(lead('new'), { to: 'working', via: 'call', now: NOW })).toEqual({ ok: true, patch: { status: 'working' } });
  });

  it('the form offers only statuses an SDR sets by hand', () => {
    expect(manualStatusChoices(null)).toEqual(['new', 'working', 'nurturing']);
    expect(manualStatusChoices('new')).toEqual(['new', 'working', 'nurturing', 'disqualified']);
    expect(manualStatusChoices('working')).toEqual(['working', 'nurturing', 'disqualified']);
    expect(manualStatusChoices('mql')).toEqual(['mql']);
    expect(manualStatusChoices('sql')).toEqual(['sql']);
    expect(manualStatusChoices('returned')).toEqual(['returned', 'working', 'nurturing', 'disqualified']);
    for (const from of LEAD_STATUSES) {
      for (const to of manualStatusChoices(from).slice(1)) {
        expect(planTransition(lead(from), request(to, 'manual')).ok).toBe(true);
      }
    }
  });
});

describe('planTransition: what a move needs', () => {
  it('nurturing needs a reason and a next touch in the future, and schedules it', () => {
    const at = NOW + 14 * DAY;
    expect(planTransition(lead('working'), request('nurturing', 'manual', { nextTouchAt: at }))).toEqual({
      ok: true,
      patch: { status: 'nurturing', nextCallbackAt: at },
    });
    const refused = (extra: Partial<TransitionRequest>) => planTransition(lead('working'), request('nurturing', 'manual', extra));
    expect(refused({ reason: undefined })).toEqual({ ok: false, error: { code: 'lifecycle.reasonRequired', to: 'nurturing' } });
    expect(refused({ reason: '  \n ' })).toEqual({ ok: false, error: { code: 'lifecycle.reasonRequired', to: 'nurturing' } });
    expect(refused({ nextTouchAt: undefined })).toEqual({ ok: false, error: { code: 'lifecycle.nextTouchRequired' } });
    expect(refused({ nextTouchAt: null })).toEqual({ ok: false, error: { code: 'lifecycle.nextTouchRequired' } });
    expect(refused({ nextTouchAt: Number.NaN })).toEqual({ ok: false, error: { code: 'lifecycle.nextTouchRequired' } });
    expect(refused({ nextTouchAt: NOW })).toEqual({ ok: false, error: { code: 'lifecycle.nextTouchPast' } });
    expect(refused({ nextTouchAt: NOW - DAY })).toEqual({ ok: false, error: { code: 'lifecycle.nextTouchPast' } });
  });

  it('disqualified needs a reason and clears the callback', () => {
    expect(planTransition(lead('nurturing'), request('disqualified', 'manual'))).toEqual({ ok: true, patch: { status: 'disqualified', nextCallbackAt: null } });
    expect(planTransition(lead('new'), request('disqualified', 'manual', { reason: '' }))).toEqual({
      ok: false,
      error: { code: 'lifecycle.reasonRequired', to: 'disqualified' },
    });
  });

  it('a returned lead goes back to the SDR as working or nurturing', () => {
    expect(planTransition(lead('returned'), { to: 'working', via: 'manual', now: NOW })).toEqual({ ok: true, patch: { status: 'working' } });
    expect(planTransition(lead('returned'), request('nurturing', 'manual')).ok).toBe(true);
  });

  it('a recall takes an MQL back to working', () => {
    expect(planTransition(lead('mql'), { to: 'working', via: 'recall', now: NOW })).toEqual({ ok: true, patch: { status: 'working' } });
  });
});

describe('describeTransitionError', () => {
  it.each<[TransitionError, string]>([
    [{ code: 'lifecycle.invalid', from: 'mql', to: 'nurturing' }, 'A lead in status mql cannot move to nurturing'],
    [{ code: 'lifecycle.invalid', from: 'mql', to: 'mql' }, 'A lead in status mql cannot be moved to mql again'],
    [{ code: 'lifecycle.reasonRequired', to: 'disqualified' }, 'Moving a lead to disqualified needs a reason'],
    [{ code: 'lifecycle.nextTouchRequired' }, 'Moving a lead to nurturing needs the date of the next touch'],
    [{ code: 'lifecycle.nextTouchPast' }, 'The next touch of a nurtured lead must be in the future'],
    [{ code: 'lifecycle.viaNotAllowed', to: 'mql', via: 'manual' }, 'A lead cannot be moved to mql by hand'],
    [{ code: 'lifecycle.viaNotAllowed', to: 'working', via: 'sales' }, 'A lead cannot be moved to working by sales'],
  ])('%j', (error, message) => {
    expect(describeTransitionError(error)).toBe(message);
  });
});
