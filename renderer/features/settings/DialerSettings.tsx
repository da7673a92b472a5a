import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIALER_KINDS, validateDialTemplate, type DialerSetting } from '../../../shared/model/dialer';
import { writeSetting } from './mutations';
import { useSetting } from './queries';

/** Which dialer places calls on this device; a softphone template is checked before it is kept. */
export function DialerSettings({ onSaved }: { readonly onSaved: () => void }) {
  const { t } = useTranslation();
  const setting = useSetting('dialer');
  const [kind, setKind] = useState<DialerSetting['kind'] | null>(null);
  const [template, setTemplate] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shownKind = kind ?? setting.kind;
  const shownTemplate = template ?? (setting.kind === 'template' ? setting.template : '');

  const save = async (next: DialerSetting) => {
    await writeSetting('dialer', next);
    onSaved();
  };
  const saveTemplate = async () => {
    const problem = validateDialTemplate(shownTemplate.trim());
    if (problem) return setError(t(`settings.templateErrors.${problem.replace('template.', '')}`));
    setError(null);
    await save({ kind: 'template', template: shownTemplate.trim() });
  };

  return (
    <fieldset className="field dialer-settings">
      <legend className="field-label">{t('settings.dialer')}</legend>
      {DIALER_KINDS.map((k) => (
        <label key={k} className="radio-row">
          <input
            type="radio"
            name="dialer-kind"
            value={k}
            checked={shownKind === k}
            onChange={() => {
              setKind(k);
              setError(null);
              if (k !== 'template') void save({ kind: k });
            }}
          />
          {t(`settings.dialerKinds.${k}`)}
        </label>
      ))}
      {shownKind === 'template' ? (
        <div className="field">
          <label htmlFor="dialer-template">{t('settings.dialerTemplate')}</label>
          <input
            id="dialer-template"
            className="input"
            value={shownTemplate}
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby="dialer-template-hint"
            onChange={(e) => setTemplate(e.target.value)}
            onBlur={() => void saveTemplate()}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void saveTemplate();
              }
            }}
          />
          <span id="dialer-template-hint" className={error ? 'field-error' : 'field-hint'} role={error ? 'alert' : undefined}>
            {error ?? t('settings.dialerTemplateHint')}
          </span>
        </div>
      ) : null}
    </fieldset>
  );
}
