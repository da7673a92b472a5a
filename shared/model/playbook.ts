import { z } from 'zod';
import { LocalizedSchema, SlugSchema, type Localized } from './localized';
import { ScorecardSchema, type ScorecardCriterion } from './review';

/**
 * A team's playbook: how calls end (dispositions), what can be tagged (taxonomy), what makes a
 * lead ready for sales (criteria) and who receives it (routing). Team leads edit it as a file, so
 * every object is strict: a misspelt key is refused, never silently ignored.
 */

export const DISPOSITION_EFFECTS = ['none', 'doNotCall', 'callback', 'wrongNumber'] as const;
export type DispositionEffect = (typeof DISPOSITION_EFFECTS)[number];

export interface Disposition {
  id: string;
  label: Localized;
  /** Whether someone answered: drives connect rate and whether the discovery script opens. */
  connected: boolean;
  effect: DispositionEffect;
}

export interface TagDef {
  id: string;
  label: Localized;
}

export interface TagGroup {
  id: string;
  label: Localized;
  tags: TagDef[];
}

export const LEAD_FIELDS_FOR_CRITERIA = ['contactName', 'title', 'email', 'wechatId', 'phones', 'industry', 'region'] as const;
export type CriterionLeadField = (typeof LEAD_FIELDS_FOR_CRITERIA)[number];

export type CriterionTest =
  | { kind: 'fact'; fact: string; op: 'present' }
  | { kind: 'fact'; fact: string; op: 'equals'; value: string | number }
  | { kind: 'fact'; fact: string; op: 'in'; values: string[] }
  | { kind: 'fact'; fact: string; op: 'lte' | 'gte'; value: number }
  | { kind: 'tagAny'; tags: string[] }
  | { kind: 'leadField'; field: CriterionLeadField; op: 'present' }
  /** Every required question the call's script shows is answered. */
  | { kind: 'requiredAnswered' };

export interface Criterion {
  id: string;
  label: Localized;
  test: CriterionTest;
}

export interface ProductLine {
  id: string;
  label: Localized;
}

export interface SalesOwner {
  id: string;
  name: string;
}

export interface RoutingRule {
  id: string;
  /** [] matches any product line (and a hand-off with none). */
  productLines: string[];
  /** Inclusive bounds; a bound never matches a hand-off whose deal size is unknown. */
  minDealSize: number | null;
  maxDealSize: number | null;
  /** [] matches any region; otherwise compared case-insensitively with the lead's region. */
  regions: string[];
  owner: SalesOwner;
}

export interface Routing {
  productLines: ProductLine[];
  /** In order: the first rule that matches wins. */
  rules: RoutingRule[];
  fallback: SalesOwner;
}

export interface Playbook {
  dispositions: Disposition[];
  taxonomy: TagGroup[];
  criteria: Criterion[];
  routing: Routing;
  /** What team leads score when they review a call. */
  scorecard: ScorecardCriterion[];
}

// ---------------------------------------------------------------------------------------------
// Schemas

/** Fact slots are camelCase names ('timelineMonths'), the same as the lead's custom field keys. */
const FactKeySchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,59}$/, { error: 'must be a fact name (letters, digits, _)' });
const OptionIdSchema = z.string().trim().min(1).max(60);
const TagIdSchema = z.string().trim().min(1).max(60);
const DealSizeSchema = z.number().finite().nonnegative();

type Issue = { readonly message: string; readonly path: (string | number)[] };

/** Issues for the second and later items whose key was already used. */
function duplicateIssues<T>(items: readonly T[], keyOf: (item: T) => string, what: string, path: (i: number) => (string | number)[]): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  items.forEach((item, i) => {
    const key = keyOf(item);
    if (seen.has(key)) issues.push({ message: `${what} "${key}" is used twice`, path: path(i) });
    seen.add(key);
  });
  return issues;
}

