import { z } from 'zod';
import { LeadPatchSchema, LeadSchema } from '../model/lead';

/**
 * Every user write is one of these mutations. The client applies it locally and queues it in the
 * outbox in the same transaction; the server (a later issue) applies the same names with the same
 * argument schemas.
 */
export const MUTATION_ARGS = {
  'lead.create': z.object({ lead: LeadSchema }),
  'lead.update': z.object({ id: z.uuid(), patch: LeadPatchSchema, updatedAt: z.number().int() }),
  /** One chunk of an import: new leads plus the existing leads it merged into. */
  'lead.importBatch': z.object({
    batchId: z.uuid(),
    /** When the merges happened: a lead merged into counts as updated then. */
    updatedAt: z.number().int(),
    created: z.array(LeadSchema).max(1000),
    merged: z.array(z.object({ id: z.uuid(), patch: LeadPatchSchema })).max(1000),
  }),
} as const;

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
