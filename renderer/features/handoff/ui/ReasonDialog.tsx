import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../ui/Dialog';
import { localDateInputValue } from '../../../ui/format';

interface ReasonDialogProps {
  readonly kind: 'nurturing' | 'disqualified' | 'recall';
  readonly error: string | null;
  readonly now: number;
  readonly onSubmit: (reason: string, nextTouchAt: number | null) => void;
  readonly onClose: () => void;
}

const QUICK_REASONS = {
  nurturing: ['timing', 'noBudget', 'noNeedYet', 'notDecisionMaker', 'earlyResearch'],
  disqualified: ['notFit', 'competitorCustomer', 'tooSmall', 'student', 'fakeContact'],
  recall: ['missingInfo', 'wrongOwner', 'prospectAsked'],
} as const;

const DAY = 86_400_000;

/** Asks for what the lifecycle needs: a reason always, and for nurturing the next touch date. */
export function ReasonDialog({ kind, error, now, onSubmit, onClose }: ReasonDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [nextTouch, setNextTouch] = useState(() => localDateInputValue(now + 30 * DAY));
  const [touched, setTouched] = useState(false);
  const needsDate = kind === 'nurturing';
  const reasonMissing = reason.trim() === '';
  return (
    <Dialog title={t(`reason.title.${kind}`)} closeLabel={t('reason.cancel')} onClose={onClose}>
      <form
        className="reason-form"
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (reasonMissing) return;
          // The next touch is the start of that day in the SDR's zone, 09:00, when calling starts.
          const at = needsDate ? new Date(`${nextTouch}T09:00`).getTime() : null;
          onSubmit(reason, at);
        }}
      >
        <div className="chips" role="group" aria-label={t('reason.quick')}>
          {QUICK_REASONS[kind].map((r) => (
            <button key={r} type="button" className="chip" onClick={() => setReason(t(`reason.quickReasons.${r}`))}>
              {t(`reason.quickReasons.${r}`)}
            </button>
          ))}
        </div>
        <div className="field">
          <label htmlFor="reason-text">{t('reason.reason')}</label>
          <textarea id="reason-text" className="input" rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={touched && reasonMissing ? true : undefined} />
          {touched && reasonMissing ? (
            <span className="field-error" role="alert">
              {t('reason.required')}
            </span>
          ) : null}
        </div>
        {needsDate ? (
          <div className="field">
            <label htmlFor="reason-next">{t('reason.nextTouch')}</label>
            <input id="reason-next" className="input" type="date" value={nextTouch} min={localDateInputValue(now + DAY)} onChange={(e) => setNextTouch(e.target.value)} />
          </div>
        ) : null}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('reason.cancel')}
          </button>
          <button type="submit" className="btn btn-primary">
            {t(`reason.confirm.${kind}`)}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
