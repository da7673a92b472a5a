import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db';
import { ServerUnreachableError } from '../../../renderer/platform/server';
import type { Script } from '../../../shared/model/script';
import { CHANNELS, PLAYBOOK_PATH, answer, clearDb, fakeServer, openQuestion, pickScript, publishButton, renderEditor, storedDraftText } from './editorHarness';

afterEach(clearDb);

const scriptsTab = () => screen.getByRole('tab', { name: /^Scripts/ });

function publishedFile(requests: readonly { method: string; path: string; body: unknown }[]) {
  const put = requests.find((r) => r.method === 'PUT' && r.path === PLAYBOOK_PATH);
  if (!put) throw new Error('nothing was published');
  const body = put.body as { text: string; note?: string };
  return { ...body, file: JSON.parse(body.text) as { scripts: Script[]; dispositions: unknown[] } };
}

describe('PlaybookEditor scripts', () => {
  it('publishes an edited question as a new version of its script; untouched scripts keep theirs', async () => {
    const fake = fakeServer({ [`PUT ${PLAYBOOK_PATH}`]: () => answer(200, { version: 7, publishedAt: 1_760_000_000_000 }) });
    const { user } = await renderEditor({ server: fake.server });
    expect(await screen.findByRole('tab', { name: /^Scripts/, selected: true })).toBeInTheDocument();
    expect(publishButton()).toBeDisabled();
    expect(screen.getByText('No changes to publish.')).toBeInTheDocument();

    const editor = await openQuestion(user, CHANNELS);
    const prompt = within(editor).getByRole('textbox', { name: 'Question (what the SDR asks)' });
    await user.clear(prompt);
    await user.paste('Which channels work?');
    expect(screen.getByText('v2, published as v3 (changed)')).toBeInTheDocument();
    await user.click(screen.getByRole('textbox', { name: 'What changed' }));
    await user.paste('Reworded the channel question');
    await user.click(publishButton());

    expect(await screen.findByRole('status')).toHaveTextContent('Published version 7');
    const sent = publishedFile(fake.requests);
    expect(sent.note).toBe('Reworded the channel question');
    expect(sent.file.scripts.map((s) => `${s.id}@${s.version}`)).toEqual(['inbound-en@1', 'qualify-en@3']);
    expect(sent.file.scripts[1]!.sections[0]!.questions[0]!.text).toBe('Which channels work?');
    // Publishing replaces the team's whole playbook, so every section is in the file.
    expect(Object.keys(sent.file).sort()).toEqual(['criteria', 'dispositions', 'routing', 'scorecard', 'scripts', 'taxonomy']);
    // This device uses it at once, and the draft is gone.
    await waitFor(async () => expect(await storedDraftText()).toBeUndefined());
    const stored = Object.fromEntries((await db.scripts.toArray()).map((row) => [row.id, row.active]));
    expect(stored).toMatchObject({ 'qualify-en@3': true, 'qualify-en@2': false, 'inbound-en@1': true });
  });

  it('shows a branch cycle beside the condition and keeps Publish off until it is undone', async () => {
    const { user } = await renderEditor();
    const editor = await openQuestion(user, CHANNELS);
    await user.click(within(editor).getByRole('textbox', { name: 'Intent' }));
    await user.paste(' Ask for all of them.');
    expect(publishButton()).toBeEnabled();

    await user.selectOptions(within(editor).getByRole('combobox', { name: 'Show this question' }), 'Only after a matching answer');
    const dependsOn = within(editor).getByRole('combobox', { name: 'Depends on' });
    expect(dependsOn).toHaveDisplayValue(/^expo-days/);
    expect(dependsOn).toBeInvalid();
    expect(dependsOn).toHaveAccessibleDescription('Branch cycle: channels → expo-days → channels');
    expect(publishButton()).toBeDisabled();
    expect(screen.getByText('Fix the problems above to publish.')).toBeInTheDocument();
    expect(scriptsTab()).toHaveAccessibleName(/1 problem/);

    await user.selectOptions(within(editor).getByRole('combobox', { name: 'Show this question' }), 'Always');
    expect(screen.queryByText(/Branch cycle/)).not.toBeInTheDocument();
    expect(publishButton()).toBeEnabled();
  });

  it('previews the script: a follow-up appears once its parent is answered and folds when it is not', async () => {
    const { user } = await renderEditor();
    await pickScript(user, /Qualify \(English\)/);
    const preview = await screen.findByRole('complementary', { name: 'Preview' });
    const followUp = /How many days until a trade-show lead is called\?/;
    expect(within(preview).queryByRole('spinbutton', { name: followUp })).not.toBeInTheDocument();

    const channels = within(preview).getByRole('group', { name: CHANNELS });
    await user.click(within(channels).getByRole('checkbox', { name: 'Trade shows' }));
    expect(within(preview).getByRole('spinbutton', { name: followUp })).toBeInTheDocument();

    await user.click(within(channels).getByRole('checkbox', { name: 'Trade shows' }));
    await user.click(within(channels).getByRole('checkbox', { name: 'Online' }));
    expect(within(preview).queryByRole('spinbutton', { name: followUp })).not.toBeInTheDocument();
    // Answers in the preview are not part of the draft.
    expect(await storedDraftText()).toBeUndefined();
  });
});

