import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DIALER_KINDS, validateDialTemplate, type DialerSetting } from '../../../shared/model/dialer';
import { writeSetting } from './mutations';
import { readSetting, useSetting } from './queries';

interface DialerSettingsProps {
  /** 'dialer': the dialer choice was stored; 'sipAccount': the softphone's account was. */
  readonly onSaved: (what: 'dialer' | 'sipAccount') => void;
  /** The softphone's stored account or password changed: it should re-read them and register again. */
  readonly onSipAccountSaved: () => void;
  /** The softphone feature's account form and devices; it calls `onAccountSaved` once an account is stored. */
  readonly softphoneSettings: (onAccountSaved: () => void) => ReactNode;
}

/**
 * Which dialer places calls on this device; a softphone template is checked before it is kept.
 * The built-in softphone becomes the dialer only once it has an account: choosing it without one
 * shows the account form and keeps the previous dialer until the account is saved.
 */
export function DialerSettings({ onSaved, onSipAccountSaved, softphoneSettings }: DialerSettingsProps) {
  const { t } = useTranslation();
  const { t: tSip } = useTranslation('sipSettings');
  const setting = useSetting('dialer');
  // undefined while loading, so "not set up" never flashes for an account that exists.
  const sipAccount = useLiveQuery(async () => (await readSetting('sipAccount')) ?? null, []);
  const [kind, setKind] = useState<DialerSetting['kind'] | null>(null);
  const [template, setTemplate] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shownKind = kind ?? setting.kind;
  const shownTemplate = template ?? (setting.kind === 'template' ? setting.template : '');

  const save = async (next: DialerSetting) => {
    await writeSetting('dialer', next);
    onSaved('dialer');
  };
  const saveTemplate = async () => {
    const problem = validateDialTemplate(shownTemplate.trim());
    if (problem) return setError(t(`settings.templateErrors.${problem.replace('template.', '')}`));
    setError(null);
    await save({ kind: 'template', template: shownTemplate.trim() });
  };
  const choose = async (k: DialerSetting['kind']) => {
    if (k === 'template') return;
    if (k !== 'sip') return save({ kind: k });
    // Read, not the live value: right after opening settings it may not have loaded yet.
    if (((await readSetting('sipAccount')) ?? null) !== null) await save({ kind: 'sip' });
  };
  const accountSaved = async () => {
    if ((await readSetting('dialer'))?.kind !== 'sip') await writeSetting('dialer', { kind: 'sip' });
    onSipAccountSaved();
    onSaved('sipAccount');
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
              void choose(k);
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
      {shownKind === 'sip' ? (
        <div className="softphone-settings">
          {sipAccount === null ? (
            <p className="softphone-setup-note" role="status">
              {setting.kind === 'sip' ? tSip('notSetUp') : tSip('pendingSetUp')}
            </p>
          ) : null}
          {softphoneSettings(() => void accountSaved())}
        </div>
      ) : null}
    </fieldset>
  );
}
