import { z } from 'zod';
import { checkPeriod, PERIOD_FIELDS } from '../rules/period';

/** GET /api/reports/team?from&to&tz — a team's numbers over a period, computed on the server. */
export const ReportQuerySchema = z.object(PERIOD_FIELDS).strict().superRefine(checkPeriod);

const count = z.number().int().nonnegative();
const rate = z.number().min(0).max(1).nullable();

export const SpeedToLeadSchema = z.object({
  /** Inbound leads created in the period that were called: first call − creation, in ms. */
  medianMs: z.number().nullable(),
  p90Ms: z.number().nullable(),
  called: count,
  /** Inbound leads created in the period with no call yet. */
  notCalled: count,
});

export const SdrMetricsSchema = z.object({
  /** null for the team's row. */
  sdrId: z.string().nullable(),
  name: z.string(),
  /** Phone calls placed. */
  dials: count,
  /** Phone calls someone answered. */
  conversations: count,
  connectRate: rate,
  talkSeconds: count,
  /** WeChat and e-mail touches logged. */
  touches: count,
  speedToLead: SpeedToLeadSchema,
  /** Hand-offs made in the period (recalled ones left out) and what sales did with them. */
  mqls: count,
  sqls: count,
  returned: count,
  /** sqls / (sqls + returned): hand-offs sales has not answered yet are left out. */
  acceptanceRate: rate,
  /** Leads moved back to nurturing in the period. */
  nurtured: count,
});
export type SdrMetrics = z.infer<typeof SdrMetricsSchema>;

export const DailyRowSchema = z.object({ date: z.string(), dials: count, conversations: count, mqls: count, sqls: count });

export const FunnelRowSchema = z.object({
  /** null: leads with no source channel / campaign. */
  channel: z.string().nullable(),
  campaign: z.string().nullable(),
  /** Leads created in the period, and how far each has got by now. */
  leads: count,
  contacted: count,
  mqls: count,
  sqls: count,
});
export type FunnelRow = z.infer<typeof FunnelRowSchema>;

export const QuestionInsightSchema = z.object({
  scriptId: z.string(),
  questionId: z.string(),
  /** Calls on leads whose hand-off (made in the period) sales accepted, and how many answered it. */
  acceptedCalls: count,
  acceptedAnswered: count,
  returnedCalls: count,
  returnedAnswered: count,
});
export type QuestionInsight = z.infer<typeof QuestionInsightSchema>;

export const TeamReportSchema = z.object({
  period: z.object({ from: z.string(), to: z.string(), tz: z.string(), startMs: z.number(), endMs: z.number() }),
  team: SdrMetricsSchema,
  sdrs: z.array(SdrMetricsSchema),
  daily: z.array(DailyRowSchema),
  returnReasons: z.array(z.object({ reason: z.string(), count: count })),
  channels: z.array(FunnelRowSchema),
  campaigns: z.array(FunnelRowSchema),
  scriptInsight: z.array(QuestionInsightSchema),
});
export type TeamReport = z.infer<typeof TeamReportSchema>;
