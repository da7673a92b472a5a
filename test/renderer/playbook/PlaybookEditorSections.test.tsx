import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db';
import { readPlaybook } from '../../../renderer/features/playbook';
import { PLAYBOOK_PATH, answer, clearDb, fakeServer, publishButton, renderEditor, storedDraftText } from './editorHarness';
import { QUALIFY_V1 } from './playbookFixtures';

afterEach(clearDb);

describe('PlaybookEditor draft', () => {
  it('keeps unpublished edits across a remount, and Discard draft returns to the published playbook', async () => {
    const first = await renderEditor();
    const { user } = first;
    await user.click(await screen.findByRole('tab', { name: /^Dispositions/ }));
    const label = within(screen.getByRole('group', { name: 'Disposition 3' })).getByRole('textbox', { name: 'Label (English)' });
    expect(label).toHaveValue('No answer');
    await user.clear(label);
    await user.paste('Nobody picked up');
    await waitFor(async () => expect(await storedDraftText()).toContain('Nobody picked up'));
    first.unmount();

    const second = await renderEditor({ playbook: first.playbook });
    await second.user.click(await screen.findByRole('tab', { name: /^Dispositions/ }));
    expect(within(screen.getByRole('group', { name: 'Disposition 3' })).getByRole('textbox', { name: 'Label (English)' })).toHaveValue('Nobody picked up');
    expect(screen.getByText('Unpublished changes · draft saved on this device')).toBeInTheDocument();

    await second.user.click(screen.getByRole('button', { name: 'Discard draft' }));
    await second.user.click(within(screen.getByRole('dialog', { name: 'Discard your draft?' })).getByRole('button', { name: 'Discard draft' }));
    expect(within(screen.getByRole('group', { name: 'Disposition 3' })).getByRole('textbox', { name: 'Label (English)' })).toHaveValue('No answer');
    await waitFor(async () => expect(await storedDraftText()).toBeUndefined());
  });

  it('refuses invalid JSON and invalid content by path, leaving the draft as it was', async () => {
    const { user } = await renderEditor();
    await user.click(await screen.findByRole('tab', { name: /^Scorecard/ }));
    const label = within(screen.getByRole('group', { name: 'Scorecard criterion 1' })).getByRole('textbox', { name: 'Label (English)' });
    await user.click(label);
    await user.paste(' (open questions)');
    await waitFor(async () => expect(await storedDraftText()).toContain('Discovery depth (open questions)'));
    const before = await storedDraftText();

    await user.click(screen.getByRole('button', { name: 'Import JSON…' }));
    const dialog = screen.getByRole('dialog', { name: 'Import a playbook file' });
    const paste = within(dialog).getByRole('textbox', { name: 'Or paste the JSON' });
    await user.click(paste);
    await user.paste('{\n  "dispositions": [\n    { "id": "x" ]\n}');
    await user.click(within(dialog).getByRole('button', { name: 'Import pasted JSON' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('This is not valid JSON: the problem is at line 3');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Your draft is unchanged.');

    await user.clear(paste);
    const badQuestion = { id: 'q', text: 'Budget?', intent: '', type: 'single', options: [{ id: 'yes', label: 'Yes' }] };
    const script = { id: 'new-script', version: 1, name: 'New', locale: 'en', kind: 'inbound', industry: '', sections: [{ id: 's', title: 'S', questions: [badQuestion] }] };
    await user.paste(JSON.stringify({ scorecard: [{ id: 'Bad Id', label: { en: 'A', 'zh-CN': '甲' }, hint: null }], scripts: [script] }));
    await user.click(within(dialog).getByRole('button', { name: 'Import pasted JSON' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('scorecard[0].id Use lower-case letters, digits and . _ - only');

    await user.clear(paste);
    await user.paste(JSON.stringify({ scripts: [script] }));
    await user.click(within(dialog).getByRole('button', { name: 'Import pasted JSON' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('scripts[0].sections[0].questions[0].options A choice question needs at least 2 options');

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(within(screen.getByRole('group', { name: 'Scorecard criterion 1' })).getByRole('textbox', { name: 'Label (English)' })).toHaveValue('Discovery depth (open questions)');
    expect(await storedDraftText()).toBe(before);
  });

  it('imports a valid file as the draft: sections it leaves out are the defaults', async () => {
    const { user } = await renderEditor();
    await user.click(await screen.findByRole('button', { name: 'Import JSON…' }));
    const dialog = screen.getByRole('dialog', { name: 'Import a playbook file' });
    const file = new File([JSON.stringify({ dispositions: [{ id: 'talked', label: { en: 'Talked', 'zh-CN': '已沟通' }, connected: true, effect: 'none' }] })], 'playbook.json', { type: 'application/json' });
    await user.upload(within(dialog).getByLabelText('Choose a JSON file'), file);

    expect(await screen.findByText('Imported. The draft now holds the file; nothing is published yet.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByText('The team has no scripts of its own: calls use the scripts that ship with SDR Desk.')).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: /^Dispositions/ }));
    expect(screen.getAllByRole('group', { name: /^Disposition \d+$/ })).toHaveLength(1);
    await waitFor(async () => expect(await storedDraftText()).toContain('"talked"'));
  });
});

describe('PlaybookEditor versions', () => {
  const VERSIONS = {
    current: 2,
    versions: [
      { version: 2, publishedAt: 1_760_000_100_000, by: 'Wang Lei', note: 'Added a budget question', restoredFrom: null, scripts: [{ id: 'qualify-en', version: 2 }] },
      { version: 1, publishedAt: 1_760_000_000_000, by: 'Wang Lei', note: 'First playbook', restoredFrom: null, scripts: [{ id: 'qualify-en', version: 1 }] },
    ],
  };
  const V1_TEXT = JSON.stringify({ scripts: [QUALIFY_V1] });
  const RESTORED_TEXT = JSON.stringify({ scripts: [{ ...QUALIFY_V1, version: 3 }] });

  it('lists versions, shows one read-only, and restores one after confirming', async () => {
    let lists = 0;
    const fake = fakeServer({
      [`GET ${PLAYBOOK_PATH}/versions`]: () => {
        lists++;
        return answer(200, lists === 1 ? VERSIONS : { current: 3, versions: [{ ...VERSIONS.versions[1]!, version: 3, restoredFrom: 1, note: 'Back to basics' }, ...VERSIONS.versions] });
      },
      [`GET ${PLAYBOOK_PATH}/versions/1`]: () => answer(200, { ...VERSIONS.versions[1], text: V1_TEXT }),
      [`GET ${PLAYBOOK_PATH}/versions/3`]: () => answer(200, { ...VERSIONS.versions[1], version: 3, restoredFrom: 1, text: RESTORED_TEXT }),
      [`POST ${PLAYBOOK_PATH}/versions/1/restore`]: () => answer(200, { version: 3, publishedAt: 1_760_000_200_000 }),
    });
    const { user } = await renderEditor({ server: fake.server });
    await user.click(await screen.findByRole('tab', { name: 'Versions' }));

    const table = await screen.findByRole('table', { name: 'Published versions' });
    const v1 = within(table).getByRole('row', { name: /v1/ });
    expect(v1).toHaveTextContent('First playbook');
    expect(v1).toHaveTextContent('qualify-en v1');
    expect(within(table).getByRole('row', { name: /v2/ })).toHaveTextContent('Current');
    expect(within(table).queryByRole('button', { name: 'Restore v2' })).not.toBeInTheDocument();

    await user.click(within(v1).getByRole('button', { name: 'View v1' }));
    const json = await screen.findByRole('textbox', { name: 'Playbook file of version 1' });
    expect(json).toHaveAttribute('readonly');
    expect(JSON.parse((json as HTMLTextAreaElement).value)).toEqual({ scripts: [QUALIFY_V1] });
    await user.click(screen.getByRole('button', { name: 'Close' }));

    await user.click(within(v1).getByRole('button', { name: 'Restore v1' }));
    const dialog = screen.getByRole('dialog', { name: 'Restore version 1?' });
    await user.type(within(dialog).getByRole('textbox', { name: 'What changed' }), 'Back to basics');
    await user.click(within(dialog).getByRole('button', { name: 'Restore version 1' }));

    expect(await screen.findByText('Version 1 restored as version 3.')).toBeInTheDocument();
    expect(fake.requests).toContainEqual({ method: 'POST', path: `${PLAYBOOK_PATH}/versions/1/restore`, body: { note: 'Back to basics' } });
    expect(await within(await screen.findByRole('table', { name: 'Published versions' })).findByRole('row', { name: /v3/ })).toHaveTextContent('(restored from v1)');
    // This device switches to the restored version without waiting for sync.
    await waitFor(async () => expect((await readPlaybook()).scripts.some((s) => s.id === 'qualify-en' && s.version === 3)).toBe(true));
  });

  it('says so when the versions cannot be fetched', async () => {
    const fake = fakeServer({ [`GET ${PLAYBOOK_PATH}/versions`]: () => answer(403, { error: { code: 'forbidden', message: 'no' } }) });
    const { user } = await renderEditor({ server: fake.server });
    await user.click(await screen.findByRole('tab', { name: 'Versions' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Only the team lead (or an administrator) can do this.');
  });
});

describe('PlaybookEditor sections', () => {
  it('offers the team’s sales reps as routing owners', async () => {
    await db.settings.put({
      key: 'teamMembers',
      value: [
        { id: 'u-sales-1', name: '陈静', role: 'sales' },
        { id: 'u-sdr-1', name: '李雷', role: 'sdr' },
      ],
    });
    const { user } = await renderEditor();
    await user.click(await screen.findByRole('tab', { name: /^Routing/ }));
    const fallback = screen.getByRole('group', { name: 'Fallback owner' });
    const rep = within(fallback).getByRole('combobox', { name: 'Sales rep' });
    await waitFor(() => expect(within(rep).getByRole('option', { name: '陈静' })).toBeInTheDocument());
    expect(within(rep).queryByRole('option', { name: '李雷' })).not.toBeInTheDocument();

    await user.selectOptions(rep, '陈静');
    expect(within(fallback).getByRole('textbox', { name: 'Owner ID' })).toHaveValue('u-sales-1');
    expect(within(fallback).getByRole('textbox', { name: 'Owner name' })).toHaveValue('陈静');
  });

  it('flags a rule for an unknown product line and a deal-size range the wrong way round', async () => {
    const { user } = await renderEditor();
    await user.click(await screen.findByRole('tab', { name: /^Routing/ }));
    const rule = screen.getByRole('group', { name: 'Rule 1' });
    await user.type(within(rule).getByRole('textbox', { name: 'Deal size up to' }), '1000');
    expect(within(rule).getByRole('textbox', { name: 'Deal size up to' })).toHaveAccessibleDescription(/The maximum deal size is below the minimum/);

    await user.clear(within(screen.getByRole('group', { name: 'Product line 1' })).getByRole('textbox', { name: 'ID' }));
    await user.type(within(screen.getByRole('group', { name: 'Product line 1' })).getByRole('textbox', { name: 'ID' }), 'auto');
    expect(within(screen.getByRole('group', { name: 'Rule 3' })).getByRole('group', { name: 'Product lines' })).toHaveAccessibleDescription('There is no product line “automation”');
    expect(publishButton()).toBeDisabled();
  });

  it('speaks Chinese to a Chinese team lead', async () => {
    const { user } = await renderEditor({ language: 'zh-CN' });
    expect(await screen.findByRole('heading', { name: '团队作战手册' })).toBeInTheDocument();
    for (const name of ['话术', '标签', '通话结果', '移交标准', '分配规则', '评分表', '版本记录']) expect(screen.getByRole('tab', { name })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '发布' })).toBeDisabled();
    expect(screen.getByText('没有需要发布的修改。')).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: '通话结果' }));
    const third = screen.getByRole('group', { name: '通话结果 3' });
    expect(within(third).getByRole('textbox', { name: '名称（中文）' })).toHaveValue('无人接听');
    await user.clear(within(third).getByRole('textbox', { name: '名称（中文）' }));
    expect(within(third).getByRole('textbox', { name: '名称（中文）' })).toHaveAccessibleDescription('必填');
    expect(screen.getByRole('button', { name: '有 1 个问题待修正' })).toBeInTheDocument();
  });
});
