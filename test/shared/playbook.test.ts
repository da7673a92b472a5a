import { describe, expect, it } from 'vitest';
import {
  CriteriaSchema,
  DispositionListSchema,
  PlaybookSchema,
  RoutingSchema,
  TaxonomySchema,
  checkPlaybook,
  formatIssuePath,
  parsePlaybookFile,
  type PlaybookError,
} from '../../shared/model/playbook';
import { DEFAULT_PLAYBOOK } from '../../shared/playbook/defaults';

const label = { en: 'Label', 'zh-CN': '标签' };
const json = (value: unknown) => JSON.stringify(value);

function errorsOf(text: string): PlaybookError[] {
  const result = parsePlaybookFile(text);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

describe('DEFAULT_PLAYBOOK', () => {
  it('passes PlaybookSchema and survives a JSON round trip as a playbook file', () => {
    expect(checkPlaybook(DEFAULT_PLAYBOOK)).toEqual([]);
    expect(PlaybookSchema.parse(DEFAULT_PLAYBOOK)).toEqual(DEFAULT_PLAYBOOK);
    expect(parsePlaybookFile(json(DEFAULT_PLAYBOOK))).toEqual({ ok: true, file: DEFAULT_PLAYBOOK });
  });

  it('lists the dispositions an SDR picks from, in order, with their effects', () => {
    expect(DEFAULT_PLAYBOOK.dispositions.map((d) => [d.id, d.connected, d.effect])).toEqual([
      ['connected-conversation', true, 'none'],
      ['connected-not-now', true, 'none'],
      ['no-answer', false, 'none'],
      ['busy', false, 'none'],
      ['voicemail', false, 'none'],
      ['wrong-number', false, 'wrongNumber'],
      ['do-not-call', true, 'doNotCall'],
      ['callback-requested', true, 'callback'],
    ]);
    expect(DEFAULT_PLAYBOOK.dispositions[0]!.label['zh-CN']).toBe('已接通 – 有效沟通');
  });

  it('has the taxonomy groups and product lines the default scripts use', () => {
    const tagIds = DEFAULT_PLAYBOOK.taxonomy.flatMap((g) => g.tags.map((t) => t.id));
    expect(DEFAULT_PLAYBOOK.taxonomy.map((g) => g.id)).toEqual(expect.arrayContaining(['need', 'pain', 'product', 'industry']));
    expect(tagIds).toEqual(expect.arrayContaining(['need.ready', 'pain.lead-quality', 'product.automation', 'industry.manufacturing']));
    expect(tagIds.every((id) => /^[a-z]+\.[a-z-]+$/.test(id))).toBe(true);
    expect(DEFAULT_PLAYBOOK.routing.productLines.map((p) => p.id)).toEqual(['automation', 'leadmgmt', 'analytics']);
    expect(DEFAULT_PLAYBOOK.routing.rules[0]).toMatchObject({ id: 'enterprise', minDealSize: 500_000, owner: { id: 'sales-enterprise' } });
    expect(DEFAULT_PLAYBOOK.routing.fallback).toEqual({ id: 'sales-desk', name: 'Sales desk' });
  });

  it('is frozen so no caller can change it for the others', () => {
    expect(Object.isFrozen(DEFAULT_PLAYBOOK.routing.rules[0]!.owner)).toBe(true);
    expect(() => {
      (DEFAULT_PLAYBOOK.dispositions as unknown[]).push({});
    }).toThrow(TypeError);
  });
});

describe('section schemas', () => {
  it('refuses an empty disposition list, saying so', () => {
    const result = DispositionListSchema.safeParse([]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('the disposition list has no entries');
  });

  it('refuses more than 20 dispositions', () => {
    const list = Array.from({ length: 21 }, (_, i) => ({ id: `d${i}`, label, connected: false, effect: 'none' }));
    expect(DispositionListSchema.safeParse(list).success).toBe(false);
    expect(DispositionListSchema.safeParse(list.slice(0, 20)).success).toBe(true);
  });

  it('refuses tag ids used twice across groups', () => {
    const result = TaxonomySchema.safeParse([
      { id: 'a', label, tags: [{ id: 'x.one', label }] },
      { id: 'b', label, tags: [{ id: 'x.one', label }] },
    ]);
    expect(result.error?.issues.map((i) => [formatIssuePath(i.path), i.message])).toEqual([['[1].tags[0].id', 'tag id "x.one" is used twice']]);
  });

  it('checks every shape of criterion test', () => {
    const ok = (test: unknown) => CriteriaSchema.safeParse([{ id: 'c', label, test }]).success;
    expect(ok({ kind: 'fact', fact: 'need', op: 'present' })).toBe(true);
    expect(ok({ kind: 'fact', fact: 'need', op: 'equals', value: 'confirmed' })).toBe(true);
    expect(ok({ kind: 'fact', fact: 'teamSize', op: 'equals', value: 10 })).toBe(true);
    expect(ok({ kind: 'fact', fact: 'budgetRange', op: 'in', values: ['a', 'b'] })).toBe(true);
    expect(ok({ kind: 'fact', fact: 'timelineMonths', op: 'lte', value: 6 })).toBe(true);
    expect(ok({ kind: 'fact', fact: 'teamSize', op: 'gte', value: 5 })).toBe(true);
    expect(ok({ kind: 'tagAny', tags: ['need.ready'] })).toBe(true);
    expect(ok({ kind: 'leadField', field: 'wechatId', op: 'present' })).toBe(true);
    expect(ok({ kind: 'requiredAnswered' })).toBe(true);

    expect(ok({ kind: 'fact', fact: 'need', op: 'equals' })).toBe(false);
    expect(CriteriaSchema.safeParse([{ id: 'c', label, test: { kind: 'fact', fact: 'need', op: 'equals', value: null } }]).error?.issues[0]?.message).toBe(
      'must be an option id or a number',
    );
    expect(ok({ kind: 'fact', fact: 'need', op: 'present', value: 1 })).toBe(false);
    expect(ok({ kind: 'fact', fact: 'budgetRange', op: 'in', values: [] })).toBe(false);
    expect(ok({ kind: 'fact', fact: 'timelineMonths', op: 'lte', value: '6' })).toBe(false);
    expect(ok({ kind: 'fact', fact: 'timelineMonths', op: 'lt', value: 6 })).toBe(false);
    expect(ok({ kind: 'fact', fact: 'a b', op: 'present' })).toBe(false);
    expect(ok({ kind: 'tagAny', tags: [] })).toBe(false);
    expect(ok({ kind: 'leadField', field: 'company', op: 'present' })).toBe(false);
    expect(ok({ kind: 'script', code: 'x' })).toBe(false);
    expect(CriteriaSchema.safeParse([]).success).toBe(false);
  });

  it('refuses routing rules that name an unknown product line or a minimum above the maximum', () => {
    const routing = {
      ...DEFAULT_PLAYBOOK.routing,
      rules: [
        ...DEFAULT_PLAYBOOK.routing.rules,
        { id: 'x', productLines: ['crm'], minDealSize: 10, maxDealSize: 5, regions: [], owner: { id: 'o', name: 'O' } },
      ],
    };
    const result = RoutingSchema.safeParse(routing);
    expect(result.error?.issues.map((i) => [formatIssuePath(i.path), i.message])).toEqual([
      ['rules[5].productLines[0]', 'unknown product line "crm"'],
      ['rules[5].maxDealSize', 'the maximum deal size is below the minimum'],
    ]);
  });
});

describe('parsePlaybookFile', () => {
  it('accepts a file with only some sections and keeps scripts unparsed', () => {
    const result = parsePlaybookFile(json({ criteria: DEFAULT_PLAYBOOK.criteria, scripts: [{ anything: true }] }));
    expect(result).toEqual({ ok: true, file: { criteria: DEFAULT_PLAYBOOK.criteria, scripts: [{ anything: true }] } });
    expect(parsePlaybookFile('{}')).toEqual({ ok: true, file: {} });
  });

  it('names an empty disposition list at its path', () => {
    expect(errorsOf(json({ dispositions: [] }))).toEqual([{ path: 'dispositions', message: 'the disposition list has no entries' }]);
  });

  it('names a nested field with dotted and indexed path', () => {
    const rules = DEFAULT_PLAYBOOK.routing.rules.map((r, i) => (i === 2 ? { ...r, owner: { id: 'x', name: '' } } : r));
    const errors = errorsOf(json({ routing: { ...DEFAULT_PLAYBOOK.routing, rules } }));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe('routing.rules[2].owner.name');
  });

  it('refuses duplicate ids', () => {
    const d = DEFAULT_PLAYBOOK.dispositions[0]!;
    expect(errorsOf(json({ dispositions: [d, d] }))).toEqual([{ path: 'dispositions[1].id', message: `disposition id "${d.id}" is used twice` }]);
    const c = DEFAULT_PLAYBOOK.criteria[0]!;
    expect(errorsOf(json({ criteria: [c, { ...c }] }))[0]?.path).toBe('criteria[1].id');
  });

  it('refuses unknown keys wherever they are, one error per key', () => {
    expect(errorsOf(json({ dispositon: [] }))).toEqual([{ path: 'dispositon', message: 'unknown field' }]);
    const d = { ...DEFAULT_PLAYBOOK.dispositions[0]!, colour: 'red' };
    expect(errorsOf(json({ dispositions: [d] }))).toEqual([{ path: 'dispositions[0].colour', message: 'unknown field' }]);
    const labelled = { ...DEFAULT_PLAYBOOK.dispositions[0]!, label: { ...label, fr: 'x' } };
    expect(errorsOf(json({ dispositions: [labelled] }))).toEqual([{ path: 'dispositions[0].label.fr', message: 'unknown field' }]);
  });

  it('refuses __proto__ and constructor keys instead of letting them reach an object', () => {
    expect(errorsOf('{"__proto__": {"polluted": true}}')).toEqual([{ path: '__proto__', message: 'unknown field' }]);
    expect(errorsOf('{"routing": {"__proto__": {"fallback": 1}, "productLines": [], "rules": [], "fallback": {"id": "a", "name": "A"}}}')).toEqual([
      { path: 'routing.__proto__', message: 'unknown field' },
    ]);
    expect(errorsOf('{"constructor": {"prototype": {}}}')[0]?.path).toBe('constructor');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each([
    ['', 'the playbook file is not valid JSON'],
    ['{', 'the playbook file is not valid JSON'],
    ["{'dispositions': []}", 'the playbook file is not valid JSON'],
    ['null', 'the playbook file must be a JSON object'],
    ['[]', 'the playbook file must be a JSON object'],
    ['"text"', 'the playbook file must be a JSON object'],
    ['42', 'the playbook file must be a JSON object'],
  ])('refuses %j as a whole file', (text, message) => {
    expect(errorsOf(text)).toEqual([{ path: '', message }]);
  });

  it('never throws on hostile input', () => {
    const hostile = [
      json({ dispositions: null, taxonomy: null, criteria: null, routing: null, scripts: null }),
      json({ dispositions: [null], criteria: [{ id: 'c', label: null, test: null }] }),
      json({ routing: { productLines: 'all', rules: {}, fallback: [] } }),
      json({ dispositions: [{ id: 'x'.repeat(100_000), label: { en: 'y'.repeat(100_000), 'zh-CN': '' }, connected: 'yes', effect: 'explode' }] }),
      json({ criteria: [{ id: 'c', label, test: { kind: 'fact', fact: 'need', op: 'in', values: Array(10_000).fill('v') } }] }),
      json({ scripts: Array(1000).fill({}) }),
      '['.repeat(100_000),
      `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`,
      '\u0000\uFEFF{}',
      `{"taxonomy": "${'\\u0000'.repeat(1000)}"}`,
    ];
    for (const text of hostile) {
      const result = parsePlaybookFile(text);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.errors.length).toBeGreaterThan(0);
        expect(result.errors.length).toBeLessThanOrEqual(50);
        for (const e of result.errors) expect(typeof e.message === 'string' && e.message.length < 300).toBe(true);
      }
    }
    expect(() => parsePlaybookFile(undefined as unknown as string)).not.toThrow();
  });

  it('refuses a file over the size limit before parsing it', () => {
    const huge = json({ scripts: ['x'.repeat(2_000_001)] });
    expect(errorsOf(huge)).toEqual([{ path: '', message: 'the playbook file is larger than 2 MB' }]);
  });

  it('reports nulls in sections with the section’s path', () => {
    const errors = errorsOf(json({ dispositions: null, routing: { ...DEFAULT_PLAYBOOK.routing, fallback: null } }));
    expect(errors.map((e) => e.path)).toEqual(['dispositions', 'routing.fallback']);
  });
});
