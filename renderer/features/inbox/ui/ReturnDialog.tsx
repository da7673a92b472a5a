import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../ui/Dialog';

const QUICK_REASONS = ['notQualified', 'wrongOwner', 'missingInfo', 'tooEarly', 'existingCustomer', 'unreachable'] as const;

interface ReturnDialogProps {
  readonly sdr: string;
  readonly busy: boolean;
  readonly error: string | null;
  readonly onSubmit: (reason: string) => void;
  readonly onClose: () => void;
}

/**
 * Returning needs a reason the SDR will read: a common one in a click, or written out. Enter (or
 * Ctrl+Enter) returns, Shift+Enter starts a new line, Escape cancels.
 */
export function ReturnDialog({ sdr, busy, error, onSubmit, onClose }: ReturnDialogProps) {
  const { t } = useTranslation('inbox');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const missing = reason.trim() === '';

  const onTextKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter that confirms a Chinese input method's candidate is not a submit.
    if (e.key !== 'Enter' || e.shiftKey || e.altKey || e.nativeEvent.isComposing) return;
    e.preventDefault();
    formRef.current?.requestSubmit();
  };

  return (
    <Dialog title={t('returnDialog.title', { sdr })} closeLabel={t('returnDialog.close')} onClose={onClose}>
      <form
        ref={formRef}
        className="reason-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (missing) {
            textRef.current?.focus();
            return;
          }
          if (!busy) onSubmit(reason.trim());
        }}
      >
        <div className="chips" role="group" aria-label={t('returnDialog.quick')}>
          {QUICK_REASONS.map((r) => (
            <button
              key={r}
              type="button"
              className={`chip${reason === t(`returnDialog.quickReasons.${r}`) ? ' is-on' : ''}`}
              onClick={() => {
                setReason(t(`returnDialog.quickReasons.${r}`));
                textRef.current?.focus();
              }}
            >
              {t(`returnDialog.quickReasons.${r}`)}
            </button>
          ))}
        </div>
        <div className="field">
          <label htmlFor="inbox-return-reason">{t('returnDialog.reason')}</label>
          <textarea
            ref={textRef}
            id="inbox-return-reason"
            className="input"
            rows={3}
            maxLength={1000}
            value={reason}
            data-autofocus
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={onTextKey}
            aria-invalid={touched && missing ? true : undefined}
            aria-describedby={touched && missing ? 'inbox-return-hint inbox-return-error' : 'inbox-return-hint'}
          />
          <span id="inbox-return-hint" className="field-hint">
            {t('returnDialog.hint')}
          </span>
          {touched && missing ? (
            <span id="inbox-return-error" className="field-error" role="alert">
              {t('returnDialog.required')}
            </span>
          ) : null}
        </div>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('returnDialog.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy} aria-keyshortcuts="Enter Control+Enter">
            {t('returnDialog.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
