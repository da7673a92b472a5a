import { z } from 'zod';
import { LEAD_KINDS } from './lead';
import { SlugSchema } from './localized';

/**
 * A discovery script: sections of consultative questions that team leads publish and SDRs follow
 * on a call. Scripts arrive as team data (JSON from an editor, a sync pull, an import), so they are
 * parsed from `unknown` and checked beyond their shape: ids are unique, branches point at questions
 * that exist, with an operator that fits the question, and never in a circle.
 */

export const ANSWER_TYPES = ['single', 'multi', 'text', 'number', 'scale', 'date'] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

export const SCRIPT_LOCALES = ['zh-CN', 'en'] as const;
export type ScriptLocale = (typeof SCRIPT_LOCALES)[number];

/** Hard caps: a script is read on a call, and hostile input must stay cheap to refuse. */
export const SCRIPT_LIMITS = {
  sections: 30,
  questions: 200,
  options: 30,
  text: 1000,
  label: 200,
  name: 120,
  industry: 80,
  scaleSteps: 10,
  answers: 200,
  answerText: 4000,
} as const;

/** Branch condition on another question's answer. */
export type Condition =
  | { readonly op: 'answered'; readonly question: string }
  /** A single choice's option id, or a number / scale value. */
  | { readonly op: 'equals'; readonly question: string; readonly value: string | number }
  /** A single choice is one of these option ids. */
  | { readonly op: 'in'; readonly question: string; readonly values: readonly string[] }
  /** A multi choice contains this option id. */
  | { readonly op: 'includes'; readonly question: string; readonly value: string }
  | { readonly op: 'gte' | 'lte'; readonly question: string; readonly value: number };
export type ConditionOp = Condition['op'];

/** Which operators make sense on which answer type. */
export const CONDITION_OPS_BY_TYPE: Readonly<Record<AnswerType, readonly ConditionOp[]>> = {
  single: ['answered', 'equals', 'in'],
  multi: ['answered', 'includes'],
  text: ['answered'],
  date: ['answered'],
  number: ['answered', 'equals', 'gte', 'lte'],
  scale: ['answered', 'equals', 'gte', 'lte'],
};

export interface ScriptOption {
  readonly id: string;
  readonly label: string;
  /** Numeric meaning (months, yearly deal size…): the fact value instead of the id. */
  readonly value?: number;
}

export interface ScriptScale {
  readonly min: number;
  readonly max: number;
  readonly minLabel?: string;
  readonly maxLabel?: string;
}

export interface ScriptQuestion {
  readonly id: string;
  readonly text: string;
  /** Why we ask and what a good answer sounds like: a hint for the SDR, never read aloud. */
  readonly intent: string;
  readonly type: AnswerType;
  /** Required (≥ 2, unique ids) for single and multi; refused on other types. */
  readonly options?: readonly ScriptOption[];
  /** Required for scale; refused on other types. */
  readonly scale?: ScriptScale;
  /** The fact (usually one of FACT_KEYS) or custom field the answer fills. */
  readonly fills?: string;
  readonly required?: boolean;
  readonly showIf?: Condition;
}

export interface ScriptSection {
  readonly id: string;
  readonly title: string;
  readonly questions: readonly ScriptQuestion[];
}

export interface Script {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly locale: ScriptLocale;
  readonly kind: (typeof LEAD_KINDS)[number];
  /** '' = any industry. */
  readonly industry: string;
  readonly sections: readonly ScriptSection[];
}

/** single → option id; multi → option ids; text and date ('YYYY-MM-DD') → string; number, scale → number. */
export type AnswerValue = string | number | readonly string[];
export type Answers = Readonly<Record<string, AnswerValue>>;

/** `path` names the bad field, e.g. "sections[1].questions[0].showIf.question"; '' is the whole input. */
export interface ScriptError {
  readonly path: string;
  readonly message: string;
}

export type ScriptParseResult =
  | { readonly ok: true; readonly script: Script }
  | { readonly ok: false; readonly errors: readonly ScriptError[] };

const MAX_ERRORS = 50;
const MAX_MESSAGE = 300;
/** Keys an object already has through its prototype: as answer or fact keys they would lie. */
const RESERVED_IDS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

