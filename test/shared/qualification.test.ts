import { describe, expect, it } from 'vitest';
import type { Facts } from '../../shared/model/facts';
import type { Criterion, CriterionTest } from '../../shared/model/playbook';
import { DEFAULT_PLAYBOOK } from '../../shared/playbook/defaults';
import { factAsNumber, qualifyLead, type QualificationInput } from '../../shared/rules/qualification';
import { makeLead } from '../helpers/leadFactory';

const label = { en: 'x', 'zh-CN': 'x' };
const criterion = (test: CriterionTest, id = 'c'): Criterion => ({ id, label, test });

function input(overrides: Partial<QualificationInput> = {}): QualificationInput {
  return { facts: {}, tags: [], lead: makeLead(), requiredMissing: [], ...overrides };
}

/** Whether the single criterion `test` is met for the given facts and other input. */
function met(test: CriterionTest, facts: Facts, overrides: Partial<QualificationInput> = {}): boolean {
  return qualifyLead([criterion(test)], input({ facts, ...overrides })).results[0]!.met;
}

describe('qualifyLead: fact present', () => {
  const test: CriterionTest = { kind: 'fact', fact: 'decisionMaker', op: 'present' };
  it.each<[string, Facts, boolean]>([
    ['a name', { decisionMaker: '张总 (CMO)' }, true],
    ['a number, even 0', { decisionMaker: 0 }, true],
    ['a list with an item', { decisionMaker: ['cmo'] }, true],
    ['missing', {}, false],
    ['blank text', { decisionMaker: '   ' }, false],
    ['an empty list', { decisionMaker: [] }, false],
    ['a list of blanks', { decisionMaker: [''] }, false],
    ['NaN', { decisionMaker: Number.NaN }, false],
    ['Infinity', { decisionMaker: Number.POSITIVE_INFINITY }, false],
  ])('%s → %s', (_, facts, expected) => {
    expect(met(test, facts)).toBe(expected);
  });

  it('reads a slot earlier calls copied to the lead’s custom fields', () => {
    const lead = makeLead({ customFields: { decisionMaker: 'CMO' } });
    expect(met(test, {}, { lead })).toBe(true);
    expect(met(test, { decisionMaker: '' }, { lead })).toBe(true);
  });

  it('does not take keys from Object.prototype for facts', () => {
    expect(met({ kind: 'fact', fact: 'constructor', op: 'present' }, {})).toBe(false);
    expect(met({ kind: 'fact', fact: 'toString', op: 'present' }, {})).toBe(false);
  });
});

describe('qualifyLead: fact equals and in', () => {
  const need: CriterionTest = { kind: 'fact', fact: 'need', op: 'equals', value: 'confirmed' };
  it.each<[Facts, boolean]>([
    [{ need: 'confirmed' }, true],
    [{ need: ' confirmed ' }, true],
    [{ need: ['exploring', 'confirmed'] }, true],
    [{ need: 'exploring' }, false],
    [{ need: 'Confirmed' }, false],
    [{ need: [] }, false],
    [{}, false],
  ])('need equals confirmed: %j → %s', (facts, expected) => {
    expect(met(need, facts)).toBe(expected);
  });

  it('compares a number with a number or a numeric string', () => {
    const teamSize: CriterionTest = { kind: 'fact', fact: 'teamSize', op: 'equals', value: 12 };
    expect(met(teamSize, { teamSize: 12 })).toBe(true);
    expect(met(teamSize, { teamSize: '12' })).toBe(true);
    expect(met(teamSize, { teamSize: ['12'] })).toBe(true);
    expect(met(teamSize, { teamSize: 13 })).toBe(false);
    expect(met(teamSize, { teamSize: 'twelve' })).toBe(false);
  });

  const budget: CriterionTest = { kind: 'fact', fact: 'budgetRange', op: 'in', values: ['100k-500k', '500k-plus'] };
  it.each<[Facts, boolean]>([
    [{ budgetRange: '500k-plus' }, true],
    [{ budgetRange: ['under-100k', '100k-500k'] }, true],
    [{ budgetRange: 'under-100k' }, false],
    [{ budgetRange: ['under-100k'] }, false],
    [{ budgetRange: 500 }, false],
    [{}, false],
  ])('budget in list: %j → %s', (facts, expected) => {
    expect(met(budget, facts)).toBe(expected);
  });
});

