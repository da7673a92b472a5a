import { z } from 'zod';
import { LEAD_KINDS } from '../../../../shared/model/lead';
import { DISPOSITION_EFFECTS, LEAD_FIELDS_FOR_CRITERIA } from '../../../../shared/model/playbook';
import { ANSWER_TYPES, SCRIPT_LOCALES } from '../../../../shared/model/script';
import type { PlaybookDraft, StoredPlaybookDraft } from './draft';

/**
 * The stored draft is read back with the shapes of the playbook but none of its rules: a draft is
 * allowed to be unfinished (empty labels, a cycle being worked on). Only a row this editor did not
 * write (another app version, a damaged row) fails here. JSON turns a blank number (NaN) into null,
 * so required numbers read null back as NaN.
 */

const text = z.string();
const blankable = z
  .number()
  .nullable()
  .transform((n) => n ?? Number.NaN);
const localized = z.object({ en: text, 'zh-CN': text });
const owner = z.object({ id: text, name: text });

const condition = z.discriminatedUnion('op', [
  z.object({ op: z.literal('answered'), question: text }),
  z.object({ op: z.literal('equals'), question: text, value: z.union([text, blankable]) }),
  z.object({ op: z.literal('in'), question: text, values: z.array(text) }),
  z.object({ op: z.literal('includes'), question: text, value: text }),
  z.object({ op: z.enum(['gte', 'lte']), question: text, value: blankable }),
]);

const question = z.object({
  id: text,
  text,
  intent: text,
  type: z.enum(ANSWER_TYPES),
  options: z.array(z.object({ id: text, label: text, value: blankable.optional() })).optional(),
  scale: z.object({ min: blankable, max: blankable, minLabel: text.optional(), maxLabel: text.optional() }).optional(),
  fills: text.optional(),
  required: z.boolean().optional(),
  showIf: condition.optional(),
});

const script = z.object({
  id: text,
  version: z.number(),
  name: text,
  locale: z.enum(SCRIPT_LOCALES),
  kind: z.enum(LEAD_KINDS),
  industry: text,
  sections: z.array(z.object({ id: text, title: text, questions: z.array(question) })),
});

const criterionTest = z.union([
  z.object({ kind: z.literal('fact'), fact: text, op: z.literal('present') }),
  z.object({ kind: z.literal('fact'), fact: text, op: z.literal('equals'), value: z.union([text, blankable]) }),
  z.object({ kind: z.literal('fact'), fact: text, op: z.literal('in'), values: z.array(text) }),
  z.object({ kind: z.literal('fact'), fact: text, op: z.enum(['lte', 'gte']), value: blankable }),
  z.object({ kind: z.literal('tagAny'), tags: z.array(text) }),
  z.object({ kind: z.literal('leadField'), field: z.enum(LEAD_FIELDS_FOR_CRITERIA), op: z.literal('present') }),
  z.object({ kind: z.literal('requiredAnswered') }),
]);

const DraftSchema = z.object({
  dispositions: z.array(z.object({ id: text, label: localized, connected: z.boolean(), effect: z.enum(DISPOSITION_EFFECTS) })),
  taxonomy: z.array(z.object({ id: text, label: localized, tags: z.array(z.object({ id: text, label: localized })) })),
  criteria: z.array(z.object({ id: text, label: localized, test: criterionTest })),
  routing: z.object({
    productLines: z.array(z.object({ id: text, label: localized })),
    rules: z.array(
      z.object({
        id: text,
        productLines: z.array(text),
        minDealSize: z.number().nullable(),
        maxDealSize: z.number().nullable(),
        regions: z.array(text),
        owner,
      }),
    ),
    fallback: owner,
  }),
  scorecard: z.array(z.object({ id: text, label: localized, hint: localized.nullable() })),
  scripts: z.array(script),
}) satisfies z.ZodType<PlaybookDraft>;

const StoredSchema = z.object({ format: z.literal(1), draft: DraftSchema, note: z.string() });

export function storedDraftText(stored: StoredPlaybookDraft): string {
  return JSON.stringify({ format: 1, draft: stored.draft, note: stored.note });
}

/** The stored draft, or null when the row cannot be read as one. */
export function parseStoredDraft(text: string): StoredPlaybookDraft | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = StoredSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
