import { useId, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Period } from '../../../../shared/rules/period';
import { checkPeriod, type PeriodProblem } from '../periodCheck';
import { PERIOD_PRESETS, presetRange, type DateRange, type PeriodPreset } from '../periodPresets';

interface PeriodPickerProps {
  readonly initial: DateRange;
  readonly initialPreset: PeriodPreset | null;
  readonly tz: string;
  readonly now: number;
  /** Called only with a period the server's rules accept. */
  readonly onPeriod: (period: Period) => void;
}

/**
 * From and to dates in the team lead's own time zone, with the usual presets. A preset asks at
 * once; typed dates ask on "Show report", after the same checks the server makes.
 */
export function PeriodPicker({ initial, initialPreset, tz, now, onPeriod }: PeriodPickerProps) {
  const { t } = useTranslation('reports');
  const [range, setRange] = useState(initial);
  const [preset, setPreset] = useState(initialPreset);
  const [problem, setProblem] = useState<PeriodProblem | null>(null);
  const id = useId();
  const errorId = `${id}-error`;

  const ask = (next: DateRange) => {
    const checked = checkPeriod(next.from, next.to, tz);
    setProblem(checked.ok ? null : checked.problem);
    if (checked.ok) onPeriod(checked.period);
  };

  const choose = (chosen: PeriodPreset) => {
    const next = presetRange(chosen, now, tz);
    setRange(next);
    setPreset(chosen);
    ask(next);
  };

  const edit = (field: keyof DateRange, value: string) => {
    setRange((r) => ({ ...r, [field]: value }));
    setPreset(null);
    setProblem(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    ask(range);
  };

  const message = problem ? problemMessage(problem, tz, t) : null;
  const invalid = (field: PeriodProblem['field']) => problem?.field === field;
  const error = (field: PeriodProblem['field']) =>
    invalid(field) ? (
      <p id={errorId} className="field-error" role="alert">
        {message}
      </p>
    ) : null;
  const dateField = (field: keyof DateRange) => (
    <div className="field report-date">
      <label htmlFor={`${id}-${field}`}>{t(`period.${field}`)}</label>
      <input
        id={`${id}-${field}`}
        className="input"
        type="date"
        value={range[field]}
        onChange={(e) => edit(field, e.target.value)}
        aria-invalid={invalid(field) || undefined}
        aria-describedby={invalid(field) ? errorId : undefined}
        required
      />
      {error(field)}
    </div>
  );

  return (
    <form className="report-period" aria-label={t('period.label')} onSubmit={submit} noValidate>
      <div className="report-presets" role="group" aria-label={t('period.presets')}>
        {PERIOD_PRESETS.map((p) => (
          <button key={p} type="button" className={p === preset ? 'chip is-on' : 'chip'} aria-pressed={p === preset} onClick={() => choose(p)}>
            {t(`period.${p}`)}
          </button>
        ))}
      </div>
      <div className="report-dates">
        {dateField('from')}
        <span className="report-dash" aria-hidden="true">
          –
        </span>
        {dateField('to')}
        <button type="submit" className="btn btn-primary">
          {t('period.show')}
        </button>
        <div className="report-zone">
          <span className="field-hint">{t('period.timeZone', { tz })}</span>
          {error('tz')}
        </div>
      </div>
    </form>
  );
}

function problemMessage(problem: PeriodProblem, tz: string, t: TFunction<'reports'>): string {
  switch (problem.reason) {
    case 'badDate':
      return t('period.badDate');
    case 'reversed':
      return t('period.reversed');
    case 'tooLong':
      return t('period.tooLong', { max: problem.max, days: problem.days });
    case 'badZone':
      return t('period.badZone', { tz });
  }
}
