import { describe, expect, it } from 'vitest';
import { AnswersSchema, mergeAnswers, parseScript, parseScriptJson, ScriptSchema, type ScriptParseResult } from '../../shared/model/script';

/** A small valid script as plain data, the way it arrives from an editor or a sync pull. */
function draft() {
  return {
    id: 'test-script',
    version: 1,
    name: 'Test script',
    locale: 'en',
    kind: 'inbound',
    industry: '',
    sections: [
      {
        id: 'intro',
        title: 'Intro',
        questions: [
          {
            id: 'need',
            text: 'Is this a priority?',
            intent: 'Need',
            type: 'single',
            options: [
              { id: 'yes', label: 'Yes' },
              { id: 'no', label: 'No' },
            ],
            fills: 'need',
            required: true,
          },
          {
            id: 'tools',
            text: 'What do you use?',
            intent: '',
            type: 'multi',
            options: [
              { id: 'crm', label: 'CRM' },
              { id: 'sheets', label: 'Spreadsheets' },
            ],
          },
          { id: 'sheets-how', text: 'How do you track follow-up?', intent: '', type: 'text', showIf: { op: 'includes', question: 'tools', value: 'sheets' } },
        ],
      },
      {
        id: 'more',
        title: 'More',
        questions: [
          { id: 'team', text: 'Team size?', intent: '', type: 'number', fills: 'teamSize' },
          { id: 'happy', text: 'How happy?', intent: '', type: 'scale', scale: { min: 1, max: 5, minLabel: 'Not', maxLabel: 'Very' } },
          { id: 'ends', text: 'Contract end?', intent: '', type: 'date' },
        ],
      },
    ],
  };
}

/** The draft with some fields of one question replaced (undefined removes the field). */
function withQuestion(section: number, index: number, patch: Record<string, unknown>) {
  const script = draft();
  const question: Record<string, unknown> = script.sections[section]!.questions[index]!;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) Reflect.deleteProperty(question, key);
    else question[key] = value;
  }
  return script;
}

function errorsOf(result: ScriptParseResult) {
  return result.ok ? [] : result.errors;
}

function pathsOf(input: unknown): string[] {
  return errorsOf(parseScript(input)).map((error) => error.path);
}

function messageAt(input: unknown, path: string): string | undefined {
  return errorsOf(parseScript(input)).find((error) => error.path === path)?.message;
}

describe('parseScript: a valid script', () => {
  it('parses into the same data', () => {
    const result = parseScript(draft());
    expect(result).toEqual({ ok: true, script: draft() });
  });

  it('trims texts and accepts forward references and numeric conditions', () => {
    const script = withQuestion(0, 2, { text: '  How do you track it?  ', showIf: { op: 'gte', question: 'happy', value: 4 } });
    const result = parseScript(script);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.script.sections[0]!.questions[2]!.text).toBe('How do you track it?');
  });

  it('is also what ScriptSchema accepts', () => {
    expect(ScriptSchema.safeParse(draft()).success).toBe(true);
    expect(ScriptSchema.safeParse(withQuestion(1, 0, { id: 'need' })).success).toBe(false);
  });
});

