import { z } from 'zod';

/** The team playbook's versions (`/api/teams/:teamId/playbook…`, team lead or admin). */

export const MAX_PUBLISH_NOTE = 500;

export const PublishPlaybookBodySchema = z.strictObject({
  text: z.string().min(2).max(2_000_000),
  /** What changed, shown in the version list ("Added a budget question"). */
  note: z.string().trim().max(MAX_PUBLISH_NOTE, { error: 'text.tooLong' }).optional(),
});

export const RestorePlaybookBodySchema = z.strictObject({
  note: z.string().trim().max(MAX_PUBLISH_NOTE, { error: 'text.tooLong' }).optional(),
});

export const PublishedSchema = z.object({ version: z.number().int().positive(), publishedAt: z.number() });

export const PlaybookVersionSummarySchema = z.object({
  version: z.number().int().positive(),
  publishedAt: z.number(),
  by: z.string(),
  note: z.string(),
  /** The version this one restored, if it was a restore. */
  restoredFrom: z.number().int().positive().nullable(),
  scripts: z.array(z.object({ id: z.string(), version: z.number() })),
});
export type PlaybookVersionSummary = z.infer<typeof PlaybookVersionSummarySchema>;

export const PlaybookVersionListSchema = z.object({
  current: z.number().int().positive().nullable(),
  versions: z.array(PlaybookVersionSummarySchema),
});

export const PlaybookVersionDetailSchema = PlaybookVersionSummarySchema.extend({ text: z.string() });
export type PlaybookVersionDetail = z.infer<typeof PlaybookVersionDetailSchema>;
