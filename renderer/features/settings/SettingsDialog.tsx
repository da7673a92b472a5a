import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/model/settings';
import type { ReactNode } from 'react';
import { Dialog } from '../../ui/Dialog';
import { PlaybookSettings } from '../playbook';
import { DialerSettings } from './DialerSettings';
import { writeSetting } from './mutations';
import { readSetting, useSetting } from './queries';

const PHONE_REGIONS = ['CN', 'HK', 'MO', 'TW', 'SG', 'JP', 'KR', 'US', 'GB', 'DE', 'FR', 'AU', 'IN'] as const;

interface SettingsDialogProps {
  readonly onClose: () => void;
  readonly onLoadDemo: () => void;
  readonly onMessage: (message: string) => void;
  /** The softphone feature's account form and devices, shown when the built-in softphone is chosen. */
  readonly softphoneSettings: (onAccountSaved: () => void) => ReactNode;
  /** The softphone's stored account or password changed: it should re-read them and register again. */
  readonly onSipAccountSaved: () => void;
}

export function SettingsDialog({ onClose, onLoadDemo, onMessage, softphoneSettings, onSipAccountSaved }: SettingsDialogProps) {
  const { t, i18n } = useTranslation();
  const language = useLiveQuery(() => readSetting('language'), []);
  const region = useSetting('defaultPhoneRegion');
  const ownerName = useSetting('ownerName');
  const regionName = new Intl.DisplayNames([i18n.language], { type: 'region' });
  return (
    <Dialog title={t('settings.title')} closeLabel={t('settings.close')} onClose={onClose}>
      <div className="settings-grid">
        <div className="field">
          <label htmlFor="setting-language">{t('settings.language')}</label>
          <select
            id="setting-language"
            className="select"
            value={language ?? i18n.language}
            onChange={async (e) => {
              const next = e.target.value as Language;
              await writeSetting('language', next);
              await i18n.changeLanguage(next);
            }}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {l === 'zh-CN' ? '简体中文' : 'English'}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="setting-region">{t('settings.phoneRegion')}</label>
          <select id="setting-region" className="select" aria-describedby="setting-region-hint" value={region} onChange={(e) => void writeSetting('defaultPhoneRegion', e.target.value)}>
            {PHONE_REGIONS.map((r) => (
              <option key={r} value={r}>
                {regionName.of(r)} ({r})
              </option>
            ))}
          </select>
          <span id="setting-region-hint" className="field-hint">
            {t('settings.phoneRegionHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor="setting-owner">{t('settings.ownerName')}</label>
          <input id="setting-owner" key={ownerName} className="input" defaultValue={ownerName} onBlur={(e) => void writeSetting('ownerName', e.target.value.trim())} />
        </div>
        <DialerSettings
          softphoneSettings={softphoneSettings}
          onSipAccountSaved={onSipAccountSaved}
          onSaved={(what) => onMessage(what === 'sipAccount' ? t('sipSettings:account.saved') : t('settings.dialerSaved'))}
        />
        <PlaybookSettings onMessage={onMessage} />
        <div className="field">
          <span className="field-label">{t('settings.demo')}</span>
          <button type="button" className="btn" onClick={onLoadDemo}>
            {t('settings.loadDemo')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