describe('parseScript: names the bad field', () => {
  it('refuses an unknown question type', () => {
    expect(pathsOf(withQuestion(0, 2, { type: 'rating' }))).toEqual(['sections[0].questions[2].type']);
  });

  it('refuses missing ids', () => {
    expect(pathsOf(withQuestion(1, 0, { id: undefined }))).toEqual(['sections[1].questions[0].id']);
    const script: Record<string, unknown> = draft();
    delete script.id;
    expect(pathsOf(script)).toEqual(['id']);
  });

  it('refuses ids that are not slugs', () => {
    expect(pathsOf(withQuestion(0, 0, { id: 'Need Now' }))).toContain('sections[0].questions[0].id');
  });

  it('refuses a question id used twice anywhere in the script', () => {
    const script = withQuestion(1, 2, { id: 'need' });
    expect(pathsOf(script)).toEqual(['sections[1].questions[2].id']);
    expect(messageAt(script, 'sections[1].questions[2].id')).toMatch(/duplicate question id 'need'/);
  });

  it('refuses a section id used twice', () => {
    const script = draft();
    script.sections[1]!.id = 'intro';
    expect(pathsOf(script)).toEqual(['sections[1].id']);
  });

  it('refuses an option id used twice', () => {
    const script = withQuestion(0, 0, {
      options: [
        { id: 'yes', label: 'Yes' },
        { id: 'yes', label: 'Sure' },
      ],
    });
    expect(pathsOf(script)).toEqual(['sections[0].questions[0].options[1].id']);
  });

  it('refuses a choice question without at least two options', () => {
    expect(pathsOf(withQuestion(0, 0, { options: undefined }))).toEqual(['sections[0].questions[0].options']);
    expect(pathsOf(withQuestion(0, 1, { options: [] }))).toContain('sections[0].questions[1].options');
    expect(pathsOf(withQuestion(0, 0, { options: [{ id: 'yes', label: 'Yes' }] }))).toEqual(['sections[0].questions[0].options']);
  });

  it('refuses options on a question that is not a choice', () => {
    const script = withQuestion(1, 0, { options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] });
    expect(pathsOf(script)).toEqual(['sections[1].questions[0].options']);
  });

  it('refuses a branch on an unknown question', () => {
    const script = withQuestion(0, 2, { showIf: { op: 'answered', question: 'nowhere' } });
    expect(pathsOf(script)).toEqual(['sections[0].questions[2].showIf.question']);
    expect(messageAt(script, 'sections[0].questions[2].showIf.question')).toMatch(/unknown question 'nowhere'/);
  });

  it('refuses a branch on the question itself', () => {
    expect(pathsOf(withQuestion(0, 2, { showIf: { op: 'answered', question: 'sheets-how' } }))).toEqual([
      'sections[0].questions[2].showIf.question',
    ]);
  });

  it('refuses a two-question branch cycle and names it', () => {
    const script = draft();
    Object.assign(script.sections[1]!.questions[0]!, { showIf: { op: 'answered', question: 'ends' } });
    Object.assign(script.sections[1]!.questions[2]!, { showIf: { op: 'answered', question: 'team' } });
    expect(errorsOf(parseScript(script))).toEqual([
      { path: 'sections[1].questions[0].showIf.question', message: 'branch cycle: team → ends → team' },
    ]);
  });

  it('refuses a longer cycle, reported once from its first question in script order', () => {
    const script = draft();
    // need (first in the script) hangs off the cycle without being in it.
    Object.assign(script.sections[0]!.questions[0]!, { showIf: { op: 'answered', question: 'ends' } });
    Object.assign(script.sections[1]!.questions[0]!, { showIf: { op: 'answered', question: 'happy' } });
    Object.assign(script.sections[1]!.questions[1]!, { showIf: { op: 'answered', question: 'ends' } });
    Object.assign(script.sections[1]!.questions[2]!, { showIf: { op: 'answered', question: 'team' } });
    expect(errorsOf(parseScript(script))).toEqual([
      { path: 'sections[1].questions[0].showIf.question', message: 'branch cycle: team → happy → ends → team' },
    ]);
  });

  it('refuses an operator that does not fit the question it tests', () => {
    expect(pathsOf(withQuestion(0, 2, { showIf: { op: 'includes', question: 'need', value: 'yes' } }))).toEqual([
      'sections[0].questions[2].showIf.op',
    ]);
    expect(pathsOf(withQuestion(1, 2, { showIf: { op: 'gte', question: 'sheets-how', value: 3 } }))).toEqual([
      'sections[1].questions[2].showIf.op',
    ]);
    expect(pathsOf(withQuestion(0, 2, { showIf: { op: 'equals', question: 'tools', value: 'crm' } }))).toEqual([
      'sections[0].questions[2].showIf.op',
    ]);
  });

  it('refuses an unknown operator', () => {
    expect(pathsOf(withQuestion(0, 2, { showIf: { op: 'matches', question: 'need', value: 'y' } }))).toEqual([
      'sections[0].questions[2].showIf.op',
    ]);
  });

  it('refuses an option id the tested question does not have', () => {
    expect(pathsOf(withQuestion(0, 2, { showIf: { op: 'includes', question: 'tools', value: 'excel' } }))).toEqual([
      'sections[0].questions[2].showIf.value',
    ]);
    expect(pathsOf(withQuestion(0, 2, { showIf: { op: 'in', question: 'need', values: ['yes', 'maybe'] } }))).toEqual([
      'sections[0].questions[2].showIf.values[1]',
    ]);
    expect(pathsOf(withQuestion(0, 2, { showIf: { op: 'equals', question: 'need', value: 'maybe' } }))).toEqual([
      'sections[0].questions[2].showIf.value',
    ]);
  });

  it('refuses a comparison value of the wrong kind or off the scale', () => {
    expect(pathsOf(withQuestion(0, 2, { showIf: { op: 'equals', question: 'need', value: 1 } }))).toEqual([
      'sections[0].questions[2].showIf.value',
    ]);
    expect(pathsOf(withQuestion(0, 2, { showIf: { op: 'equals', question: 'team', value: 'ten' } }))).toEqual([
      'sections[0].questions[2].showIf.value',
    ]);
    expect(pathsOf(withQuestion(0, 2, { showIf: { op: 'lte', question: 'happy', value: 9 } }))).toEqual([
      'sections[0].questions[2].showIf.value',
    ]);
  });

  it('refuses wrong scales', () => {
    expect(pathsOf(withQuestion(1, 1, { scale: { min: 5, max: 1 } }))).toEqual(['sections[1].questions[1].scale.max']);
    expect(pathsOf(withQuestion(1, 1, { scale: { min: 3, max: 3 } }))).toEqual(['sections[1].questions[1].scale.max']);
    expect(pathsOf(withQuestion(1, 1, { scale: { min: 0, max: 20 } }))).toEqual(['sections[1].questions[1].scale.max']);
    expect(pathsOf(withQuestion(1, 1, { scale: { min: 0.5, max: 5 } }))).toEqual(['sections[1].questions[1].scale.min']);
    expect(pathsOf(withQuestion(1, 1, { scale: undefined }))).toEqual(['sections[1].questions[1].scale']);
    expect(pathsOf(withQuestion(1, 0, { scale: { min: 1, max: 5 } }))).toEqual(['sections[1].questions[0].scale']);
  });

  it('refuses unknown fields at every level', () => {
    expect(pathsOf({ ...draft(), author: 'x' })).toEqual(['author']);
    expect(pathsOf(withQuestion(0, 0, { color: 'red' }))).toEqual(['sections[0].questions[0].color']);
    const script = withQuestion(0, 0, {
      options: [
        { id: 'yes', label: 'Yes', score: 3 },
        { id: 'no', label: 'No' },
      ],
    });
    expect(pathsOf(script)).toEqual(['sections[0].questions[0].options[0].score']);
    expect(pathsOf(withQuestion(0, 2, { showIf: { op: 'answered', question: 'need', value: 'x' } }))).toEqual([
      'sections[0].questions[2].showIf.value',
    ]);
  });

  it('refuses __proto__ and constructor keys and reserved ids', () => {
    const text = JSON.stringify(draft()).replace('{"id":"test-script"', '{"__proto__":{"polluted":true},"constructor":{"x":1},"id":"test-script"');
    expect(errorsOf(parseScriptJson(text)).map((e) => e.path).sort()).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(pathsOf(withQuestion(0, 2, { id: 'constructor' }))).toEqual(['sections[0].questions[2].id']);
    expect(pathsOf(withQuestion(0, 1, { fills: 'constructor' }))).toEqual(['sections[0].questions[1].fills']);
    expect(pathsOf(withQuestion(0, 1, { fills: 'toString' }))).toEqual(['sections[0].questions[1].fills']);
    expect(pathsOf(withQuestion(0, 1, { fills: '__proto__' }))).toContain('sections[0].questions[1].fills');
  });

  it('refuses a script without sections or a section without questions', () => {
    expect(pathsOf({ ...draft(), sections: [] })).toEqual(['sections']);
    const script = draft();
    script.sections[1]!.questions = [];
    expect(pathsOf(script)).toEqual(['sections[1].questions']);
  });

  it('reports several problems at once', () => {
    const script = withQuestion(0, 2, { type: 'rating' });
    script.sections[1]!.id = 'Bad Id';
    script.version = 0;
    expect(pathsOf(script).sort()).toEqual(['sections[0].questions[2].type', 'sections[1].id', 'version']);
  });
});

