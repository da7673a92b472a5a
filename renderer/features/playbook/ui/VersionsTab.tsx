import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaybookVersionSummary } from '../../../../shared/api/playbook';
import type { ServerTransport } from '../../../platform/server';
import type { ApiProblem } from '../../../platform/serverApi';
import { Dialog } from '../../../ui/Dialog';
import { formatDateTime } from '../../../ui/format';
import { getPlaybookVersion, listPlaybookVersions, restorePlaybookVersion } from '../editor/playbookApi';
import { loadPlaybookFile } from '../mutations';
import { serverProblemText } from './serverProblem';

interface VersionsTabProps {
  readonly server: ServerTransport;
  readonly teamId: string;
}

interface VersionList {
  readonly current: number | null;
  readonly versions: readonly PlaybookVersionSummary[];
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    // Shown as stored: the point is to read what was published, even if it is not JSON.
    return text;
  }
}

/** Every version the team published, newest first: read one, or publish an old one again. */
export function VersionsTab({ server, teamId }: VersionsTabProps) {
  const { t, i18n } = useTranslation('playbookEditor');
  const [list, setList] = useState<VersionList | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [loads, setLoads] = useState(0);
  const [viewing, setViewing] = useState<{ readonly version: number; readonly text: string } | null>(null);
  const [restoring, setRestoring] = useState<PlaybookVersionSummary | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void listPlaybookVersions(server, teamId).then((result) => {
      if (!current) return;
      if (result.ok) {
        setList(result.value);
        setProblem(null);
      } else setProblem(result.problem);
    });
    return () => {
      current = false;
    };
  }, [server, teamId, loads]);

  const view = async (version: number) => {
    const result = await getPlaybookVersion(server, teamId, version);
    if (result.ok) setViewing({ version, text: prettyJson(result.value.text) });
    else setProblem(result.problem);
  };

  const restored = async (from: number, version: number) => {
    setRestoring(null);
    setNotice(t('versions.restored', { from, version }));
    setLoads((n) => n + 1);
    // Sync brings the restored version to every device; this one uses it at once.
    const detail = await getPlaybookVersion(server, teamId, version);
    if (detail.ok) await loadPlaybookFile(detail.value.text);
  };

  return (
    <section className="pbe-panel" aria-labelledby="pbe-versions-title">
      <header className="pbe-panel-header pbe-panel-header-row">
        <div>
          <h2 id="pbe-versions-title">{t('versions.title')}</h2>
          <p className="field-hint">{t('versions.help')}</p>
        </div>
        <button type="button" className="btn btn-small" onClick={() => setLoads((n) => n + 1)}>
          {t('versions.reload')}
        </button>
      </header>
      {notice ? (
        <p className="pbe-notice" role="status">
          {notice}
        </p>
      ) : null}
      {problem ? (
        <p className="form-error" role="alert">
          {serverProblemText(problem, t)}
        </p>
      ) : null}
      {list === null && problem === null ? (
        <p className="muted" role="status">
          {t('versions.loading')}
        </p>
      ) : null}
      {list && list.versions.length === 0 ? <p className="muted">{t('versions.none')}</p> : null}
      {list && list.versions.length > 0 ? (
        <table className="report pbe-versions">
          <caption className="visually-hidden">{t('versions.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('versions.version')}</th>
              <th scope="col">{t('versions.when')}</th>
              <th scope="col">{t('versions.by')}</th>
              <th scope="col">{t('versions.note')}</th>
              <th scope="col">{t('versions.scripts')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('versions.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.versions.map((v) => (
              <tr key={v.version}>
                <th scope="row">
                  v{v.version} {v.version === list.current ? <span className="badge badge-tag">{t('versions.current')}</span> : null}
                </th>
                <td>{formatDateTime(v.publishedAt, i18n.language)}</td>
                <td>{v.by}</td>
                <td>
                  {v.note}
                  {v.restoredFrom !== null ? <span className="field-hint"> {t('versions.restoredFrom', { version: v.restoredFrom })}</span> : null}
                </td>
                <td className="pbe-version-scripts">{v.scripts.map((s) => `${s.id} v${s.version}`).join(', ')}</td>
                <td>
                  <div className="row-actions">
                    <button type="button" className="btn btn-small" onClick={() => void view(v.version)}>
                      {t('versions.view', { version: v.version })}
                    </button>
                    {v.version === list.current ? null : (
                      <button type="button" className="btn btn-small" onClick={() => setRestoring(v)}>
                        {t('versions.restore', { version: v.version })}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {viewing ? (
        <Dialog title={t('versions.viewTitle', { version: viewing.version })} closeLabel={t('close')} onClose={() => setViewing(null)} wide>
          <textarea className="input pbe-json" readOnly rows={24} aria-label={t('versions.json', { version: viewing.version })} value={viewing.text} />
        </Dialog>
      ) : null}
      {restoring ? (
        <RestoreDialog server={server} teamId={teamId} version={restoring.version} onClose={() => setRestoring(null)} onRestored={(version) => void restored(restoring.version, version)} />
      ) : null}
    </section>
  );
}

function RestoreDialog({
  server,
  teamId,
  version,
  onClose,
  onRestored,
}: {
  readonly server: ServerTransport;
  readonly teamId: string;
  readonly version: number;
  readonly onClose: () => void;
  readonly onRestored: (version: number) => void;
}) {
  const { t } = useTranslation('playbookEditor');
  const noteId = useId();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const restore = async () => {
    setBusy(true);
    const result = await restorePlaybookVersion(server, teamId, version, note);
    setBusy(false);
    if (result.ok) onRestored(result.value.version);
    else setProblem(result.problem);
  };
  return (
    <Dialog
      title={t('versions.restoreTitle', { version })}
      closeLabel={t('close')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void restore()}>
            {t('versions.confirmRestore', { version })}
          </button>
        </>
      }
    >
      <p>{t('versions.restoreExplain', { version })}</p>
      <div className="field">
        <label htmlFor={noteId}>{t('publish.note')}</label>
        <input id={noteId} className="input" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      </div>
      {problem ? (
        <p className="form-error" role="alert">
          {serverProblemText(problem, t)}
        </p>
      ) : null}
    </Dialog>
  );
}