function reportIssues(ctx: z.RefinementCtx, issues: readonly Issue[]): void {
  for (const issue of issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
}

export const DispositionSchema = z
  .object({
    id: SlugSchema,
    label: LocalizedSchema.strict(),
    connected: z.boolean(),
    effect: z.enum(DISPOSITION_EFFECTS),
  })
  .strict() satisfies z.ZodType<Disposition>;

export const DispositionListSchema = z
  .array(DispositionSchema)
  .min(1, { error: 'the disposition list has no entries' })
  .max(20, { error: 'the disposition list has more than 20 entries' })
  .superRefine((list, ctx) => reportIssues(ctx, duplicateIssues(list, (d) => d.id, 'disposition id', (i) => [i, 'id'])));

export const TagDefSchema = z.object({ id: SlugSchema, label: LocalizedSchema.strict() }).strict() satisfies z.ZodType<TagDef>;

export const TagGroupSchema = z
  .object({
    id: SlugSchema,
    label: LocalizedSchema.strict(),
    tags: z.array(TagDefSchema).max(100, { error: 'a tag group has more than 100 tags' }),
  })
  .strict() satisfies z.ZodType<TagGroup>;

export const TaxonomySchema = z
  .array(TagGroupSchema)
  .max(30, { error: 'the taxonomy has more than 30 groups' })
  .superRefine((groups, ctx) => {
    reportIssues(ctx, duplicateIssues(groups, (g) => g.id, 'tag group id', (i) => [i, 'id']));
    const tags = groups.flatMap((g, gi) => g.tags.map((t, ti) => ({ id: t.id, path: [gi, 'tags', ti, 'id'] })));
    reportIssues(ctx, duplicateIssues(tags, (t) => t.id, 'tag id', (i) => tags[i]!.path));
  });

const factTest = { kind: z.literal('fact'), fact: FactKeySchema };

export const CriterionTestSchema = z.discriminatedUnion('kind', [
  z.discriminatedUnion('op', [
    z.object({ ...factTest, op: z.literal('present') }).strict(),
    z.object({ ...factTest, op: z.literal('equals'), value: z.union([OptionIdSchema, z.number().finite()], { error: 'must be an option id or a number' }) }).strict(),
    z
      .object({
        ...factTest,
        op: z.literal('in'),
        values: z.array(OptionIdSchema).min(1, { error: 'list at least one value' }).max(50),
      })
      .strict(),
    z.object({ ...factTest, op: z.enum(['lte', 'gte']), value: z.number().finite() }).strict(),
  ]),
  z
    .object({
      kind: z.literal('tagAny'),
      tags: z.array(TagIdSchema).min(1, { error: 'list at least one tag' }).max(50),
    })
    .strict(),
  z.object({ kind: z.literal('leadField'), field: z.enum(LEAD_FIELDS_FOR_CRITERIA), op: z.literal('present') }).strict(),
  z.object({ kind: z.literal('requiredAnswered') }).strict(),
]) satisfies z.ZodType<CriterionTest>;

export const CriterionSchema = z
  .object({ id: SlugSchema, label: LocalizedSchema.strict(), test: CriterionTestSchema })
  .strict() satisfies z.ZodType<Criterion>;

export const CriteriaSchema = z
  .array(CriterionSchema)
  .min(1, { error: 'the criteria list has no entries' })
  .max(30, { error: 'the criteria list has more than 30 entries' })
  .superRefine((list, ctx) => reportIssues(ctx, duplicateIssues(list, (c) => c.id, 'criterion id', (i) => [i, 'id'])));

export const SalesOwnerSchema = z
  .object({ id: z.string().trim().min(1).max(60), name: z.string().trim().min(1).max(80) })
  .strict() satisfies z.ZodType<SalesOwner>;

export const ProductLineSchema = z
  .object({ id: SlugSchema, label: LocalizedSchema.strict() })
  .strict() satisfies z.ZodType<ProductLine>;

export const RoutingRuleSchema = z
  .object({
    id: SlugSchema,
    productLines: z.array(SlugSchema).max(50),
    minDealSize: DealSizeSchema.nullable(),
    maxDealSize: DealSizeSchema.nullable(),
    regions: z.array(z.string().trim().min(1).max(80)).max(50),
    owner: SalesOwnerSchema,
  })
  .strict() satisfies z.ZodType<RoutingRule>;

export const RoutingSchema = z
  .object({
    productLines: z.array(ProductLineSchema).max(50),
    rules: z.array(RoutingRuleSchema).max(200),
    fallback: SalesOwnerSchema,
  })
  .strict()
  .superRefine((routing, ctx) => {
    reportIssues(ctx, duplicateIssues(routing.productLines, (p) => p.id, 'product line id', (i) => ['productLines', i, 'id']));
    reportIssues(ctx, duplicateIssues(routing.rules, (r) => r.id, 'routing rule id', (i) => ['rules', i, 'id']));
    const known = new Set(routing.productLines.map((p) => p.id));
    routing.rules.forEach((rule, i) => {
      rule.productLines.forEach((id, j) => {
        if (!known.has(id)) ctx.addIssue({ code: 'custom', message: `unknown product line "${id}"`, path: ['rules', i, 'productLines', j] });
      });
      if (rule.minDealSize !== null && rule.maxDealSize !== null && rule.minDealSize > rule.maxDealSize) {
        ctx.addIssue({ code: 'custom', message: 'the maximum deal size is below the minimum', path: ['rules', i, 'maxDealSize'] });
      }
    });
  }) satisfies z.ZodType<Routing>;

export const PlaybookSchema = z
  .object({
    dispositions: DispositionListSchema,
    taxonomy: TaxonomySchema,
    criteria: CriteriaSchema,
    routing: RoutingSchema,
    scorecard: ScorecardSchema,
  })
  .strict() satisfies z.ZodType<Playbook>;

export const MAX_SCRIPTS_PER_FILE = 50;

/** A team's playbook file: every section optional; scripts are checked by shared/model/script.ts. */
export const PlaybookFileSchema = z
  .object({
    dispositions: DispositionListSchema.optional(),
    taxonomy: TaxonomySchema.optional(),
    criteria: CriteriaSchema.optional(),
    routing: RoutingSchema.optional(),
    scorecard: ScorecardSchema.optional(),
    scripts: z.array(z.unknown()).max(MAX_SCRIPTS_PER_FILE, { error: `a playbook file holds at most ${MAX_SCRIPTS_PER_FILE} scripts` }).optional(),
  })
  .strict();

export interface PlaybookFile {
  dispositions?: Disposition[];
  taxonomy?: TagGroup[];
  criteria?: Criterion[];
  routing?: Routing;
  scorecard?: ScorecardCriterion[];
  scripts?: unknown[];
}

export type PlaybookError = { path: string; message: string };

/** Scripts make a file large; anything past this is not a hand-written playbook. */
export const MAX_PLAYBOOK_FILE_CHARS = 2_000_000;
const MAX_REPORTED_ERRORS = 50;

/** 'routing.rules[2].owner.name' from ['routing', 'rules', 2, 'owner', 'name']. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function errorsOf(error: z.ZodError): PlaybookError[] {
  const errors: PlaybookError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      // One error per key, at the key's own path, so the editor can point at the line.
      for (const key of issue.keys) errors.push({ path: formatIssuePath([...issue.path, key]), message: 'unknown field' });
    } else {
      errors.push({ path: formatIssuePath(issue.path), message: issue.message });
    }
  }
  return errors.slice(0, MAX_REPORTED_ERRORS);
}

/** Reads a playbook file's text. Never throws: every problem comes back as a path and a message. */
export function parsePlaybookFile(text: string): { ok: true; file: PlaybookFile } | { ok: false; errors: PlaybookError[] } {
  if (typeof text !== 'string') return { ok: false, errors: [{ path: '', message: 'the playbook file is not text' }] };
  if (text.length > MAX_PLAYBOOK_FILE_CHARS) {
    return { ok: false, errors: [{ path: '', message: 'the playbook file is larger than 2 MB' }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // The parser's own message quotes the input; the position is not worth leaking it for.
    return { ok: false, errors: [{ path: '', message: 'the playbook file is not valid JSON' }] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, errors: [{ path: '', message: 'the playbook file must be a JSON object' }] };
  }
  const parsed = PlaybookFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, errors: errorsOf(parsed.error) };
  return { ok: true, file: parsed.data };
}

/** A whole playbook's problems, in the same form as a file's. */
export function checkPlaybook(candidate: unknown): PlaybookError[] {
  const parsed = PlaybookSchema.safeParse(candidate);
  return parsed.success ? [] : errorsOf(parsed.error);
}
