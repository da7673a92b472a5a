import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaybookError } from '../../../shared/model/playbook';
import { loadPlaybookFile, resetPlaybook } from './mutations';
import { usePlaybook } from './queries';

const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Loads the team's playbook JSON (all or nothing) and shows where it was refused. */
export function PlaybookSettings({ onMessage }: { readonly onMessage: (message: string) => void }) {
  const { t } = useTranslation();
  const playbook = usePlaybook();
  const [errors, setErrors] = useState<readonly PlaybookError[]>([]);

  const load = async (file: File) => {
    if (file.size > MAX_FILE_BYTES) return setErrors([{ path: '', message: `file larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` }]);
    const result = await loadPlaybookFile(await file.text());
    if (!result.ok) return setErrors(result.errors);
    setErrors([]);
    onMessage(t('settings.playbookLoaded', { sections: result.sections.join(', ') }));
  };

  return (
    <div className="field playbook-settings">
      <span className="field-label">{t('settings.playbook')}</span>
      <span className="field-hint">{t('settings.playbookHint')}</span>
      <p>{playbook.custom.length > 0 ? t('settings.playbookCustom', { sections: playbook.custom.join(', ') }) : t('settings.playbookDefault')}</p>
      <div className="row-actions">
        <label className="btn">
          {t('settings.playbookLoad')}
          <input
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void load(file);
            }}
          />
        </label>
        {playbook.custom.length > 0 ? (
          <button type="button" className="btn btn-ghost" onClick={() => void resetPlaybook()}>
            {t('settings.playbookReset')}
          </button>
        ) : null}
      </div>
      {errors.length > 0 ? (
        <div role="alert" className="playbook-errors">
          <p className="field-error">{t('settings.playbookRefused')}</p>
          <ul>
            {errors.slice(0, 20).map((e, i) => (
              <li key={i}>
                <code>{e.path || '(file)'}</code> {e.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
