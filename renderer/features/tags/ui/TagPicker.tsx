import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../../shared/model/localized';
import type { TagGroup } from '../../../../shared/model/playbook';
import { tagLabel } from '../tagLabels';

interface TagPickerProps {
  readonly tags: readonly string[];
  readonly taxonomy: readonly TagGroup[];
  readonly onChange: (added: readonly string[], removed: readonly string[]) => void;
}

const MAX_FREE_TAG = 60;

/** The lead's tags, and a type-to-search list of the team's taxonomy grouped as the team groups it. */
export function TagPicker({ tags, taxonomy, onChange }: TagPickerProps) {
  const { t, i18n } = useTranslation();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = query.trim().toLowerCase();
  const groups = taxonomy
    .map((group) => ({
      group,
      tags: group.tags.filter((def) => !tags.includes(def.id) && (q === '' || `${def.label.en} ${def.label['zh-CN']} ${def.id}`.toLowerCase().includes(q))),
    }))
    .filter((g) => g.tags.length > 0);
  const flat = groups.flatMap((g) => g.tags.map((def) => def.id));
  const free = query.trim().slice(0, MAX_FREE_TAG);
  const exact = taxonomy.some((g) => g.tags.some((d) => d.id === free || d.label.en.toLowerCase() === q || d.label['zh-CN'] === free));
  const offerFree = free !== '' && !tags.includes(free) && !exact;
  const choices = offerFree ? [...flat, free] : flat;

  const add = (tag: string) => {
    onChange([tag], []);
    setQuery('');
    setActive(0);
  };
  const optionId = (i: number) => `${listId}-${i}`;

  return (
    <section className="tag-picker card" aria-label={t('tags.title')}>
      <h3 className="card-title">{t('tags.title')}</h3>
      <ul className="tag-list" aria-label={t('tags.current')}>
        {tags.length === 0 ? <li className="muted">{t('tags.none')}</li> : null}
        {tags.map((tag) => (
          <li key={tag} className="chip is-on">
            {tagLabel(taxonomy, tag, i18n.language)}
            <button type="button" className="chip-remove" aria-label={t('tags.remove', { tag: tagLabel(taxonomy, tag, i18n.language) })} onClick={() => onChange([], [tag])}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="combo">
        <input
          className="input"
          role="combobox"
          aria-label={t('tags.add')}
          aria-expanded={open && choices.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && choices.length > 0 ? optionId(Math.min(active, choices.length - 1)) : undefined}
          placeholder={t('tags.searchPlaceholder')}
          value={query}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              setOpen(true);
              setActive((i) => Math.max(0, Math.min(choices.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1))));
            } else if (e.key === 'Enter' && choices.length > 0 && open) {
              e.preventDefault();
              add(choices[Math.min(active, choices.length - 1)]!);
            } else if (e.key === 'Escape') {
              setOpen(false);
            }
          }}
        />
        {open && choices.length > 0 ? (
          <div id={listId} role="listbox" className="combo-list" aria-label={t('tags.suggestions')}>
            {groups.map(({ group, tags: defs }) => (
              <div key={group.id} role="group" aria-label={localize(group.label, i18n.language)}>
                <div className="combo-group" aria-hidden="true">
                  {localize(group.label, i18n.language)}
                </div>
                {defs.map((def) => {
                  const i = choices.indexOf(def.id);
                  return (
                    <div
                      key={def.id}
                      id={optionId(i)}
                      role="option"
                      aria-selected={i === active}
                      className={`combo-option${i === active ? ' is-active' : ''}`}
                      onMouseDown={(e) => {
                        e.preventDefault();
                        add(def.id);
                      }}
                    >
                      {localize(def.label, i18n.language)}
                    </div>
                  );
                })}
              </div>
            ))}
            {offerFree ? (
              <div
                id={optionId(choices.length - 1)}
                role="option"
                aria-selected={active === choices.length - 1}
                className={`combo-option${active === choices.length - 1 ? ' is-active' : ''}`}
                onMouseDown={(e) => {
                  e.preventDefault();
                  add(free);
                }}
              >
                {t('tags.addFree', { tag: free })}
              </div>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
