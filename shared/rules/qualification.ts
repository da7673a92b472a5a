import type { FactValue, Facts } from '../model/facts';
import type { Lead, Temperature } from '../model/lead';
import type { Localized } from '../model/localized';
import type { Criterion, CriterionTest } from '../model/playbook';

export interface QualificationInput {
  /** What calls learned, by slot. A slot missing here is read from the lead's custom fields. */
  facts: Facts;
  /** The lead's tags (taxonomy and free). */
  tags: readonly string[];
  lead: Lead;
  /** Ids of required questions the call's script shows that are still unanswered. */
  requiredMissing: readonly string[];
}

export interface CriterionResult {
  id: string;
  label: Localized;
  met: boolean;
}

export interface Qualification {
  results: CriterionResult[];
  met: number;
  total: number;
  /** Every criterion is met (vacuously so when the team has none). */
  qualified: boolean;
  suggestedTemperature: Temperature;
}

/**
 * A fact as a number: a finite number, or a string holding one ("12", " 1,500,000 ") as custom
 * fields store them. Anything else (words, lists, NaN) is not a number.
 */
export function factAsNumber(value: FactValue | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const compact = value.trim().replace(/(\d)[,_\s](?=\d{3}\b)/g, '$1');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(compact)) return null;
  const n = Number(compact);
  return Number.isFinite(n) ? n : null;
}

function isPresent(value: FactValue | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return value.trim() !== '';
  return value.some((item) => item.trim() !== '');
}

/** The fact from the call if it holds something, else the custom field earlier calls filled. */
function factValue(name: string, input: QualificationInput): FactValue | undefined {
  const fromCall = Object.hasOwn(input.facts, name) ? input.facts[name] : undefined;
  if (isPresent(fromCall)) return fromCall;
  const fromLead = Object.hasOwn(input.lead.customFields, name) ? input.lead.customFields[name] : undefined;
  return isPresent(fromLead) ? fromLead : fromCall;
}

/** Option ids a fact holds: a list's items, a string, or a number written out. */
function optionIds(value: FactValue | undefined): readonly string[] {
  if (value === undefined) return [];
  if (typeof value === 'number') return Number.isFinite(value) ? [String(value)] : [];
  if (typeof value === 'string') return [value.trim()];
  return value.map((item) => item.trim());
}

function equals(value: FactValue | undefined, expected: string | number): boolean {
  if (typeof expected === 'number') {
    if (Array.isArray(value)) return value.some((item) => factAsNumber(item) === expected);
    return factAsNumber(value) === expected;
  }
  return optionIds(value).includes(expected);
}

type FactTest = Extract<CriterionTest, { kind: 'fact' }>;

function factMet(test: FactTest, value: FactValue | undefined): boolean {
  switch (test.op) {
    case 'present':
      return isPresent(value);
    case 'equals':
      return equals(value, test.value);
    case 'in':
      return optionIds(value).some((id) => test.values.includes(id));
    case 'lte':
    case 'gte': {
      const n = factAsNumber(value);
      if (n === null) return false;
      return test.op === 'lte' ? n <= test.value : n >= test.value;
    }
  }
}

function testMet(test: CriterionTest, input: QualificationInput): boolean {
  switch (test.kind) {
    case 'fact':
      return factMet(test, factValue(test.fact, input));
    case 'tagAny':
      return test.tags.some((tag) => input.tags.includes(tag));
    case 'leadField': {
      const field = input.lead[test.field];
      return typeof field === 'string' ? field.trim() !== '' : field.length > 0;
    }
    case 'requiredAnswered':
      return input.requiredMissing.length === 0;
  }
}

function temperatureFor(met: number, total: number): Temperature {
  if (total > 0 && met === total) return 'hot';
  if (total > 0 && met * 2 >= total) return 'warm';
  return 'cold';
}

/** Checks the team's hand-off criteria, each with whether it is met, so the UI can show what is missing. */
export function qualifyLead(criteria: readonly Criterion[], input: QualificationInput): Qualification {
  const results = criteria.map((c) => ({ id: c.id, label: c.label, met: testMet(c.test, input) }));
  const met = results.filter((r) => r.met).length;
  const total = results.length;
  return { results, met, total, qualified: met === total, suggestedTemperature: temperatureFor(met, total) };
}
