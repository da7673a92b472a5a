import type { z } from 'zod';
import {
  LEAD_KINDS,
  LEAD_STATUSES,
  LeadPatchSchema,
  MAX_PHONES,
  SOURCE_CHANNELS,
  TEMPERATURES,
  type EditableLeadField,
  type Lead,
} from './lead';
import { normalizePhone, timeZoneForPhone, type PhoneRegion } from './phone';

/** What the lead form and a CSV row provide: loose strings, before normalisation. */
export interface LeadInput {
  readonly kind?: string;
  readonly company?: string;
  readonly contactName?: string;
  readonly title?: string;
  readonly phones?: readonly string[];
  readonly wechatId?: string;
  readonly email?: string;
  readonly industry?: string;
  readonly region?: string;
  readonly timeZone?: string;
  readonly sourceChannel?: string;
  readonly campaign?: string;
  readonly temperature?: string;
  readonly status?: string;
  readonly owner?: string;
  readonly priority?: string | number;
  readonly customFields?: Readonly<Record<string, string>>;
  readonly tags?: readonly string[];
}

/** `field` is a lead field name, `phones.1` for the second number; `code` is an i18n key under errors.* */
export interface FieldError {
  readonly field: string;
  readonly code: string;
}

export type LeadFields = Pick<Lead, EditableLeadField>;

/** A lead nobody has contacted yet, made of a form's or a CSV row's fields. */
export function newLead(fields: LeadFields, id: string, createdAt: number, importBatchId: string | null = null): Lead {
  return {
    ...fields,
    id,
    createdAt,
    updatedAt: createdAt,
    firstContactedAt: null,
    lastContactedAt: null,
    nextCallbackAt: null,
    doNotCall: false,
    importBatchId,
  };
}

// Built once: deriving a schema per row doubled the cost of checking a 50,000-row import.
const LeadFieldsSchema = LeadPatchSchema.required();

export type LeadInputResult =
  | { readonly ok: true; readonly fields: LeadFields }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

export interface LeadInputContext {
  readonly defaultRegion: PhoneRegion;
  readonly defaultKind: Lead['kind'];
}

/**
 * Turns form or CSV input into the fields of a valid lead, or names every field that is wrong.
 * A lead needs a company and at least one way to reach someone (phone, e-mail or WeChat): an SDR
 * cannot work a lead they cannot contact.
 */
export function parseLeadInput(input: LeadInput, ctx: LeadInputContext): LeadInputResult {
  const errors: FieldError[] = [];
  const phones: string[] = [];
  const rawPhones = (input.phones ?? []).map((p) => p.trim()).filter((p) => p.length > 0);
  if (rawPhones.length > MAX_PHONES) errors.push({ field: 'phones', code: 'phone.tooMany' });
  rawPhones.slice(0, MAX_PHONES).forEach((raw, index) => {
    const parsed = normalizePhone(raw, ctx.defaultRegion);
    if (parsed.ok) {
      if (!phones.includes(parsed.e164)) phones.push(parsed.e164);
    } else {
      errors.push({ field: `phones.${index}`, code: parsed.code });
    }
  });

  const email = (input.email ?? '').trim().toLowerCase();
  const wechatId = (input.wechatId ?? '').trim();
  if (rawPhones.length === 0 && email === '' && wechatId === '') {
    errors.push({ field: 'phones', code: 'contact.required' });
  }

  const candidate = {
    kind: pickEnum(input.kind, LEAD_KINDS, ctx.defaultKind, 'kind', errors),
    company: input.company ?? '',
    contactName: input.contactName ?? '',
    title: input.title ?? '',
    phones,
    wechatId,
    email,
    industry: input.industry ?? '',
    region: input.region ?? '',
    timeZone: (input.timeZone ?? '').trim() || (phones[0] ? (timeZoneForPhone(phones[0]) ?? '') : ''),
    sourceChannel: pickEnum(input.sourceChannel, SOURCE_CHANNELS, 'other', 'sourceChannel', errors),
    campaign: input.campaign ?? '',
    temperature: pickEnum(input.temperature, TEMPERATURES, 'warm', 'temperature', errors),
    status: pickEnum(input.status, LEAD_STATUSES, 'new', 'status', errors),
    owner: input.owner ?? '',
    priority: pickPriority(input.priority, errors),
    customFields: input.customFields ?? {},
    tags: [...new Set((input.tags ?? []).map((t) => t.trim()).filter((t) => t.length > 0))],
  };
  const parsed = LeadFieldsSchema.safeParse(candidate);
  if (!parsed.success) errors.push(...issuesToFieldErrors(parsed.error.issues));
  if (errors.length > 0 || !parsed.success) return { ok: false, errors: dedupe(errors) };
  return { ok: true, fields: parsed.data };
}

export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => ({
    field: issue.path.map(String).join('.') || 'root',
    code: KNOWN_CODES.has(issue.message) ? issue.message : 'invalid',
  }));
}

const KNOWN_CODES = new Set(['required', 'text.tooLong', 'phone.invalid', 'phone.tooMany', 'email.invalid']);

function pickEnum<T extends string>(
  raw: string | undefined,
  allowed: readonly T[],
  fallback: T,
  field: string,
  errors: FieldError[],
): T {
  const value = (raw ?? '').trim();
  if (value === '') return fallback;
  const found = allowed.find((a) => a === value);
  if (found === undefined) {
    errors.push({ field, code: 'choice.invalid' });
    return fallback;
  }
  return found;
}

function pickPriority(raw: string | number | undefined, errors: FieldError[]): Lead['priority'] {
  if (raw === undefined || raw === '') return 2;
  const n = Number(raw);
  if (n === 1 || n === 2 || n === 3) return n;
  errors.push({ field: 'priority', code: 'choice.invalid' });
  return 2;
}

function dedupe(errors: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.field}|${e.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
