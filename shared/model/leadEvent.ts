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
  /**
   * Written by the team server when two devices set the same field: the later clock won and this
   * is the value it replaced (or the value that arrived too late), kept so nobody's input is lost.
   */
  z.object({
    type: z.literal('overwrite'),
    id: z.uuid(),
    leadId: z.uuid(),
    at: z.number().int().nonnegative(),
    by: z.string().max(80),
    field: z.string().max(60),
    /** The value that did not survive, as JSON. */
    lostValue: z.string().max(20_000),
    lostBy: z.string().max(80),
  }),
]);
export type LeadEvent = Readonly<z.infer<typeof LeadEventSchema>>;
export type StatusEvent = Extract<LeadEvent, { type: 'status' }>;
export type OverwriteEvent = Extract<LeadEvent, { type: 'overwrite' }>;