describe('qualifyLead: fact lte / gte', () => {
  const within6: CriterionTest = { kind: 'fact', fact: 'timelineMonths', op: 'lte', value: 6 };
  const bigTeam: CriterionTest = { kind: 'fact', fact: 'teamSize', op: 'gte', value: 10 };
  it.each<[Facts, boolean]>([
    [{ timelineMonths: 6 }, true],
    [{ timelineMonths: 0 }, true],
    [{ timelineMonths: 6.5 }, false],
    [{ timelineMonths: '3' }, true],
    [{ timelineMonths: ' 12 ' }, false],
    [{ timelineMonths: 'soon' }, false],
    [{ timelineMonths: '' }, false],
    [{ timelineMonths: ['3'] }, false],
    [{ timelineMonths: Number.NaN }, false],
    [{ timelineMonths: Number.NEGATIVE_INFINITY }, false],
    [{}, false],
  ])('timeline ≤ 6: %j → %s', (facts, expected) => {
    expect(met(within6, facts)).toBe(expected);
  });

  it('bounds are inclusive for gte', () => {
    expect(met(bigTeam, { teamSize: 10 })).toBe(true);
    expect(met(bigTeam, { teamSize: 9 })).toBe(false);
    expect(met(bigTeam, { teamSize: '1,500' })).toBe(true);
  });

  it('reads a numeric custom field such as "12" when the call did not ask', () => {
    const lead = makeLead({ customFields: { timelineMonths: '4', teamSize: '12' } });
    expect(met(within6, {}, { lead })).toBe(true);
    expect(met(bigTeam, {}, { lead })).toBe(true);
    // What the call learned wins over an older custom field.
    expect(met(within6, { timelineMonths: 12 }, { lead })).toBe(false);
  });
});

describe('factAsNumber', () => {
  it.each<[string | number, number | null]>([
    [12, 12],
    ['12', 12],
    [' 12.5 ', 12.5],
    ['1,500,000', 1_500_000],
    ['1 500 000', 1_500_000],
    ['-3', -3],
    ['12,34', null],
    ['12abc', null],
    ['0x10', null],
    ['1e3', null],
    ['', null],
    [Number.NaN, null],
  ])('%j → %s', (value, expected) => {
    expect(factAsNumber(value)).toBe(expected);
  });
});

describe('qualifyLead: tags, lead fields, required answers', () => {
  it('tagAny is met by any one listed tag', () => {
    const test: CriterionTest = { kind: 'tagAny', tags: ['need.evaluating', 'need.ready'] };
    expect(met(test, {}, { tags: ['pain.attribution', 'need.ready'] })).toBe(true);
    expect(met(test, {}, { tags: ['need.aware'] })).toBe(false);
    expect(met(test, {}, { tags: [] })).toBe(false);
  });

  it('leadField present reads strings and the phone list', () => {
    const lead = makeLead({ wechatId: '  ', email: 'a@example.com', phones: [] });
    expect(met({ kind: 'leadField', field: 'wechatId', op: 'present' }, {}, { lead })).toBe(false);
    expect(met({ kind: 'leadField', field: 'email', op: 'present' }, {}, { lead })).toBe(true);
    expect(met({ kind: 'leadField', field: 'phones', op: 'present' }, {}, { lead })).toBe(false);
    expect(met({ kind: 'leadField', field: 'phones', op: 'present' }, {}, { lead: makeLead() })).toBe(true);
  });

  it('requiredAnswered is met when no required question is missing', () => {
    expect(met({ kind: 'requiredAnswered' }, {}, { requiredMissing: [] })).toBe(true);
    expect(met({ kind: 'requiredAnswered' }, {}, { requiredMissing: ['q-budget'] })).toBe(false);
  });
});

describe('qualifyLead: totals and suggested temperature', () => {
  const criteria = DEFAULT_PLAYBOOK.criteria;
  const allFacts: Facts = { need: 'confirmed', decisionMaker: 'CMO', timelineMonths: 3, dealSize: 200_000, productLine: 'automation' };

  it('all met → qualified and hot', () => {
    const q = qualifyLead(criteria, input({ facts: allFacts }));
    expect(q).toMatchObject({ met: 6, total: 6, qualified: true, suggestedTemperature: 'hot' });
    expect(q.results.map((r) => r.id)).toEqual(criteria.map((c) => c.id));
    expect(q.results.every((r) => r.met)).toBe(true);
  });

  it('half met → warm; fewer → cold; explains which are missing', () => {
    const half = qualifyLead(criteria, input({ facts: { need: 'confirmed', decisionMaker: 'CMO' } }));
    expect(half).toMatchObject({ met: 3, total: 6, qualified: false, suggestedTemperature: 'warm' });
    expect(half.results.filter((r) => !r.met).map((r) => r.id)).toEqual(['timeline-6-months', 'deal-size-known', 'product-interest-known']);

    const few = qualifyLead(criteria, input({ facts: { need: 'confirmed' }, requiredMissing: ['q1'] }));
    expect(few).toMatchObject({ met: 1, total: 6, qualified: false, suggestedTemperature: 'cold' });
  });

  it.each<[number, number, string]>([
    [3, 3, 'hot'],
    [2, 3, 'warm'],
    [1, 2, 'warm'],
    [1, 3, 'cold'],
    [0, 1, 'cold'],
  ])('%i of %i met → %s', (metCount, total, temperature) => {
    const list = Array.from({ length: total }, (_, i) =>
      criterion({ kind: 'fact', fact: `slot${i}`, op: 'present' }, `c${i}`),
    );
    const facts = Object.fromEntries(Array.from({ length: metCount }, (_, i) => [`slot${i}`, 'yes']));
    expect(qualifyLead(list, input({ facts })).suggestedTemperature).toBe(temperature);
  });

  it('no criteria: nothing blocks the hand-off, but nothing suggests heat', () => {
    expect(qualifyLead([], input())).toEqual({ results: [], met: 0, total: 0, qualified: true, suggestedTemperature: 'cold' });
  });
});