const text = (max: number) => z.string().trim().min(1, { error: 'must not be empty' }).max(max);
const OptionIdSchema = z.string().min(1).max(60);
/** Fact keys are camelCase (FACT_KEYS) and a team's custom field names may be too. */
const FieldKeySchema = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-zA-Z][a-zA-Z0-9._-]*$/, { error: 'must be a field key (a letter, then letters, digits, . _ -)' });

/** Refuses an oversized array before reading its items: one check instead of a million issues. */
function cappedArray<T extends z.ZodType>(item: T, min: number, max: number, what: string) {
  return z
    .custom<unknown>((value) => !Array.isArray(value) || value.length <= max, { error: `at most ${max} ${what}` })
    .pipe(z.array(item).min(min, { error: `at least ${min} ${what}` }).max(max));
}

const ConditionSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('answered'), question: SlugSchema }).strict(),
  z.object({ op: z.literal('equals'), question: SlugSchema, value: z.union([OptionIdSchema, z.number()]) }).strict(),
  z.object({ op: z.literal('in'), question: SlugSchema, values: cappedArray(OptionIdSchema, 1, SCRIPT_LIMITS.options, 'values') }).strict(),
  z.object({ op: z.literal('includes'), question: SlugSchema, value: OptionIdSchema }).strict(),
  z.object({ op: z.enum(['gte', 'lte']), question: SlugSchema, value: z.number() }).strict(),
]);

const OptionSchema = z.object({ id: SlugSchema, label: text(SCRIPT_LIMITS.label), value: z.number().optional() }).strict();

const ScaleSchema = z
  .object({
    min: z.number().int(),
    max: z.number().int(),
    minLabel: text(SCRIPT_LIMITS.label).optional(),
    maxLabel: text(SCRIPT_LIMITS.label).optional(),
  })
  .strict();

const QuestionSchema = z
  .object({
    id: SlugSchema,
    text: text(SCRIPT_LIMITS.text),
    intent: z.string().trim().max(SCRIPT_LIMITS.text),
    type: z.enum(ANSWER_TYPES),
    options: cappedArray(OptionSchema, 0, SCRIPT_LIMITS.options, 'options').optional(),
    scale: ScaleSchema.optional(),
    fills: FieldKeySchema.optional(),
    required: z.boolean().optional(),
    showIf: ConditionSchema.optional(),
  })
  .strict();

const SectionSchema = z
  .object({
    id: SlugSchema,
    title: text(SCRIPT_LIMITS.label),
    questions: cappedArray(QuestionSchema, 1, SCRIPT_LIMITS.questions, 'questions'),
  })
  .strict();

export const ScriptSchema: z.ZodType<Script> = z
  .object({
    id: SlugSchema,
    version: z.number().int().min(1),
    name: text(SCRIPT_LIMITS.name),
    locale: z.enum(SCRIPT_LOCALES),
    kind: z.enum(LEAD_KINDS),
    industry: z.string().trim().max(SCRIPT_LIMITS.industry),
    sections: cappedArray(SectionSchema, 1, SCRIPT_LIMITS.sections, 'sections'),
  })
  .strict()
  .superRefine((script, ctx) => {
    checkScript(script, (path, message) => ctx.addIssue({ code: 'custom', path: [...path], message }));
  });

export const AnswerValueSchema = z.union([
  z.string().max(SCRIPT_LIMITS.answerText),
  z.number(),
  cappedArray(OptionIdSchema, 0, SCRIPT_LIMITS.options, 'choices').readonly(),
]);

/**
 * Question id → answer. Counted before reading, for the same reason as cappedArray; an own
 * __proto__ key (JSON.parse makes one) is refused here, as zod's record would silently drop it.
 */
export const AnswersSchema = z
  .custom<unknown>((value) => typeof value !== 'object' || value === null || Object.keys(value).length <= SCRIPT_LIMITS.answers, {
    error: `at most ${SCRIPT_LIMITS.answers} answers`,
  })
  .refine((value) => typeof value !== 'object' || value === null || !Object.hasOwn(value, '__proto__'), { error: 'unknown key __proto__' })
  .pipe(z.record(SlugSchema, AnswerValueSchema));

type Path = readonly (string | number)[];
type Report = (path: Path, message: string) => void;

interface Located {
  readonly question: ScriptQuestion;
  readonly path: Path;
  readonly order: number;
}

