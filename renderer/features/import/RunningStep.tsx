import { useTranslation } from 'react-i18next';
import type { ImportProgress } from './types';

interface RunningStepProps {
  readonly progress: ImportProgress | null;
  readonly cancelling: boolean;
  readonly formatNumber: (n: number) => string;
}

/** Step 3: progress through checking, then saving; the Cancel button lives in the dialog footer. */
export function RunningStep({ progress, cancelling, formatNumber }: RunningStepProps) {
  const { t } = useTranslation('import');
  const phase = cancelling ? t('running.cancelling') : t(`running.${progress?.phase ?? 'checking'}`);
  // Matching has no measurable progress: the bar goes indeterminate rather than sit at 100 %.
  const measured = progress && progress.phase !== 'matching' ? progress : null;
  const count = measured ? t('running.count', { done: formatNumber(measured.done), total: formatNumber(measured.total) }) : '';
  return (
    <div className="field">
      <p aria-live="polite">
        {phase} {count}
      </p>
      {/* Without a value the bar is indeterminate. */}
      <progress
        className="progress"
        aria-label={t('running.progressLabel')}
        aria-valuetext={count || undefined}
        max={measured?.total || undefined}
        value={measured ? measured.done : undefined}
      />
    </div>
  );
}
