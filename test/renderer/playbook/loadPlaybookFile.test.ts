import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db';
import { loadPlaybookFile, readPlaybook } from '../../../renderer/features/playbook';
import { DEFAULT_PLAYBOOK } from '../../../shared/playbook/defaults';
import { DEFAULT_SCRIPTS } from '../../../shared/playbook/scripts';
import { INBOUND_V1, QUALIFY_V1, QUALIFY_V2, fileWith } from './playbookFixtures';

const NOW = 1_760_000_000_000;
const DISPOSITIONS = [{ id: 'talked', label: { en: 'Talked', 'zh-CN': '已沟通' }, connected: true, effect: 'none' }];
const ROUTING = { productLines: [], rules: [], fallback: { id: 'desk', name: 'Sales desk' } };
const TAXONOMY = [{ id: 'need', label: { en: 'Need', 'zh-CN': '需求' }, tags: [{ id: 'need.ready', label: { en: 'Ready', 'zh-CN': '准备采购' } }] }];

afterEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
});

async function scriptRows() {
  return Object.fromEntries((await db.scripts.toArray()).map((row) => [row.id, row.active]));
}

describe('loadPlaybookFile', () => {
  it('replaces the whole playbook: absent sections go back to the defaults, absent scripts stop being offered but stay stored', async () => {
    expect(await loadPlaybookFile(fileWith({ dispositions: DISPOSITIONS, routing: ROUTING, scripts: [QUALIFY_V1, INBOUND_V1] }), NOW)).toEqual({
      ok: true,
      sections: ['dispositions', 'routing', 'scripts'],
    });
    const first = await readPlaybook();
    expect(first.dispositions.map((d) => d.id)).toEqual(['talked']);
    expect(first.custom).toEqual(expect.arrayContaining(['dispositions', 'routing', 'scripts']));

    expect(await loadPlaybookFile(fileWith({ taxonomy: TAXONOMY, scripts: [QUALIFY_V2] }), NOW + 1)).toEqual({ ok: true, sections: ['taxonomy', 'scripts'] });

    const playbook = await readPlaybook();
    expect(playbook.dispositions).toEqual(DEFAULT_PLAYBOOK.dispositions);
    expect(playbook.routing).toEqual(DEFAULT_PLAYBOOK.routing);
    expect(playbook.taxonomy).toEqual(TAXONOMY);
    expect(await db.playbook.toCollection().primaryKeys()).toEqual(['taxonomy']);
    expect(await scriptRows()).toEqual({ 'qualify-en@1': false, 'qualify-en@2': true, 'inbound-en@1': false });
    // New calls choose among the defaults and the file's scripts; old calls still find theirs.
    expect(playbook.scripts.map((s) => `${s.id}@${s.version}`)).toEqual([...DEFAULT_SCRIPTS.map((s) => `${s.id}@${s.version}`), 'qualify-en@2']);
    expect(playbook.allScripts.map((s) => `${s.id}@${s.version}`)).toEqual(expect.arrayContaining(['qualify-en@1', 'qualify-en@2', 'inbound-en@1']));
  });

  it('a file without scripts leaves the team on the shipped scripts', async () => {
    await loadPlaybookFile(fileWith({ scripts: [INBOUND_V1] }), NOW);
    await loadPlaybookFile(fileWith({ dispositions: DISPOSITIONS }), NOW + 1);

    expect(await scriptRows()).toEqual({ 'inbound-en@1': false });
    expect((await readPlaybook()).scripts).toEqual(DEFAULT_SCRIPTS);
  });

  it('keeps a script the new file publishes again active', async () => {
    await loadPlaybookFile(fileWith({ scripts: [QUALIFY_V2, INBOUND_V1] }), NOW);
    await loadPlaybookFile(fileWith({ scripts: [QUALIFY_V2] }), NOW + 1);

    expect(await scriptRows()).toEqual({ 'qualify-en@2': true, 'inbound-en@1': false });
  });

  it('changes nothing when any part of the file is refused', async () => {
    await loadPlaybookFile(fileWith({ dispositions: DISPOSITIONS, scripts: [QUALIFY_V1] }), NOW);
    const brokenScript = { ...QUALIFY_V2, sections: [{ id: 'situation', title: 'Situation', questions: [{ ...QUALIFY_V2.sections[0]!.questions[1]!, showIf: { op: 'answered', question: 'nope' } }] }] };

    const result = await loadPlaybookFile(fileWith({ taxonomy: TAXONOMY, scripts: [INBOUND_V1, brokenScript] }), NOW + 1);

    expect(result).toEqual({ ok: false, errors: [{ path: 'scripts[1].sections[0].questions[0].showIf.question', message: "unknown question 'nope'" }] });
    expect(await db.playbook.toCollection().primaryKeys()).toEqual(['dispositions']);
    expect(await scriptRows()).toEqual({ 'qualify-en@1': true });
  });
});