/** The checks a shape cannot express; runs only on a script whose shape is already right. */
function checkScript(script: Script, report: Report): void {
  const located: Located[] = [];
  const sectionIds = new Set<string>();
  script.sections.forEach((section, s) => {
    if (sectionIds.has(section.id)) report(['sections', s, 'id'], `duplicate section id '${section.id}'`);
    sectionIds.add(section.id);
    section.questions.forEach((question, q) => {
      located.push({ question, path: ['sections', s, 'questions', q], order: located.length });
    });
  });
  if (located.length > SCRIPT_LIMITS.questions) {
    report(['sections'], `a script has at most ${SCRIPT_LIMITS.questions} questions (this one has ${located.length})`);
  }

  const byId = new Map<string, Located>();
  for (const entry of located) {
    const { question, path } = entry;
    if (byId.has(question.id)) report([...path, 'id'], `duplicate question id '${question.id}'`);
    else byId.set(question.id, entry);
    if (RESERVED_IDS.has(question.id)) report([...path, 'id'], `'${question.id}' is reserved; choose another id`);
    if (question.fills !== undefined && RESERVED_IDS.has(question.fills)) {
      report([...path, 'fills'], `'${question.fills}' is reserved; choose another key`);
    }
    checkAnswerShape(question, path, report);
  }
  for (const { question, path } of located) {
    if (question.showIf) checkCondition(question, question.showIf, [...path, 'showIf'], byId, report);
  }
  checkCycles(located, byId, report);
}

function checkAnswerShape(question: ScriptQuestion, path: Path, report: Report): void {
  const isChoice = question.type === 'single' || question.type === 'multi';
  if (isChoice && (question.options === undefined || question.options.length < 2)) {
    report([...path, 'options'], `a ${question.type} question needs at least 2 options`);
  }
  if (!isChoice && question.options !== undefined) {
    report([...path, 'options'], `only single and multi questions have options, not ${question.type}`);
  }
  const optionIds = new Set<string>();
  question.options?.forEach((option, o) => {
    if (optionIds.has(option.id)) report([...path, 'options', o, 'id'], `duplicate option id '${option.id}'`);
    optionIds.add(option.id);
  });

  if (question.type !== 'scale') {
    if (question.scale !== undefined) report([...path, 'scale'], `only scale questions have a scale, not ${question.type}`);
    return;
  }
  const { scale } = question;
  if (scale === undefined) report([...path, 'scale'], 'a scale question needs a scale {min, max}');
  else if (scale.max <= scale.min) report([...path, 'scale', 'max'], 'max must be greater than min');
  else if (scale.max - scale.min > SCRIPT_LIMITS.scaleSteps) {
    report([...path, 'scale', 'max'], `a scale spans at most ${SCRIPT_LIMITS.scaleSteps} steps`);
  }
}

function checkCondition(question: ScriptQuestion, cond: Condition, path: Path, byId: ReadonlyMap<string, Located>, report: Report): void {
  if (cond.question === question.id) {
    report([...path, 'question'], `'${question.id}' cannot depend on itself`);
    return;
  }
  const target = byId.get(cond.question)?.question;
  if (target === undefined) {
    report([...path, 'question'], `unknown question '${cond.question}'`);
    return;
  }
  if (!CONDITION_OPS_BY_TYPE[target.type].includes(cond.op)) {
    report([...path, 'op'], `'${cond.op}' does not apply to '${target.id}', a ${target.type} question`);
    return;
  }
  const hasOption = (id: string) => target.options?.some((option) => option.id === id) ?? false;
  const noOption = (id: string) => `'${target.id}' has no option '${id}'`;
  switch (cond.op) {
    case 'answered':
      return;
    case 'in':
      cond.values.forEach((id, i) => {
        if (!hasOption(id)) report([...path, 'values', i], noOption(id));
      });
      return;
    case 'includes':
      if (!hasOption(cond.value)) report([...path, 'value'], noOption(cond.value));
      return;
    case 'equals':
      if (target.type === 'single') {
        if (typeof cond.value !== 'string') report([...path, 'value'], `'${target.id}' is a single choice: compare with an option id`);
        else if (!hasOption(cond.value)) report([...path, 'value'], noOption(cond.value));
        return;
      }
      if (typeof cond.value !== 'number') {
        report([...path, 'value'], `'${target.id}' is a ${target.type} question: compare with a number`);
        return;
      }
      checkOnScale(target, cond.value, [...path, 'value'], report);
      return;
    case 'gte':
    case 'lte':
      checkOnScale(target, cond.value, [...path, 'value'], report);
      return;
  }
}

