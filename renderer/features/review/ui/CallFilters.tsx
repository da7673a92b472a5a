import { useTranslation } from 'react-i18next';
import { HANDOFF_OUTCOMES, MAX_SEARCH_LENGTH } from '../../../../shared/api/review';
import { CALL_CHANNELS } from '../../../../shared/model/call';
import { localize } from '../../../../shared/model/localized';
import type { Script } from '../../../../shared/model/script';
import type { Member } from '../../../../shared/sync/protocol';
import type { TeamPlaybook } from '../../playbook';
import { hasNarrowingFilters, type ReviewFilters } from '../reviewQuery';

export const FILTER_FIELDS = ['from', 'to', 'search', 'sdr', 'disposition', 'channel', 'tag', 'script', 'outcome', 'reviewed'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

interface CallFiltersProps {
  readonly filters: ReviewFilters;
  readonly tz: string;
  /** Messages to show beside fields, already in the user's language. */
  readonly errors: Readonly<Partial<Record<FilterField, string>>>;
  readonly members: readonly Member[];
  readonly playbook: TeamPlaybook;
  /** Offline the list is this device's recently opened calls, which the server's filters do not apply to. */
  readonly disabled: boolean;
  readonly onChange: (field: FilterField, value: string) => void;
  readonly onClear: () => void;
}

const fieldId = (field: FilterField) => `review-filter-${field}`;
const errorId = (field: FilterField) => `review-filter-${field}-error`;

/** The newest version of each script id: what a script is called in the filter. */
function scriptChoices(scripts: readonly Script[]): { id: string; name: string }[] {
  const newest = new Map<string, Script>();
  for (const script of scripts) {
    const seen = newest.get(script.id);
    if (!seen || script.version > seen.version) newest.set(script.id, script);
  }
  return [...newest.values()].map((s) => ({ id: s.id, name: s.name }));
}

/** Period, search and the list's filters, compact enough to leave the list most of the column. */
export function CallFilters({ filters, tz, errors, members, playbook, disabled, onChange, onClear }: CallFiltersProps) {
  const { t, i18n } = useTranslation('review');
  const lang = i18n.language;
  const people = members.filter((m) => m.role === 'sdr' || m.role === 'lead').sort((a, b) => a.name.localeCompare(b.name, lang));

  const invalid = (field: FilterField) => ({
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? errorId(field) : undefined,
  });
  const errorOf = (field: FilterField) =>
    errors[field] ? (
      <span id={errorId(field)} className="field-error">
        {errors[field]}
      </span>
    ) : null;
  const select = (field: Exclude<FilterField, 'from' | 'to' | 'search'>, anyLabel: string, options: readonly { value: string; label: string; group?: string }[]) => {
    const groups = [...new Set(options.map((o) => o.group ?? ''))];
    const render = (list: readonly { value: string; label: string }[]) =>
      list.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ));
    return (
      <div className="review-filter">
        <label htmlFor={fieldId(field)} className="visually-hidden">
          {t(`filters.${field}`)}
        </label>
        <select
          id={fieldId(field)}
          className={`select select-compact${filters[field] ? ' is-set' : ''}`}
          value={filters[field]}
          onChange={(e) => onChange(field, e.target.value)}
          {...invalid(field)}
        >
          <option value="">{anyLabel}</option>
          {groups.map((group) =>
            group === '' ? (
              render(options.filter((o) => !o.group))
            ) : (
              <optgroup key={group} label={group}>
                {render(options.filter((o) => o.group === group))}
              </optgroup>
            ),
          )}
        </select>
        {errorOf(field)}
      </div>
    );
  };

  return (
    <form role="search" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
      <fieldset className="review-filters" disabled={disabled}>
        <div className="review-period">
          {(['from', 'to'] as const).map((field) => (
            <div key={field} className="field">
              <label htmlFor={fieldId(field)}>{t(`filters.${field}`)}</label>
              <input id={fieldId(field)} className="input review-date" type="date" value={filters[field]} onChange={(e) => onChange(field, e.target.value)} {...invalid(field)} />
              {errorOf(field)}
            </div>
          ))}
        </div>
        <p className="field-hint review-zone">{t('filters.zone', { zone: tz })}</p>
        <div className="review-search">
          <label htmlFor={fieldId('search')} className="visually-hidden">
            {t('filters.search')}
          </label>
          <input
            id={fieldId('search')}
            className="input"
            type="search"
            maxLength={MAX_SEARCH_LENGTH}
            placeholder={t('filters.searchPlaceholder')}
            value={filters.search}
            onChange={(e) => onChange('search', e.target.value)}
            {...invalid('search')}
          />
          {errorOf('search')}
        </div>
        <div className="review-selects">
          {select('sdr', t('filters.anySdr'), people.map((m) => ({ value: m.id, label: m.role === 'lead' ? t('filters.leadMember', { name: m.name }) : m.name })))}
          {select('disposition', t('filters.anyDisposition'), playbook.dispositions.map((d) => ({ value: d.id, label: localize(d.label, lang) })))}
          {select('channel', t('filters.anyChannel'), CALL_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) })))}
          {select('tag', t('filters.anyTag'), playbook.taxonomy.flatMap((g) => g.tags.map((tag) => ({ value: tag.id, label: localize(tag.label, lang), group: localize(g.label, lang) }))))}
          {select('script', t('filters.anyScript'), scriptChoices(playbook.allScripts).map((s) => ({ value: s.id, label: s.name })))}
          {select('outcome', t('filters.anyOutcome'), HANDOFF_OUTCOMES.map((o) => ({ value: o, label: t(`filters.outcomes.${o}`) })))}
          {select('reviewed', t('filters.anyReviewed'), [
            { value: 'yes', label: t('filters.reviewedYes') },
            { value: 'no', label: t('filters.reviewedNo') },
          ])}
          {hasNarrowingFilters(filters) ? (
            <button type="button" className="btn btn-small btn-ghost review-clear" onClick={onClear}>
              {t('filters.clear')}
            </button>
          ) : null}
        </div>
      </fieldset>
    </form>
  );
}
