import { z } from 'zod';
import { CALL_CHANNELS, CallSchema } from '../model/call';
import { HandoffSchema } from '../model/handoff';
import { LeadSchema } from '../model/lead';
import { LeadEventSchema } from '../model/leadEvent';
import { NoteSchema } from '../model/note';
import { ReviewSchema } from '../model/review';
import { checkPeriod, PERIOD_FIELDS } from '../rules/period';

/** The review workspace's HTTP contract (`/api/review/…`, team leads only). */

export const HANDOFF_OUTCOMES = ['accepted', 'returned', 'pending', 'none'] as const;
export type HandoffOutcome = (typeof HANDOFF_OUTCOMES)[number];

export const MAX_SEARCH_LENGTH = 200;
export const REVIEW_PAGE_MAX = 200;

/** Query string of GET /api/review/calls: every value arrives as text. */
export const ReviewCallQuerySchema = z
  .object({
    ...PERIOD_FIELDS,
    sdr: z.string().min(1).max(80).optional(),
    disposition: z.string().min(1).max(60).optional(),
    channel: z.enum(CALL_CHANNELS).optional(),
    tag: z.string().min(1).max(60).optional(),
    script: z.string().min(1).max(60).optional(),
    outcome: z.enum(HANDOFF_OUTCOMES).optional(),
    reviewed: z.enum(['yes', 'no']).optional(),
    /** Words to find in the call's answers and notes (any language; matched literally). */
    q: z.string().max(MAX_SEARCH_LENGTH, { error: `search is longer than ${MAX_SEARCH_LENGTH} characters` }).optional(),
    /** Opaque: the nextCursor of the previous page. */
    cursor: z.string().regex(/^\d{1,16}:[0-9a-f-]{36}$/, { error: 'is not a cursor from this list' }).optional(),
    limit: z.coerce.number().int().min(1).max(REVIEW_PAGE_MAX).default(50),
  })
  .strict()
  .superRefine(checkPeriod);
export type ReviewCallQuery = z.infer<typeof ReviewCallQuerySchema>;

export const ReviewCallRowSchema = z.object({
  id: z.uuid(),
  leadId: z.uuid(),
  company: z.string(),
  contactName: z.string(),
  sdrId: z.string(),
  sdrName: z.string(),
  channel: z.enum(CALL_CHANNELS),
  startedAt: z.number(),
  talkSeconds: z.number(),
  connected: z.boolean(),
  disposition: z.string().nullable(),
  scriptId: z.string().nullable(),
  scriptVersion: z.number().nullable(),
  outcome: z.enum(HANDOFF_OUTCOMES),
  reviews: z.number(),
  /** Mean score of the newest review, one decimal. */
  lastScore: z.number().nullable(),
});
export type ReviewCallRow = z.infer<typeof ReviewCallRowSchema>;

export const ReviewCallListSchema = z.object({
  calls: z.array(ReviewCallRowSchema),
  /** Calls matching the filters in the whole period (not just this page). */
  total: z.number(),
  nextCursor: z.string().nullable(),
});
export type ReviewCallList = z.infer<typeof ReviewCallListSchema>;

/** GET /api/review/calls/:id — what the SDR saw and wrote, and what was said about it since. */
export const ReviewCallDetailSchema = z.object({
  call: CallSchema,
  sdrId: z.string(),
  sdrName: z.string(),
  lead: LeadSchema,
  /** Every call on the lead (this one included), for the timeline around it. */
  calls: z.array(CallSchema),
  notes: z.array(NoteSchema),
  events: z.array(LeadEventSchema),
  handoffs: z.array(HandoffSchema),
  reviews: z.array(ReviewSchema),
  /** The script version the call used, when the team published it (shipped defaults: null). */
  script: z.unknown().nullable(),
});
export type ReviewCallDetail = z.infer<typeof ReviewCallDetailSchema>;
