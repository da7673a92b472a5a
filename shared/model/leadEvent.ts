import { z } from 'zod';
import { LEAD_STATUSES } from './lead';

/** What the lead's timeline shows besides calls, notes and hand-offs; append-only. */
export const LeadEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('status'),
    id: z.uuid(),
    leadId: z.uuid(),
    at: z.number().int().nonnegative(),
    by: z.string().max(80),
    from: z.enum(LEAD_STATUSES),
    to: z.enum(LEAD_STATUSES),
    reason: z.string().max(1000),
    nextTouchAt: z.number().int().nullable(),
  }),
  z.object({
    type: z.literal('tags'),
    id: z.uuid(),
    leadId: z.uuid(),
    at: z.number().int().nonnegative(),
    by: z.string().max(80),
    added: z.array(z.string().min(1).max(60)).max(50),
    removed: z.array(z.string().min(1).max(60)).max(50),
  }),
]);
export type LeadEvent = Readonly<z.infer<typeof LeadEventSchema>>;
export type StatusEvent = Extract<LeadEvent, { type: 'status' }>;