/** A comparison outside the scale never (or always) holds: a typo, not a branch. */
function checkOnScale(target: ScriptQuestion, value: number, path: Path, report: Report): void {
  const { scale } = target;
  if (target.type === 'scale' && scale && (value < scale.min || value > scale.max)) {
    report(path, `${value} is outside the scale of '${target.id}' (${scale.min}–${scale.max})`);
  }
}

/** Each question depends on at most one other, so following parents finds every cycle. */
function checkCycles(located: readonly Located[], byId: ReadonlyMap<string, Located>, report: Report): void {
  const settled = new Set<string>();
  for (const start of located) {
    const trail: Located[] = [];
    const onTrail = new Set<string>();
    let current: Located | undefined = start;
    while (current && !settled.has(current.question.id)) {
      if (onTrail.has(current.question.id)) {
        const from = current.question.id;
        const cycle = trail.slice(trail.findIndex((entry) => entry.question.id === from));
        const first = cycle.reduce((a, b) => (b.order < a.order ? b : a));
        const at = cycle.indexOf(first);
        const names = [...cycle.slice(at), ...cycle.slice(0, at), first].map((entry) => entry.question.id);
        report([...first.path, 'showIf', 'question'], `branch cycle: ${names.join(' → ')}`);
        break;
      }
      trail.push(current);
      onTrail.add(current.question.id);
      const parentId: string | undefined = current.question.showIf?.question;
      // Self-references are reported by checkCondition; duplicates resolve to their first question.
      current = parentId === undefined || parentId === current.question.id ? undefined : byId.get(parentId);
    }
    for (const entry of trail) settled.add(entry.question.id);
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

function clip(message: string): string {
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
}

function toScriptErrors(issues: readonly z.core.$ZodIssue[]): ScriptError[] {
  const errors: ScriptError[] = [];
  const seen = new Set<string>();
  const add = (path: readonly PropertyKey[], message: string) => {
    const error = { path: formatPath(path), message: clip(message) };
    const key = `${error.path}\n${error.message}`;
    if (errors.length < MAX_ERRORS && !seen.has(key)) errors.push(error);
    seen.add(key);
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys.slice(0, MAX_ERRORS)) add([...issue.path, clip(key)], 'unknown field');
    } else {
      add(issue.path, issue.message);
    }
  }
  return errors;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads a script from untrusted data. Never throws: every problem comes back as a ScriptError. */
export function parseScript(input: unknown): ScriptParseResult {
  try {
    const parsed = ScriptSchema.safeParse(input);
    if (parsed.success) return { ok: true, script: parsed.data };
    return { ok: false, errors: toScriptErrors(parsed.error.issues) };
  } catch (error) {
    // Only input that is not plain data gets here: a getter or a proxy that throws.
    return { ok: false, errors: [{ path: '', message: clip(`script could not be read: ${describeError(error)}`) }] };
  }
}

/** parseScript for the text of a JSON file; a syntax error names its line and column when known. */
export function parseScriptJson(text: string): ScriptParseResult {
  if (typeof text !== 'string') return { ok: false, errors: [{ path: '', message: 'invalid JSON: expected text' }] };
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: clip(jsonErrorMessage(text, describeError(error))) }] };
  }
  return parseScript(input);
}

function jsonErrorMessage(text: string, detail: string): string {
  const reason = detail.replace(/\s*\(line \d+ column \d+\)/, '');
  const position = /at position (\d+)/.exec(reason)?.[1];
  if (position === undefined) return `invalid JSON: ${reason}`;
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return `invalid JSON at line ${line}, column ${column}: ${reason}`;
}

/** Answers with changes applied; a null change clears that answer. */
export function mergeAnswers(base: Answers, changes: Readonly<Record<string, AnswerValue | null>>): Answers {
  const entries = Object.entries({ ...base, ...changes }).filter((entry): entry is [string, AnswerValue] => entry[1] !== null);
  return Object.fromEntries(entries);
}
