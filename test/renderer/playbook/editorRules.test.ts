import { describe, expect, it } from 'vitest';
import { draftFromPlaybook, type PlaybookDraft } from '../../../renderer/features/playbook/editor/draft';
import { parseStoredDraft, storedDraftText } from '../../../renderer/features/playbook/editor/draftSchema';
import { moveQuestion, renameOption, renameQuestion, mapConditions } from '../../../renderer/features/playbook/editor/edits';
import { importPlaybook } from '../../../renderer/features/playbook/editor/importFile';
import { jsonErrorOffset } from '../../../renderer/features/playbook/editor/jsonPosition';
import { validateDraft } from '../../../renderer/features/playbook/editor/validate';
import { publishedVersion } from '../../../renderer/features/playbook/editor/versioning';
import { DEFAULT_TEAM_PLAYBOOK } from '../../../renderer/features/playbook';
import { DEFAULT_PLAYBOOK } from '../../../shared/playbook/defaults';
import { DEFAULT_SCRIPTS } from '../../../shared/playbook/scripts';
import { INBOUND_V1, QUALIFY_V1, QUALIFY_V2 } from './playbookFixtures';

const questionIdsOf = (s: typeof QUALIFY_V2) => s.sections.map((sec) => sec.questions.map((q) => q.id));

describe('publishedVersion', () => {
  const known = [QUALIFY_V1, QUALIFY_V2, INBOUND_V1];

  it('keeps the version of an unchanged script and of a script never published', () => {
    expect(publishedVersion(structuredClone(QUALIFY_V2), known)).toBe(2);
    expect(publishedVersion({ ...INBOUND_V1, id: 'brand-new', version: 1 }, known)).toBe(1);
  });

  it('gives a changed script the version after the highest one known of its id', () => {
    expect(publishedVersion({ ...QUALIFY_V2, name: 'Renamed' }, known)).toBe(3);
    expect(publishedVersion({ ...QUALIFY_V1, name: 'Renamed' }, known)).toBe(3);
  });

  it('does not see a change in the order keys were written in', () => {
    const { sections, id, ...rest } = QUALIFY_V2;
    expect(publishedVersion({ sections, ...rest, id }, known)).toBe(2);
  });
});

describe('draftFromPlaybook', () => {
  it('starts from copies of the shipped scripts when the team has none of its own', () => {
    expect(draftFromPlaybook(DEFAULT_TEAM_PLAYBOOK).scripts).toEqual(DEFAULT_SCRIPTS);
  });

  it('takes the team’s scripts, the highest version of each id', () => {
    const playbook = { ...DEFAULT_TEAM_PLAYBOOK, scripts: [...DEFAULT_SCRIPTS, QUALIFY_V1, QUALIFY_V2, INBOUND_V1] };
    expect(draftFromPlaybook(playbook).scripts).toEqual([QUALIFY_V2, INBOUND_V1]);
  });
});

describe('script edits', () => {
  it('a renamed question takes its follow-ups along', () => {
    const renamed = renameQuestion(QUALIFY_V2, 0, 0, 'lead-channels');
    expect(renamed.sections[0]!.questions[1]!.showIf).toEqual({ op: 'includes', question: 'lead-channels', value: 'expo' });
    expect(validateDraft({ ...DEFAULT_PLAYBOOK, scripts: [renamed] })).toEqual([]);
  });

  it('a rename onto an id already used leaves branches alone rather than guess', () => {
    const renamed = renameQuestion(QUALIFY_V2, 0, 0, 'decider');
    expect(renamed.sections[0]!.questions[1]!.showIf?.question).toBe('channels');
  });

  it('a renamed option takes the branches that test for it along', () => {
    const renamed = mapConditions(QUALIFY_V2, renameOption(QUALIFY_V2, 'channels', 'expo', 'trade-show', ['expo', 'online']));
    expect(renamed.sections[0]!.questions[1]!.showIf).toEqual({ op: 'includes', question: 'channels', value: 'trade-show' });
  });

  it('moving a question past the end of its section carries it into the next', () => {
    const down = moveQuestion(QUALIFY_V2, { section: 0, question: 1 }, 1);
    expect(questionIdsOf(down.script)).toEqual([['channels'], ['expo-days', 'decider']]);
    expect(down.at).toEqual({ section: 1, question: 0 });
    const up = moveQuestion(down.script, down.at, -1);
    expect(questionIdsOf(up.script)).toEqual([['channels', 'expo-days'], ['decider']]);
  });
});

describe('importPlaybook', () => {
  it('names the line and column of a JSON syntax error', () => {
    expect(importPlaybook('{\n  "scripts": [,]\n}')).toEqual({ ok: false, refusal: { kind: 'json', line: 2, column: 15 } });
  });

  it('fills the sections a file leaves out with the defaults', () => {
    const result = importPlaybook(JSON.stringify({ scripts: [INBOUND_V1] }));
    expect(result).toEqual({ ok: true, draft: { ...DEFAULT_PLAYBOOK, scripts: [INBOUND_V1] } });
  });
});

describe('stored draft', () => {
  it('reads back what was written, a blank number still blank', () => {
    const blank: PlaybookDraft = {
      ...DEFAULT_PLAYBOOK,
      scripts: [{ ...INBOUND_V1, sections: [{ id: 's', title: 'S', questions: [{ id: 'score', text: 'Score?', intent: '', type: 'scale', scale: { min: Number.NaN, max: 5 } }] }] }],
    };
    const read = parseStoredDraft(storedDraftText({ draft: blank, note: 'wip' }));
    expect(read?.note).toBe('wip');
    expect(read?.draft.scripts[0]!.sections[0]!.questions[0]!.scale?.min).toBeNaN();
    expect(validateDraft(read!.draft)).toEqual([{ path: 'scripts[0].sections[0].questions[0].scale.min', message: expect.stringMatching(/expected number/) }]);
  });

  it('sets aside a row it cannot read instead of failing', () => {
    expect(parseStoredDraft('{"format":1,"draft":{"dispositions":"nope"},"note":""}')).toBeNull();
    expect(parseStoredDraft('not json')).toBeNull();
  });
});

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": 1}', null],
    ['[1, 2, {"b": [true, false, null, -1.5e3, "x\\u00e9\\n"]}]', null],
    ['{"a": 1,}', 8],
    ['{"a" 1}', 5],
    ['[1 2]', 3],
    ['{"a": "unterminated', 19],
    ['{"a": tru}', 6],
    ['{} extra', 3],
    ['', 0],
  ])('%s → %s', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('gives up without a position on nesting too deep to scan', () => {
    expect(jsonErrorOffset('['.repeat(200_000))).toBeNull();
  });
});
