import { useTranslation } from 'react-i18next';
import { localDateTimeInputValue } from '../../../ui/format';

interface CallbackPickerProps {
  readonly value: number | null;
  readonly onChange: (at: number | null) => void;
  readonly leadTimeZone: string | null;
  readonly now: number;
  readonly required: boolean;
}

function formatIn(ms: number, language: string, timeZone?: string): string | null {
  try {
    return new Intl.DateTimeFormat(language, { weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short', ...(timeZone ? { timeZone } : {}) }).format(ms);
  } catch {
    return null;
  }
}

const HOUR = 3_600_000;

/**
 * A call-back time, entered in the SDR's own zone and shown in the lead's too, so "call me at ten"
 * means the prospect's ten.
 */
export function CallbackPicker({ value, onChange, leadTimeZone, now, required }: CallbackPickerProps) {
  const { t, i18n } = useTranslation();
  const mine = value === null ? null : formatIn(value, i18n.language);
  const theirs = value === null || !leadTimeZone ? null : formatIn(value, i18n.language, leadTimeZone);
  const tomorrow = new Date(now + 24 * HOUR);
  tomorrow.setHours(10, 0, 0, 0);
  return (
    <div className="callback">
      <label htmlFor="callback-at" className="field-label">
        {t('callback.label')}
        {required ? <span className="q-required"> *</span> : null}
      </label>
      <div className="callback-row">
        <input
          id="callback-at"
          className="input"
          type="datetime-local"
          value={value === null ? '' : localDateTimeInputValue(value)}
          min={localDateTimeInputValue(now)}
          aria-describedby="callback-zones"
          onChange={(e) => onChange(e.target.value ? new Date(e.target.value).getTime() : null)}
        />
        <button type="button" className="chip" onClick={() => onChange(now + HOUR)}>
          {t('callback.inOneHour')}
        </button>
        <button type="button" className="chip" onClick={() => onChange(tomorrow.getTime())}>
          {t('callback.tomorrow')}
        </button>
        {value !== null ? (
          <button type="button" className="btn-link" onClick={() => onChange(null)}>
            {t('callback.clear')}
          </button>
        ) : null}
      </div>
      <p id="callback-zones" className="callback-zones">
        {mine ? (
          <>
            <span>{t('callback.yourTime', { time: mine })}</span>
            {theirs ? <span>{t('callback.leadTime', { time: theirs, zone: leadTimeZone })}</span> : <span className="muted">{t('callback.leadZoneUnknown')}</span>}
          </>
        ) : (
          <span className="muted">{t('callback.none')}</span>
        )}
      </p>
    </div>
  );
}
