import { z } from 'zod';
import { LocalizedSchema } from './localized';
import { AnswersSchema } from './script';

export const HANDOFF_STATUSES = ['queued', 'delivered', 'accepted', 'returned', 'recalled'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

/** A hand-off can be recalled until sales acts on it. */
export function canRecall(status: HandoffStatus): boolean {
  return status === 'queued' || status === 'delivered';
}

/** Still standing: a lead has at most one such hand-off; recalled and returned ones are history. */
export function isOpenHandoff(status: HandoffStatus): boolean {
  return status !== 'recalled' && status !== 'returned';
}

export const HandoffSchema = z.object({
  id: z.uuid(),
  leadId: z.uuid(),
  fromSdr: z.string().max(80),
  owner: z.object({ id: z.string().min(1).max(60), name: z.string().min(1).max(80) }),
  /** The routing rule that chose the owner; null when the fallback did. */
  ruleId: z.string().max(60).nullable(),
  productLine: z.string().max(60).nullable(),
  dealSize: z.number().nonnegative().nullable(),
  summary: z.string().trim().min(1, { error: 'handoff.summaryRequired' }).max(8000, { error: 'text.tooLong' }),
  /** Set when the SDR handed off although criteria were missing. */
  overrideReason: z.string().trim().max(1000).nullable(),
  criteria: z.array(z.object({ id: z.string().max(60), label: LocalizedSchema, met: z.boolean() })).max(50),
  callId: z.uuid().nullable(),
  answers: AnswersSchema,
  tags: z.array(z.string().max(60)).max(50),
  status: z.enum(HANDOFF_STATUSES),
  statusReason: z.string().max(1000),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});
export type Handoff = Readonly<z.infer<typeof HandoffSchema>>;
