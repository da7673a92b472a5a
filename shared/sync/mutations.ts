import { z } from 'zod';
import { CallSchema } from '../model/call';
import { HandoffSchema } from '../model/handoff';
import { LeadPatchSchema, LeadSchema } from '../model/lead';
import { LeadEventSchema } from '../model/leadEvent';
import { NoteSchema } from '../model/note';
import { ReviewInputSchema } from '../model/review';
import { AnswerValueSchema } from '../model/script';
import { CallSipSchema } from '../model/sip';

/**
 * Every user write is one of these mutations. The client applies it locally and queues it in the
 * outbox in the same transaction; the server (a later issue) applies the same names with the same
 * argument schemas.
 */
export const MUTATION_ARGS = {
  'lead.create': z.object({ lead: LeadSchema }),
  /**
   * `base` holds the patched fields as the user saw them before editing: when the server's value
   * differs, someone else changed it meanwhile and the value overwritten goes to the history.
   */
  'lead.update': z.object({ id: z.uuid(), patch: LeadPatchSchema, base: LeadPatchSchema.optional(), updatedAt: z.number().int() }),
  /** One chunk of an import: new leads plus the existing leads it merged into. */
  'lead.importBatch': z.object({
    batchId: z.uuid(),
    /** When the merges happened: a lead merged into counts as updated then. */
    updatedAt: z.number().int(),
    created: z.array(LeadSchema).max(1000),
    merged: z.array(z.object({ id: z.uuid(), patch: LeadPatchSchema })).max(1000),
  }),
  /** Written the moment a call is placed (or a touch logged), so a crash mid-call keeps it. */
  'call.start': z.object({ call: CallSchema }),
  /** `sip` comes from the built-in softphone with the end of the call. */
  'call.progress': z.object({ id: z.uuid(), connectedAt: z.number().int().optional(), endedAt: z.number().int().optional(), sip: CallSipSchema.optional() }),
  /** Answers changed since the last save; null clears one. Per question, the later write wins. */
  'call.answers': z.object({
    id: z.uuid(),
    scriptId: z.string().max(60),
    scriptVersion: z.number().int().positive(),
    answers: z.record(z.string().max(60), AnswerValueSchema.nullable()),
  }),
  /**
   * Carries its effects on the lead (do-not-call, call-back, the custom fields the answers fill),
   * so applying it needs no playbook: the server replays exactly what the SDR saw.
   */
  'call.wrapUp': z.object({
    id: z.uuid(),
    wrappedUpAt: z.number().int(),
    disposition: z.string().min(1).max(60),
    doNotCall: z.boolean(),
    callbackAt: z.number().int().nullable(),
    leadFields: z.record(z.string().max(60), z.string().max(2000)),
  }),
  'note.add': z.object({ note: NoteSchema }),
  'lead.tags': z.object({ event: LeadEventSchema.options[1] }),
  'lead.transition': z.object({ event: LeadEventSchema.options[0] }),
  'handoff.create': z.object({ handoff: HandoffSchema, event: LeadEventSchema.options[0] }),
  'handoff.recall': z.object({ id: z.uuid(), event: LeadEventSchema.options[0] }),
  /** Sales' answers; the event id is chosen by the client so every replica writes the same event. */
  'handoff.accept': z.object({ id: z.uuid(), eventId: z.uuid(), at: z.number().int() }),
  'handoff.return': z.object({
    id: z.uuid(),
    eventId: z.uuid(),
    at: z.number().int(),
    reason: z.string().trim().min(1, { error: 'handoff.returnReasonRequired' }).max(1000, { error: 'text.tooLong' }),
  }),
  /** A team lead's review of a call: comment and scores. Append-only. */
  'review.add': z.object({ review: ReviewInputSchema }),
} as const;

/** The lead a mutation works on (null for a batch): decides demo-lead exclusion and rebase scope. */
export function mutationLeadId(name: MutationName, args: unknown): string | null {
  const a = args as Record<string, unknown>;
  switch (name) {
    case 'lead.create':
      return (a['lead'] as { id: string }).id;
    case 'lead.update':
      return a['id'] as string;
    case 'call.start':
      return (a['call'] as { leadId: string }).leadId;
    case 'note.add':
      return (a['note'] as { leadId: string }).leadId;
    case 'lead.tags':
    case 'lead.transition':
    case 'handoff.recall':
      return (a['event'] as { leadId: string }).leadId;
    case 'handoff.create':
      return (a['handoff'] as { leadId: string }).leadId;
    case 'review.add':
      return (a['review'] as { leadId: string }).leadId;
    default:
      return null;
  }
}

export type MutationName = keyof typeof MUTATION_ARGS;
export type MutationArgs<N extends MutationName> = z.infer<(typeof MUTATION_ARGS)[N]>;

export const OutboxEntrySchema = z.object({
  seq: z.number().int().positive(),
  clientId: z.uuid(),
  id: z.uuid(),
  name: z.enum(Object.keys(MUTATION_ARGS) as [MutationName, ...MutationName[]]),
  args: z.unknown(),
  hlc: z.string(),
  createdAt: z.number().int(),
});
export type OutboxEntry = Readonly<z.infer<typeof OutboxEntrySchema>>;
