import { z } from 'zod';
import { LocalizedSchema, SlugSchema, type Localized } from './localized';

/**
 * Coaching: a team lead's review of one call — a comment and a score per scorecard criterion.
 * Reviews are append-only: a second look at the same call is a new review, the older stays.
 */

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
export const MAX_REVIEW_COMMENT = 4000;

export interface ScorecardCriterion {
  id: string;
  label: Localized;
  /** What a 5 looks like, shown beside the score while reviewing. */
  hint: Localized | null;
}

export const ScorecardCriterionSchema = z
  .object({ id: SlugSchema, label: LocalizedSchema.strict(), hint: LocalizedSchema.strict().nullable() })
  .strict() satisfies z.ZodType<ScorecardCriterion>;

export const ScorecardSchema = z
  .array(ScorecardCriterionSchema)
  .min(1, { error: 'the scorecard has no criteria' })
  .max(20, { error: 'the scorecard has more than 20 criteria' })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', message: `scorecard criterion id "${c.id}" is used twice`, path: [i, 'id'] });
      seen.add(c.id);
    });
  });

export const ScoreSchema = z.number().int().min(SCORE_MIN).max(SCORE_MAX);

/** What the reviewer sends; the server adds who reviewed and whose call it was. */
export const ReviewInputSchema = z.strictObject({
  id: z.uuid(),
  callId: z.uuid(),
  leadId: z.uuid(),
  comment: z.string().trim().max(MAX_REVIEW_COMMENT, { error: 'text.tooLong' }),
  /** criterion id → score; a criterion left out was not scored. */
  scores: z.record(SlugSchema, ScoreSchema),
  /** The scorecard the reviewer scored against (the team's published one). */
  criteria: z.array(ScorecardCriterionSchema).min(1).max(20),
  at: z.number().int().nonnegative(),
}).superRefine((input, ctx) => {
  const known = new Set(input.criteria.map((c) => c.id));
  for (const id of Object.keys(input.scores)) {
    if (!known.has(id)) ctx.addIssue({ code: 'custom', message: `"${id}" is not on the scorecard`, path: ['scores', id] });
  }
  if (input.comment === '' && Object.keys(input.scores).length === 0) ctx.addIssue({ code: 'custom', message: 'review.empty', path: ['comment'] });
});
export type ReviewInput = z.infer<typeof ReviewInputSchema>;

export const ReviewSchema = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  leadId: z.uuid(),
  /**
   * The SDR who made the call (account id, name): the only SDR who ever sees this review. Empty
   * on the reviewer's device until the server has it.
   */
  sdrId: z.string().max(80),
  sdrName: z.string().max(80),
  /** Empty on the reviewer's device until the server has it. */
  reviewerId: z.string().max(80),
  reviewer: z.string().max(80),
  comment: z.string().max(MAX_REVIEW_COMMENT),
  scores: z.record(z.string().max(60), ScoreSchema),
  /** The scorecard as it was when scored, so old reviews keep their labels. */
  criteria: z.array(ScorecardCriterionSchema).max(20),
  createdAt: z.number().int().nonnegative(),
});
export type Review = Readonly<z.infer<typeof ReviewSchema>>;

/** The mean of the given scores, one decimal; null when nothing was scored. */
export function averageScore(scores: Readonly<Record<string, number>>): number | null {
  const values = Object.values(scores);
  if (values.length === 0) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}