describe('PlaybookEditor publishing', () => {
  const editIntent = async (user: Awaited<ReturnType<typeof renderEditor>>['user']) => {
    const editor = await openQuestion(user, CHANNELS);
    await user.click(within(editor).getByRole('textbox', { name: 'Intent' }));
    await user.paste(' More.');
  };

  it('without the team server, editing goes on and Publish says it needs the server', async () => {
    const fake = fakeServer({ [`PUT ${PLAYBOOK_PATH}`]: () => new ServerUnreachableError() });
    const { user } = await renderEditor({ server: fake.server });
    await editIntent(user);
    await user.click(publishButton());

    expect(await screen.findByRole('alert')).toHaveTextContent('Publishing needs the team server, which cannot be reached. Your draft is kept on this device');
    expect(await storedDraftText()).toContain('Channels first. More.');
    expect(screen.getByText('Unpublished changes · draft saved on this device')).toBeInTheDocument();
  });

  it('shows the server’s field problems next to the fields and in the list', async () => {
    const path = 'scripts[1].sections[0].questions[0].intent';
    const fake = fakeServer({
      [`PUT ${PLAYBOOK_PATH}`]: () => answer(400, { error: { code: 'playbook.invalid', message: 'The playbook was not published', fields: [{ path, message: 'too chatty for a call' }] } }),
    });
    const { user } = await renderEditor({ server: fake.server });
    await editIntent(user);
    await user.click(publishButton());

    expect(await screen.findByRole('alert')).toHaveTextContent('The team server refused the playbook: The playbook was not published');
    expect(screen.getByRole('textbox', { name: 'Intent' })).toHaveAccessibleDescription(/too chatty for a call/);
    expect(within(screen.getByRole('region', { name: 'Problems to fix' })).getByText(path)).toBeInTheDocument();
    expect(publishButton()).toBeDisabled();

    // Any edit clears what the server said: it spoke about the file it was sent.
    await user.type(screen.getByRole('textbox', { name: 'Intent' }), '!');
    expect(screen.queryByText('too chatty for a call')).not.toBeInTheDocument();
    expect(publishButton()).toBeEnabled();
  });

  it('“Show” on a problem opens the tab and the question and focuses the field', async () => {
    const { user } = await renderEditor();
    await user.click(await screen.findByRole('tab', { name: /^Routing/ }));
    await user.clear(within(screen.getByRole('group', { name: 'Fallback owner' })).getByRole('textbox', { name: 'Owner name' }));
    await user.click(screen.getByRole('tab', { name: /^Scripts/ }));
    await pickScript(user, /Inbound \(English\)/);

    await user.click(screen.getByRole('button', { name: '1 problem to fix' }));
    await user.click(within(screen.getByRole('region', { name: 'Problems to fix' })).getByRole('button', { name: 'Show' }));

    expect(screen.getByRole('tab', { name: /^Routing/ })).toHaveAttribute('aria-selected', 'true');
    const name = within(screen.getByRole('group', { name: 'Fallback owner' })).getByRole('textbox', { name: 'Owner name' });
    expect(name).toHaveFocus();
    expect(name).toHaveAccessibleDescription('Required');
  });
});
