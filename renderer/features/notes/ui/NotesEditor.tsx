import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../../shared/model/note';
import { MAX_NOTE_LENGTH } from '../../../../shared/model/note';
import { addNote, saveDraft } from '../mutations';
import { readDraft } from '../queries';
import { useDraftAutosave } from './useDraftAutosave';

interface NotesEditorProps {
  readonly leadId: string;
  readonly author: string;
  readonly callId: string | null;
  /** The note being edited (its newest revision), or null to write a new one. */
  readonly editing: Note | null;
  readonly onDone: () => void;
  readonly onSaved: () => void;
}

/**
 * The note being written. Its draft is saved on this device while typing (see useDraftAutosave)
 * and comes back after a reload or crash; saving appends a note, or a revision of the one edited.
 */
export function NotesEditor({ leadId, author, callId, editing, onDone, onSaved }: NotesEditorProps) {
  const { t } = useTranslation();
  const rootId = editing?.rootId ?? null;
  const editingText = editing?.text ?? '';
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const autosave = useDraftAutosave((value) => saveDraft(leadId, rootId, value));

  useEffect(() => {
    let live = true;
    void readDraft(leadId, rootId).then((draft) => {
      if (live) setText(draft?.text ?? editingText);
    });
    return () => {
      live = false;
    };
  }, [leadId, rootId, editingText]);

  const submit = async () => {
    autosave.flush();
    if (text === null || text.trim() === '') {
      setError(t('notes.empty'));
      return;
    }
    await addNote({ leadId, text, author, callId, revises: editing });
    setText('');
    setError(null);
    onSaved();
    onDone();
  };

  return (
    <form
      className="notes-editor"
      data-save-scope=""
      aria-label={editing ? t('notes.editTitle') : t('notes.newTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={`note-${leadId}`} className="field-label">
        {editing ? t('notes.editTitle') : t('notes.label')}
      </label>
      <textarea
        id={`note-${leadId}`}
        className="input notes-text"
        rows={4}
        maxLength={MAX_NOTE_LENGTH}
        value={text ?? ''}
        readOnly={text === null}
        placeholder={t('notes.placeholder')}
        aria-invalid={error ? true : undefined}
        aria-describedby={`note-${leadId}-status`}
        onChange={(e) => {
          setText(e.target.value);
          autosave.changed(e.target.value);
          if (error) setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            e.stopPropagation();
            void submit();
          }
        }}
      />
      <div className="notes-actions">
        <span id={`note-${leadId}-status`} className={error ? 'field-error' : 'field-hint'} role={error ? 'alert' : undefined}>
          {error ?? t('notes.autosaveHint')}
        </span>
        {editing ? (
          <button type="button" className="btn btn-ghost" onClick={onDone}>
            {t('notes.cancelEdit')}
          </button>
        ) : null}
        <button type="submit" className="btn btn-primary" aria-keyshortcuts="Control+Enter">
          {editing ? t('notes.saveRevision') : t('notes.save')}
        </button>
      </div>
    </form>
  );
}