describe('parseScript: hostile input', () => {
  const huge = 'x'.repeat(10 * 1024 * 1024);

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an array', [draft()]],
    ['a string', 'script'],
    ['a number', 42],
    ['a boolean', true],
    ['a function', () => draft()],
  ])('refuses %s as a whole with path ""', (_name, input) => {
    const result = parseScript(input);
    expect(result.ok).toBe(false);
    expect(errorsOf(result).map((e) => e.path)).toEqual(['']);
  });

  it('refuses deeply nested junk without throwing', () => {
    let nested: unknown = 'bottom';
    for (let depth = 0; depth < 100_000; depth += 1) nested = { showIf: nested, sections: [nested] };
    expect(parseScript(nested).ok).toBe(false);
    expect(parseScript({ ...draft(), sections: [nested] }).ok).toBe(false);
    expect(parseScriptJson(`${'['.repeat(200_000)}${']'.repeat(200_000)}`).ok).toBe(false);
    expect(parseScriptJson('['.repeat(1_000_000)).ok).toBe(false);
  });

  it('caps 10 MB strings where they appear', () => {
    expect(pathsOf({ ...draft(), name: huge })).toEqual(['name']);
    expect(pathsOf({ ...draft(), id: huge })).toContain('id');
    expect(pathsOf(withQuestion(1, 0, { text: huge }))).toEqual(['sections[1].questions[0].text']);
    expect(pathsOf(withQuestion(1, 0, { intent: huge }))).toEqual(['sections[1].questions[0].intent']);
    expect(pathsOf(withQuestion(1, 0, { text: 'q'.repeat(1001) }))).toEqual(['sections[1].questions[0].text']);
    expect(pathsOf(withQuestion(1, 0, { text: 'q'.repeat(1000) }))).toEqual([]);
    expect(pathsOf(withQuestion(0, 0, { options: [{ id: 'yes', label: 'y'.repeat(201) }, { id: 'no', label: 'No' }] }))).toEqual([
      'sections[0].questions[0].options[0].label',
    ]);
  });

  it('caps sections, questions and options', () => {
    const question = (id: string) => ({ id, text: 'Q?', intent: '', type: 'text' });
    const section = (id: string, count: number) => ({
      id,
      title: 'S',
      questions: Array.from({ length: count }, (_, i) => question(`${id}-q${i}`)),
    });
    expect(pathsOf({ ...draft(), sections: Array.from({ length: 31 }, (_, i) => section(`s${i}`, 1)) })).toEqual(['sections']);
    expect(pathsOf({ ...draft(), sections: Array.from({ length: 30 }, (_, i) => section(`s${i}`, 1)) })).toEqual([]);
    const tooMany = parseScript({ ...draft(), sections: [section('a', 70), section('b', 70), section('c', 70)] });
    expect(errorsOf(tooMany)).toEqual([{ path: 'sections', message: 'a script has at most 200 questions (this one has 210)' }]);
    expect(pathsOf({ ...draft(), sections: [section('a', 201)] })).toEqual(['sections[0].questions']);
    const options = Array.from({ length: 31 }, (_, i) => ({ id: `o${i}`, label: 'O' }));
    expect(pathsOf(withQuestion(0, 1, { options }))).toEqual(['sections[0].questions[1].options']);
  });

  it('refuses a million-item array with one error, quickly', () => {
    const started = Date.now();
    const result = parseScript({ ...draft(), sections: new Array(1_000_000).fill(0) });
    expect(errorsOf(result)).toEqual([{ path: 'sections', message: 'at most 30 sections' }]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('keeps the error list short however broken the input', () => {
    const junk = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i]));
    const errors = errorsOf(parseScript({ ...draft(), ...junk }));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.length).toBeLessThanOrEqual(50);
  });

  it('does not throw on getters or proxies that throw', () => {
    const trap = Object.defineProperty({ ...draft() }, 'name', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(errorsOf(parseScript(trap))).toEqual([{ path: '', message: 'script could not be read: boom' }]);
    const proxy = new Proxy(draft(), {
      ownKeys() {
        throw new Error('no keys');
      },
    });
    expect(parseScript(proxy).ok).toBe(false);
  });
});

