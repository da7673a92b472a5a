import { z } from 'zod';
import { LocalizedSchema } from './localized';
import { CallSchema } from './call';
import { LeadSchema } from './lead';
import { NoteSchema } from './note';
import { AnswersSchema } from './script';

export const HANDOFF_STATUSES = ['queued', 'delivered', 'accepted', 'returned', 'recalled'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

/** Sales has not answered it yet: the SDR may still recall it, sales may accept or return it. */
export function canRecall(status: HandoffStatus): boolean {
  return status === 'queued' || status === 'delivered';
}

/** Still standing: a lead has at most one such hand-off; recalled and returned ones are history. */
export function isOpenHandoff(status: HandoffStatus): boolean {
  return status !== 'recalled' && status !== 'returned';
}

export const CRM_DELIVERY_STATUSES = ['pending', 'delivered', 'failing'] as const;
export const CrmDeliverySchema = z.object({
  status: z.enum(CRM_DELIVERY_STATUSES),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().max(500),
  at: z.number().int().nonnegative(),
});
export type CrmDelivery = z.infer<typeof CrmDeliverySchema>;

export const HandoffSnapshotSchema = z.object({
  lead: LeadSchema,
  notes: z.array(NoteSchema).max(500),
  calls: z.array(CallSchema).max(200),
});
export type HandoffSnapshot = z.infer<typeof HandoffSnapshotSchema>;

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
  /** Who in sales accepted or returned it (set by the team server). */
  actedBy: z.string().max(80).optional(),
  /** The CRM webhook's delivery of an accepted hand-off, when the team configured one. */
  crm: CrmDeliverySchema.optional(),
  /** What sales receives: the lead as it was handed off, with its notes and calls. */
  snapshot: HandoffSnapshotSchema.optional(),
});
export type Handoff = Readonly<z.infer<typeof HandoffSchema>>;
