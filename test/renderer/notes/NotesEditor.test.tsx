import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db, mutate, toLeadRow } from '../../../renderer/db';
import { NotesEditor } from '../../../renderer/features/notes';
import { latestRevisions, type Note } from '../../../shared/model/note';
import { makeNote } from '../../helpers/discoveryFactory';
import { makeLead } from '../../helpers/leadFactory';
import { renderWithI18n } from '../../helpers/renderWithI18n';

const lead = makeLead();
const newDraftKey = `note:${lead.id}`;

beforeEach(async () => {
  await db.leads.add(toLeadRow(lead));
});
afterEach(async () => {
  // Unmount first: the editor saves its pending draft as it goes, and that write must land before
  // the tables are cleared, not in the next test.
  cleanup();
  await Promise.all(db.tables.map((table) => table.clear()));
});

async function renderEditor(editing: Note | null = null) {
  const onSaved = vi.fn();
  const onDone = vi.fn();
  const view = await renderWithI18n(<NotesEditor leadId={lead.id} author="李雷" callId={null} editing={editing} onDone={onDone} onSaved={onSaved} />);
  const textbox = screen.getByRole('textbox', { name: editing ? 'Edit note (saved as a new revision)' : 'Note' });
  // The editor stays read-only until it has looked for a draft to bring back.
  await waitFor(() => expect(textbox).not.toHaveAttribute('readonly'));
  return { ...view, textbox, onSaved, onDone, user: userEvent.setup() };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('NotesEditor drafts', () => {
  it('keeps what was typed when the editor closes before the draft timer fired, and brings it back', async () => {
    const { textbox, unmount } = await renderEditor();

    fireEvent.change(textbox, { target: { value: 'Wants a demo for the whole team' } });
    unmount();

    await vi.waitFor(async () => expect((await db.drafts.get(newDraftKey))?.text).toBe('Wants a demo for the whole team'));
    const again = await renderEditor();
    expect(again.textbox).toHaveValue('Wants a demo for the whole team');
  });

  it('saves the draft while typing goes on, not only when it pauses', async () => {
    const { textbox } = await renderEditor();
    const full = 'abcdefghijkl';

    // A keystroke every 50 ms never leaves the 250 ms pause that would save on its own.
    for (let i = 1; i <= 10; i++) {
      fireEvent.change(textbox, { target: { value: full.slice(0, i) } });
      await sleep(50);
    }

    const draft = await db.drafts.get(newDraftKey);
    expect(draft?.text).toBeDefined();
    expect(full.startsWith(draft?.text ?? '-')).toBe(true);
    expect(draft?.text.length).toBeLessThan(10);
  });
});

describe('NotesEditor saving', () => {
  it('appends the note through the outbox and drops the draft', async () => {
    const { textbox, user, onSaved, onDone } = await renderEditor();

    await user.type(textbox, '  Budget approved for Q3  ');
    await user.click(screen.getByRole('button', { name: 'Save note' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(onDone).toHaveBeenCalledTimes(1);
    expect(textbox).toHaveValue('');
    const notes = await db.notes.toArray();
    expect(notes).toEqual([expect.objectContaining({ leadId: lead.id, text: 'Budget approved for Q3', revision: 1, author: '李雷' })]);
    expect((await db.outbox.toArray()).map((e) => e.name)).toEqual(['note.add']);
    // Any autosave still in flight has landed by now; the draft must not come back.
    await sleep(300);
    expect(await db.drafts.get(newDraftKey)).toBeUndefined();
  });

  it('refuses to save an empty note', async () => {
    const { textbox, user, onSaved } = await renderEditor();

    await user.type(textbox, '   ');
    await user.click(screen.getByRole('button', { name: 'Save note' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Write something before saving.');
    expect(textbox).toHaveAttribute('aria-invalid', 'true');
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.notes.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('saves an edit as revision 2 of the same note', async () => {
    const original = makeNote(lead, { text: 'Budget not approved yet', createdAt: 1000 });
    await mutate(db, 'note.add', { note: original }, 1000);
    const { textbox, user, onSaved } = await renderEditor(original);
    expect(textbox).toHaveValue('Budget not approved yet');

    await user.clear(textbox);
    await user.type(textbox, 'Budget approved on Friday');
    await user.click(screen.getByRole('button', { name: 'Save revision' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    const notes = await db.notes.toArray();
    expect(notes).toHaveLength(2);
    expect(latestRevisions(notes)).toEqual([expect.objectContaining({ rootId: original.rootId, revision: 2, text: 'Budget approved on Friday' })]);
    expect(await db.drafts.count()).toBe(0);
  });

  it('brings back an unsaved edit of a note instead of the saved text', async () => {
    const original = makeNote(lead, { text: 'Budget not approved yet', createdAt: 1000 });
    await mutate(db, 'note.add', { note: original }, 1000);
    const first = await renderEditor(original);
    fireEvent.change(first.textbox, { target: { value: 'Budget approved, pending legal' } });
    first.unmount();
    await vi.waitFor(async () => expect(await db.drafts.count()).toBe(1));

    const again = await renderEditor(original);
    expect(again.textbox).toHaveValue('Budget approved, pending legal');
    // A draft of an edit is not a draft of a new note.
    expect(await db.drafts.get(newDraftKey)).toBeUndefined();
  });
});
