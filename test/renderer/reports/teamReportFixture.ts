import type { SdrMetrics, TeamReport } from '../../../shared/api/reports';
import type { Script } from '../../../shared/model/script';

const HOUR = 3_600_000;

function sdr(id: string | null, name: string, numbers: Partial<Omit<SdrMetrics, 'sdrId' | 'name'>>): SdrMetrics {
  return {
    sdrId: id,
    name,
    dials: 0,
    conversations: 0,
    connectRate: null,
    talkSeconds: 0,
    touches: 0,
    speedToLead: { medianMs: null, p90Ms: null, called: 0, notCalled: 0 },
    mqls: 0,
    sqls: 0,
    returned: 0,
    acceptanceRate: null,
    nurtured: 0,
    ...numbers,
  };
}

/** November 2026 for a team of three; the strings are what people typed, hostile ones included. */
export const TEAM_REPORT: TeamReport = {
  period: { from: '2026-11-01', to: '2026-11-30', tz: 'Asia/Shanghai', startMs: Date.UTC(2026, 9, 31, 16), endMs: Date.UTC(2026, 10, 30, 16) },
  team: sdr(null, 'Team', {
    dials: 1234,
    conversations: 300,
    connectRate: 300 / 1234,
    talkSeconds: 45_000,
    touches: 40,
    speedToLead: { medianMs: 4 * 60_000, p90Ms: 2 * HOUR + 10 * 60_000, called: 20, notCalled: 3 },
    mqls: 25,
    sqls: 15,
    returned: 5,
    acceptanceRate: 0.75,
    nurtured: 7,
  }),
  sdrs: [
    sdr('u-li', '李雷', { dials: 700, conversations: 200, connectRate: 200 / 700, talkSeconds: 30_000, speedToLead: { medianMs: 3 * 24 * HOUR, p90Ms: null, called: 12, notCalled: 1 }, mqls: 15, sqls: 9, returned: 3, acceptanceRate: 0.75 }),
    sdr('u-anna', 'Anna Schmidt', { dials: 134, conversations: 20, connectRate: 20 / 134, talkSeconds: 3_000, mqls: 2, sqls: 1, returned: 1, acceptanceRate: 0.5 }),
    sdr('u-wang', '王芳', { dials: 400, conversations: 80, connectRate: 0.2, talkSeconds: 12_000, mqls: 8, sqls: 5, returned: 1, acceptanceRate: 5 / 6 }),
  ],
  daily: [
    { date: '2026-11-02', dials: 60, conversations: 15, mqls: 2, sqls: 1 },
    { date: '2026-11-03', dials: 75, conversations: 20, mqls: 1, sqls: 0 },
  ],
  returnReasons: [
    { reason: '=HYPERLINK("http://evil.example")', count: 2 },
    { reason: '预算不足，明年再说', count: 3 },
  ],
  channels: [
    { channel: 'website_form', campaign: null, leads: 40, contacted: 30, mqls: 10, sqls: 6 },
    { channel: null, campaign: null, leads: 5, contacted: 1, mqls: 0, sqls: 0 },
  ],
  campaigns: [
    { channel: 'webinar', campaign: '双十一直播', leads: 20, contacted: 18, mqls: 6, sqls: 3 },
    { channel: 'paid_ads', campaign: '+86 promo', leads: 12, contacted: 6, mqls: 2, sqls: 2 },
    { channel: null, campaign: null, leads: 5, contacted: 1, mqls: 0, sqls: 0 },
  ],
  scriptInsight: [
    { scriptId: 'discovery', questionId: 'timeline', acceptedCalls: 10, acceptedAnswered: 5, returnedCalls: 4, returnedAnswered: 2 },
    { scriptId: 'discovery', questionId: 'budget', acceptedCalls: 10, acceptedAnswered: 9, returnedCalls: 4, returnedAnswered: 1 },
    { scriptId: 'retired', questionId: 'pain', acceptedCalls: 0, acceptedAnswered: 0, returnedCalls: 2, returnedAnswered: 1 },
  ],
};

function question(id: string, text: string) {
  return { id, text, intent: '', type: 'text' as const };
}

/** Version 2 reworded "budget" and dropped "timeline". */
export const SCRIPTS: readonly Script[] = [
  { id: 'discovery', version: 1, name: '挖掘话术', locale: 'zh-CN', kind: 'inbound', industry: '', sections: [{ id: 's', title: '需求', questions: [question('budget', '预算多少？'), question('timeline', '什么时候上线？')] }] },
  { id: 'discovery', version: 2, name: '挖掘话术 v2', locale: 'zh-CN', kind: 'inbound', industry: '', sections: [{ id: 's', title: '需求', questions: [question('budget', '今年这个项目的预算大概是多少？')] }] },
];