describe('parseScriptJson', () => {
  it('parses a valid script', () => {
    expect(parseScriptJson(JSON.stringify(draft()))).toEqual({ ok: true, script: draft() });
  });

  it('turns a syntax error into one error at the root, with its line and column when known', () => {
    const result = parseScriptJson('{\n  "id": "x",\n  "version": 1\n  "name": "y"\n}');
    expect(result.ok).toBe(false);
    const errors = errorsOf(result);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('');
    expect(errors[0]!.message).toMatch(/^invalid JSON at line 4, column 3: /);
  });

  it('says the JSON is invalid when the parser gives no position', () => {
    for (const text of ['', '{"id": }', 'not json', '{"id": "x"']) {
      const errors = errorsOf(parseScriptJson(text));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ path: '' });
      expect(errors[0]!.message).toMatch(/^invalid JSON/);
    }
  });

  it('checks the parsed value like parseScript', () => {
    expect(errorsOf(parseScriptJson('null')).map((e) => e.path)).toEqual(['']);
    expect(errorsOf(parseScriptJson(JSON.stringify(withQuestion(0, 2, { type: 'rating' })))).map((e) => e.path)).toEqual([
      'sections[0].questions[2].type',
    ]);
  });
});

describe('AnswersSchema', () => {
  it('accepts each answer shape', () => {
    const answers = { need: 'yes', tools: ['crm', 'sheets'], team: 12, happy: 4, ends: '2025-06-30', 'sheets-how': 'a shared sheet' };
    expect(AnswersSchema.safeParse(answers)).toMatchObject({ success: true, data: answers });
  });

  it('refuses bad keys, oversized values and too many answers', () => {
    expect(AnswersSchema.safeParse(JSON.parse('{"__proto__": "x"}')).success).toBe(false);
    expect(AnswersSchema.safeParse({ note: 'x'.repeat(4001) }).success).toBe(false);
    expect(AnswersSchema.safeParse({ team: Number.NaN }).success).toBe(false);
    expect(AnswersSchema.safeParse({ tools: [1, 2] }).success).toBe(false);
    expect(AnswersSchema.safeParse(Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`q${i}`, 1]))).success).toBe(false);
    expect(AnswersSchema.safeParse(Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`q${i}`, 1]))).success).toBe(true);
    expect(AnswersSchema.safeParse(null).success).toBe(false);
    expect(AnswersSchema.safeParse(['a']).success).toBe(false);
  });
});

describe('mergeAnswers', () => {
  it('applies changes over the stored answers and clears an answer set to null', () => {
    const base = { need: 'yes', tools: ['crm'], team: 4 };
    expect(mergeAnswers(base, { tools: ['crm', 'sheets'], team: null, ends: '2025-12-31' })).toEqual({
      need: 'yes',
      tools: ['crm', 'sheets'],
      ends: '2025-12-31',
    });
    expect(base).toEqual({ need: 'yes', tools: ['crm'], team: 4 });
  });
});
