import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface FileStepProps {
  readonly onFile: (file: File) => void;
  /** Why the last file was refused, already translated. */
  readonly problem: string | null;
  readonly readingName: string | null;
}

/** Step 1: a labelled file input, with the whole area also accepting a dropped file. */
export function FileStep({ onFile, problem, readingName }: FileStepProps) {
  const { t } = useTranslation('import');
  const inputId = useId();
  const hintId = useId();
  const problemId = useId();
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };

  return (
    <div
      className="import-drop"
      data-dragging={dragging || undefined}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <div className="field">
        <label htmlFor={inputId}>{t('file.choose')}</label>
        <input
          id={inputId}
          className="input"
          type="file"
          data-autofocus
          accept=".csv,.txt,text/csv"
          aria-describedby={problem ? `${hintId} ${problemId}` : hintId}
          aria-invalid={problem ? true : undefined}
          disabled={readingName !== null}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) onFile(file);
            // Choosing the same file again after fixing it must fire change again.
            e.currentTarget.value = '';
          }}
        />
        <span className="field-hint">{t('file.drop')}</span>
        <span id={hintId} className="field-hint">
          {t('file.hint')}
        </span>
      </div>
      {readingName !== null ? <p role="status">{t('file.reading', { name: readingName })}</p> : null}
      {problem ? (
        <p id={problemId} className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
