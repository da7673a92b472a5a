import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { LEAD_STATUSES, SOURCE_CHANNELS, TEMPERATURES } from '../../../../shared/model/lead';
import { NO_FILTERS, useUiStore, type QueueFilters } from '../../../state/uiStore';
import { UNASSIGNED, filterChoices } from '../queries';

/** `ready`: the queue is on screen; the tag and owner choices are read only then. */
export function QueueFilterBar({ ready, tagLabel }: { readonly ready: boolean; readonly tagLabel: (tag: string) => string }) {
  const { t } = useTranslation();
  const filters = useUiStore((s) => s.filters);
  const { setFilter, clearFilters } = useUiStore.getState();
  const choices = useLiveQuery(() => (ready ? filterChoices() : undefined), [ready]);
  const active = (Object.keys(filters) as (keyof QueueFilters)[]).some((k) => filters[k] !== NO_FILTERS[k]);

  const select = <K extends keyof QueueFilters>(key: K, label: string, options: readonly { value: string; label: string }[]) => (
    <div className="filter">
      <select
        className={`select select-compact${filters[key] ? ' is-set' : ''}`}
        aria-label={label}
        value={filters[key]}
        onChange={(e) => setFilter(key, e.target.value as QueueFilters[K])}
      >
        <option value="">{label}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="queue-filters" role="group" aria-label={t('queue.filters')}>
      {select('status', t('queue.status'), LEAD_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })))}
      {select('temperature', t('queue.temperature'), TEMPERATURES.map((s) => ({ value: s, label: t(`temperature.${s}`) })))}
      {select('sourceChannel', t('queue.source'), SOURCE_CHANNELS.map((s) => ({ value: s, label: t(`source.${s}`) })))}
      {select('tag', t('queue.tag'), (choices?.tags ?? []).map((tag) => ({ value: tag, label: tagLabel(tag) })))}
      {select('owner', t('queue.owner'), [
        { value: UNASSIGNED, label: t('queue.unassigned') },
        ...(choices?.owners ?? []).map((o) => ({ value: o, label: o })),
      ])}
      {active ? (
        <button type="button" className="btn btn-small btn-ghost" onClick={clearFilters}>
          {t('queue.clearFilters')}
        </button>
      ) : null}
    </div>
  );
}
