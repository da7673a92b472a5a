import { useTranslation } from 'react-i18next';
import type { Script } from '../../../../shared/model/script';
import { DEFAULT_SCRIPTS } from '../../../../shared/playbook/scripts';
import { copyScript, newScript, removeAt, replaceAt, type QuestionAt } from '../editor/edits';
import { countUnder, type Problem } from '../editor/validate';
import { publishedVersion } from '../editor/versioning';
import { ScriptEditor } from './ScriptEditor';
import { ScriptPreview } from './ScriptPreview';

/** Which script is on screen, and which of its questions is open. */
export interface ScriptNav {
  readonly script: number;
  readonly question: QuestionAt | null;
}

interface ScriptsTabProps {
  readonly scripts: readonly Script[];
  /** Every script version this device knows: what a changed script's next version is counted from. */
  readonly known: readonly Script[];
  readonly problems: readonly Problem[];
  readonly nav: ScriptNav;
  readonly onNav: (nav: ScriptNav) => void;
  readonly onChange: (scripts: Script[]) => void;
}

/** The team's scripts: a list, the chosen script's editor, and a live preview beside it. */
export function ScriptsTab({ scripts, known, problems, nav, onNav, onChange }: ScriptsTabProps) {
  const { t, i18n } = useTranslation('playbookEditor');
  const index = Math.min(nav.script, scripts.length - 1);
  const script = scripts[index];
  const ids = scripts.map((s) => s.id);

  const add = (added: Script) => {
    onChange([...scripts, added]);
    onNav({ script: scripts.length, question: null });
  };

  return (
    <div className="pbe-scripts">
      <nav className="pbe-script-list" aria-label={t('scripts.list')}>
        <ul>
          {scripts.map((s, i) => {
            const count = countUnder(problems, `scripts[${i}]`);
            const next = publishedVersion(s, known);
            return (
              <li key={i}>
                <button type="button" className={`pbe-script-item${i === index ? ' is-current' : ''}`} aria-current={i === index ? 'true' : undefined} onClick={() => onNav({ script: i, question: null })}>
                  <span className="pbe-script-name">{s.name || t('scripts.untitled')}</span>
                  <span className="pbe-script-meta">
                    {t(`kinds.${s.kind}`)} · {t(`locales.${s.locale}`)} · {s.industry || t('scripts.anyIndustry')}
                  </span>
                  <span className="pbe-script-meta">
                    {s.id} · {next === s.version ? `v${s.version}` : `v${s.version} → v${next}`}
                  </span>
                  {count > 0 ? <span className="badge pbe-badge-problem">{t('problems.count', { count })}</span> : null}
                </button>
              </li>
            );
          })}
        </ul>
        <button type="button" className="btn btn-small" onClick={() => add(newScript(ids, i18n.language === 'zh-CN' ? 'zh-CN' : 'en'))}>
          {t('scripts.add')}
        </button>
      </nav>
      {script ? (
        <>
          <ScriptEditor
            key={`editor-${index}`}
            script={script}
            index={index}
            nextVersion={publishedVersion(script, known)}
            problems={problems}
            open={nav.question}
            onOpen={(question) => onNav({ script: index, question })}
            onChange={(next) => onChange(replaceAt(scripts, index, next))}
            onDuplicate={() => add(copyScript(script, ids))}
            onRemove={() => {
              onChange(removeAt(scripts, index));
              onNav({ script: Math.max(0, index - 1), question: null });
            }}
          />
          <ScriptPreview key={`preview-${index}`} script={script} />
        </>
      ) : (
        <div className="pbe-empty card">
          <p>{t('scripts.none')}</p>
          <button type="button" className="btn" onClick={() => onChange([...DEFAULT_SCRIPTS])}>
            {t('scripts.startFromShipped')}
          </button>
        </div>
      )}
    </div>
  );
}
