import { v7 as uuidv7 } from 'uuid';
import type { ReviewCallDetail, ReviewCallList, ReviewCallRow } from '../../../shared/api/review';
import type { Review } from '../../../shared/model/review';
import { ServerUnreachableError, type ServerResponse, type ServerTransport } from '../../../renderer/platform/server';
import { makeCall, makeHandoff, makeNote, makeStatusEvent } from '../../helpers/discoveryFactory';
import { makeLead } from '../../helpers/leadFactory';

export const LEAD_ACCOUNT = { serverUrl: 'https://team.example.cn', user: { id: 'u-lead', email: 'lead@example.cn', name: '王主管', role: 'lead' as const, teamId: 't1' }, signedInAt: 1 };
export const MEMBERS = [
  { id: 'u-li', name: '李雷', role: 'sdr' as const },
  { id: 'u-han', name: '韩梅梅', role: 'sdr' as const },
  { id: 'u-lead', name: '王主管', role: 'lead' as const },
  { id: 'u-sales', name: '张伟', role: 'sales' as const },
];

export interface CallFixture {
  readonly row: ReviewCallRow;
  readonly detail: ReviewCallDetail;
}

/**
 * A connected discovery call on the shipped English inbound script: two answers given, a note
 * written on the call and one earlier, a status change and a hand-off sales returned.
 */
export function callFixture(overrides: { company?: string; contactName?: string; startedAt?: number; reviews?: Review[]; row?: Partial<ReviewCallRow> } = {}): CallFixture {
  const lead = makeLead({ company: overrides.company ?? 'Acme Robotics', contactName: overrides.contactName ?? 'Grace Hopper', title: 'CMO', tags: ['need.exploring'] });
  const startedAt = overrides.startedAt ?? 1_750_000_100_000;
  const call = makeCall(lead, {
    startedAt,
    connectedAt: startedAt + 10_000,
    endedAt: startedAt + 200_000,
    wrappedUpAt: startedAt + 210_000,
    disposition: 'connected-conversation',
    scriptId: 'inbound-default',
    scriptVersion: 1,
    answers: { trigger: 'New growth targets from the board', 'interest-area': 'automation' },
  });
  const earlier = makeCall(lead, { startedAt: startedAt - 86_400_000, disposition: 'no-answer', wrappedUpAt: startedAt - 86_390_000 });
  const onCall = makeNote(lead, { callId: call.id, text: 'Budget owner is the CFO; follow up on Friday', createdAt: startedAt + 220_000 });
  const older = makeNote(lead, { text: 'Downloaded the automation guide', createdAt: startedAt - 86_000_000 });
  const working = makeStatusEvent({ id: lead.id, status: 'new' }, 'working', { at: startedAt - 86_300_000 });
  const handoff = makeHandoff(lead, { callId: call.id, status: 'returned', statusReason: 'No budget this year', createdAt: startedAt + 300_000, updatedAt: startedAt + 400_000 });
  const row: ReviewCallRow = {
    id: call.id,
    leadId: lead.id,
    company: lead.company,
    contactName: lead.contactName,
    sdrId: 'u-li',
    sdrName: '李雷',
    channel: 'phone',
    startedAt,
    talkSeconds: 190,
    connected: true,
    disposition: 'connected-conversation',
    scriptId: 'inbound-default',
    scriptVersion: 1,
    outcome: 'returned',
    reviews: overrides.reviews?.length ?? 0,
    lastScore: null,
    ...overrides.row,
  };
  const detail: ReviewCallDetail = {
    call,
    sdrId: 'u-li',
    sdrName: '李雷',
    lead,
    calls: [earlier, call],
    notes: [older, onCall],
    events: [working],
    handoffs: [handoff],
    reviews: overrides.reviews ?? [],
    script: null,
  };
  return { row, detail };
}

export function makeReview(fixture: CallFixture, overrides: Partial<Review> = {}): Review {
  return {
    id: uuidv7(),
    callId: fixture.row.id,
    leadId: fixture.row.leadId,
    sdrId: 'u-li',
    sdrName: '李雷',
    reviewerId: 'u-lead',
    reviewer: '王主管',
    comment: 'Good open questions; agree a dated next step.',
    scores: { 'discovery-depth': 4, 'next-step': 2 },
    criteria: [
      { id: 'discovery-depth', label: { en: 'Discovery depth', 'zh-CN': '探询深度' }, hint: null },
      { id: 'next-step', label: { en: 'Next step agreed', 'zh-CN': '约定下一步' }, hint: null },
    ],
    createdAt: 1_750_000_900_000,
    ...overrides,
  };
}

const answer = (status: number, body: unknown): ServerResponse => ({ status, body, retryAfterSeconds: null });
export const refusal = (status: number, code: string, message: string, fields: { path: string; message: string }[] = []) => answer(status, { error: { code, message, fields } });
export const ok = (body: unknown) => answer(200, body);

export interface Recorded {
  readonly method: string;
  readonly path: string;
}

type ListHandler = (params: URLSearchParams) => ServerResponse;

/** A team server that answers the review API from fixtures and records every request. */
export function fakeServer(options: { readonly calls?: readonly CallFixture[]; readonly list?: ListHandler; readonly unreachable?: boolean } = {}) {
  const requests: Recorded[] = [];
  const fixtures = options.calls ?? [];
  const list: ListHandler = options.list ?? (() => ok({ calls: fixtures.map((f) => f.row), total: fixtures.length, nextCursor: null } satisfies ReviewCallList));
  const server: ServerTransport = {
    fixedServerUrl: null,
    signIn: () => Promise.reject(new Error('not used here')),
    signOut: () => Promise.resolve(),
    request: async (method, path) => {
      requests.push({ method, path });
      if (options.unreachable) throw new ServerUnreachableError();
      const [pathname, search = ''] = path.split('?') as [string, string?];
      if (pathname === '/api/review/calls') return list(new URLSearchParams(search));
      const id = /^\/api\/review\/calls\/([^/]+)$/.exec(pathname)?.[1];
      const found = fixtures.find((f) => f.row.id === id);
      return found ? ok(found.detail) : refusal(404, 'notFound', 'No such call');
    },
  };
  /** The query of every list request, in order. */
  const listQueries = () => requests.filter((r) => r.path.startsWith('/api/review/calls?')).map((r) => new URLSearchParams(r.path.split('?')[1]));
  return { server, requests, listQueries };
}
