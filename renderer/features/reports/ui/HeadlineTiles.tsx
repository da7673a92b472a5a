import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SdrMetrics } from '../../../../shared/api/reports';
import { useReportFormat } from './useReportFormat';

interface Tile {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly hint?: string;
}

/** The team's numbers at a glance; each value is named by its label for screen readers. */
export function HeadlineTiles({ team }: { readonly team: SdrMetrics }) {
  const { t } = useTranslation('reports');
  const format = useReportFormat();
  const id = useId();
  const rate = (r: number | null) => (r === null ? format.missing : format.rate(r));
  const duration = (ms: number | null) => (ms === null ? format.missing : format.duration(ms));
  const tiles: readonly Tile[] = [
    { key: 'dials', label: t('metrics.dials'), value: format.count(team.dials) },
    { key: 'conversations', label: t('metrics.conversations'), value: format.count(team.conversations) },
    { key: 'connectRate', label: t('metrics.connectRate'), value: rate(team.connectRate), hint: t('tiles.connectRateHint') },
    { key: 'talkTime', label: t('metrics.talkTime'), value: format.talk(team.talkSeconds), hint: t('tiles.talkTimeHint') },
    { key: 'speedMedian', label: t('metrics.speedMedian'), value: duration(team.speedToLead.medianMs), hint: t('tiles.speedMedianHint', { count: team.speedToLead.called }) },
    { key: 'speedP90', label: t('metrics.speedP90'), value: duration(team.speedToLead.p90Ms), hint: t('tiles.speedP90Hint', { count: team.speedToLead.notCalled }) },
    { key: 'mqls', label: t('metrics.mqls'), value: format.count(team.mqls) },
    { key: 'sqls', label: t('metrics.sqls'), value: format.count(team.sqls) },
    { key: 'acceptanceRate', label: t('metrics.acceptanceRate'), value: rate(team.acceptanceRate), hint: t('tiles.acceptanceRateHint') },
    { key: 'returned', label: t('metrics.returned'), value: format.count(team.returned) },
    { key: 'nurtured', label: t('metrics.nurtured'), value: format.count(team.nurtured) },
  ];
  return (
    <section aria-label={t('tiles.label')}>
      <dl className="report-tiles">
        {tiles.map((tile) => (
          <div key={tile.key} className="report-tile">
            <dt id={`${id}-${tile.key}`} className="report-tile-label">
              {tile.label}
            </dt>
            {tile.hint ? <dd className="report-tile-hint">{tile.hint}</dd> : null}
            <dd aria-labelledby={`${id}-${tile.key}`} className="report-tile-value">
              {tile.value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
