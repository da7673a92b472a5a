import { useTranslation } from 'react-i18next';
import type { TagDef, TagGroup } from '../../../../shared/model/playbook';
import { freshId, moveBy, removeAt, replaceAt } from '../editor/edits';
import { LocalizedField, RowActions, TextField } from './fields';
import { GroupProblems } from './problems';

interface TaxonomyTabProps {
  readonly taxonomy: readonly TagGroup[];
  readonly onChange: (taxonomy: TagGroup[]) => void;
}

const BLANK = { en: '', 'zh-CN': '' };

/** The team's tag groups and their tags; tag ids are unique across groups. */
export function TaxonomyTab({ taxonomy, onChange }: TaxonomyTabProps) {
  const { t } = useTranslation('playbookEditor');
  const allTagIds = taxonomy.flatMap((g) => g.tags.map((tag) => tag.id));
  const addGroup = () => onChange([...taxonomy, { id: freshId('group', taxonomy.map((g) => g.id)), label: BLANK, tags: [] }]);
  return (
    <section className="pbe-panel" aria-labelledby="pbe-taxonomy-title">
      <header className="pbe-panel-header">
        <h2 id="pbe-taxonomy-title">{t('taxonomy.title')}</h2>
        <p className="field-hint">{t('taxonomy.help')}</p>
      </header>
      <GroupProblems path="taxonomy" />
      {taxonomy.map((group, g) => {
        const groupName = t('taxonomy.group', { n: g + 1 });
        const path = `taxonomy[${g}]`;
        const setGroup = (next: Partial<TagGroup>) => onChange(replaceAt(taxonomy, g, { ...group, ...next }));
        const setTags = (tags: TagDef[]) => setGroup({ tags });
        return (
          <fieldset key={g} className="pbe-card">
            <legend className="pbe-card-legend">{groupName}</legend>
            <div className="pbe-row pbe-row-group">
              <TextField label={t('field.id')} path={`${path}.id`} value={group.id} maxLength={60} onChange={(id) => setGroup({ id })} />
              <LocalizedField label={t('taxonomy.groupLabel')} path={`${path}.label`} value={group.label} onChange={(label) => setGroup({ label })} />
              <RowActions
                name={groupName}
                canUp={g > 0}
                canDown={g < taxonomy.length - 1}
                onMove={(by) => onChange(moveBy(taxonomy, g, by))}
                onRemove={() => onChange(removeAt(taxonomy, g))}
              />
            </div>
            <GroupProblems path={`${path}.tags`} />
            <ol className="pbe-rows pbe-nested">
              {group.tags.map((tag, i) => {
                const name = t('taxonomy.tag', { group: g + 1, n: i + 1 });
                return (
                  <li key={i}>
                    <fieldset className="pbe-row pbe-row-tag">
                      <legend className="visually-hidden">{name}</legend>
                      <TextField label={t('field.id')} path={`${path}.tags[${i}].id`} value={tag.id} maxLength={60} onChange={(id) => setTags(replaceAt(group.tags, i, { ...tag, id }))} />
                      <LocalizedField label={t('taxonomy.tagLabel')} path={`${path}.tags[${i}].label`} value={tag.label} onChange={(label) => setTags(replaceAt(group.tags, i, { ...tag, label }))} />
                      <RowActions
                        name={name}
                        canUp={i > 0}
                        canDown={i < group.tags.length - 1}
                        onMove={(by) => setTags(moveBy(group.tags, i, by))}
                        onRemove={() => setTags(removeAt(group.tags, i))}
                      />
                    </fieldset>
                  </li>
                );
              })}
            </ol>
            <button type="button" className="btn btn-small" onClick={() => setTags([...group.tags, { id: freshId(`${group.id || 'group'}.tag`, allTagIds), label: BLANK }])}>
              {t('taxonomy.addTag', { group: groupName })}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="btn" onClick={addGroup}>
        {t('taxonomy.addGroup')}
      </button>
    </section>
  );
}
