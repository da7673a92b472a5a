import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PLAYBOOK_FILE_CHARS } from '../../../../shared/model/playbook';
import { Dialog } from '../../../ui/Dialog';
import type { PlaybookDraft } from '../editor/draft';
import { importPlaybook, type ImportRefusal } from '../editor/importFile';
import { sayProblem } from './problems';

interface ImportDialogProps {
  readonly onClose: () => void;
  readonly onImport: (draft: PlaybookDraft) => void;
}

type Refusal = ImportRefusal | { readonly kind: 'tooLarge' } | { readonly kind: 'unreadable'; readonly message: string };

/** A playbook file, chosen or pasted, becomes the draft; a refused file changes nothing. */
export function ImportDialog({ onClose, onImport }: ImportDialogProps) {
  const { t } = useTranslation('playbookEditor');
  const fileId = useId();
  const pasteId = useId();
  const [pasted, setPasted] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const tryImport = (text: string) => {
    if (text.length > MAX_PLAYBOOK_FILE_CHARS) return setRefusal({ kind: 'tooLarge' });
    const result = importPlaybook(text);
    if (result.ok) onImport(result.draft);
    else setRefusal(result.refusal);
  };

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.size > MAX_PLAYBOOK_FILE_CHARS) return setRefusal({ kind: 'tooLarge' });
    try {
      tryImport(await file.text());
    } catch (error) {
      setRefusal({ kind: 'unreadable', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <Dialog
      title={t('import.title')}
      closeLabel={t('close')}
      onClose={onClose}
      wide
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="button" className="btn btn-primary" disabled={pasted.trim() === ''} onClick={() => tryImport(pasted)}>
            {t('import.importPasted')}
          </button>
        </>
      }
    >
      <p className="field-hint">{t('import.help')}</p>
      <div className="field">
        <label htmlFor={fileId}>{t('import.file')}</label>
        <input id={fileId} type="file" accept="application/json,.json" onChange={(e) => void choose(e)} />
      </div>
      <div className="field pbe-paste">
        <label htmlFor={pasteId}>{t('import.paste')}</label>
        <textarea id={pasteId} className="input pbe-json" rows={10} spellCheck={false} value={pasted} onChange={(e) => setPasted(e.target.value)} />
      </div>
      {refusal ? <RefusalMessage refusal={refusal} /> : null}
    </Dialog>
  );
}

function RefusalMessage({ refusal }: { readonly refusal: Refusal }) {
  const { t } = useTranslation('playbookEditor');
  let message: string;
  switch (refusal.kind) {
    case 'json':
      message = refusal.line === null ? t('import.notJson') : t('import.notJsonAt', { line: refusal.line, column: refusal.column ?? 1 });
      break;
    case 'notObject':
      message = t('import.notObject');
      break;
    case 'tooLarge':
      message = t('import.tooLarge');
      break;
    case 'unreadable':
      message = t('import.unreadable', { message: refusal.message });
      break;
    case 'invalid':
      message = t('import.invalid', { count: refusal.problems.length });
  }
  return (
    <div className="form-errors pbe-import-errors" role="alert">
      <p>{message}</p>
      {refusal.kind === 'invalid' ? (
        <ul>
          {refusal.problems.map((p, i) => (
            <li key={i}>
              <code>{p.path || t('import.wholeFile')}</code> {sayProblem(p.message, t)}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="pbe-import-kept">{t('import.kept')}</p>
    </div>
  );
}
