import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServerTransport } from '../../../platform/server';
import { formatDateTime } from '../../../ui/format';
import { publishPlaybook, type ApiProblem, type FieldProblem, type TeamSummary } from '../adminApi';

/** The server takes request bodies up to 1 MiB; the JSON around the text needs a little of it. */
const MAX_FILE_BYTES = 1_000_000;

interface PlaybookPublishProps {
  readonly server: ServerTransport;
  readonly team: TeamSummary;
  readonly onProblem: (problem: ApiProblem | null) => void;
}

type Outcome =
  | { readonly kind: 'published'; readonly publishedAt: number; readonly version: number }
  | { readonly kind: 'invalid'; readonly problems: readonly FieldProblem[] }
  | { readonly kind: 'error'; readonly message: string };

/** Publishes a playbook JSON file for the team; the server checks it and names each bad path. */
export function PlaybookPublish({ server, team, onProblem }: PlaybookPublishProps) {
  const { t, i18n } = useTranslation('admin');
  const [file, setFile] = useState<{ readonly name: string; readonly size: number; readonly text: string } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    setFile(null);
    setOutcome(null);
    if (!chosen) return;
    if (chosen.size > MAX_FILE_BYTES) {
      setOutcome({ kind: 'error', message: t('team.playbookTooLarge') });
      return;
    }
    try {
      setFile({ name: chosen.name, size: chosen.size, text: await chosen.text() });
    } catch (error) {
      setOutcome({ kind: 'error', message: t('team.playbookReadFailed', { message: error instanceof Error ? error.message : String(error) }) });
    }
  };

  const publish = async () => {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    const result = await publishPlaybook(server, team.id, file.text);
    setBusy(false);
    if (result.ok) {
      onProblem(null);
      setOutcome({ kind: 'published', ...result.value });
      return;
    }
    const { problem } = result;
    if (problem.kind !== 'refused') return onProblem(problem);
    if (problem.status === 413) setOutcome({ kind: 'error', message: t('team.playbookTooLarge') });
    else if (problem.code === 'team.notFound') setOutcome({ kind: 'error', message: t('team.notFound') });
    else if (problem.fields.length > 0) setOutcome({ kind: 'invalid', problems: problem.fields });
    else setOutcome({ kind: 'error', message: t('problem.failed', { message: problem.message }) });
  };

  return (
    <form
      aria-labelledby="admin-playbook-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void publish();
      }}
    >
      <h3 id="admin-playbook-title" className="card-title">
        {t('team.playbookTitle')}
      </h3>
      <p className="field-hint">{t('team.playbookHelp')}</p>
      <div className="field">
        <label htmlFor="admin-playbook-file">{t('team.playbookFile')}</label>
        <input id="admin-playbook-file" type="file" accept=".json,application/json" onChange={(e) => void choose(e)} />
        {file ? <span className="field-hint">{t('team.playbookChosen', { name: file.name, size: Math.max(1, Math.round(file.size / 1024)) })}</span> : null}
      </div>
      <div className="row-actions" style={{ marginTop: 8 }}>
        <button type="submit" className="btn btn-primary" disabled={busy || !file}>
          {busy ? t('team.publishing') : t('team.publish')}
        </button>
      </div>
      {outcome?.kind === 'published' ? (
        <p className="field-hint" role="status">
          {t('team.published', { time: formatDateTime(outcome.publishedAt, i18n.language), version: outcome.version })}
        </p>
      ) : null}
      {outcome?.kind === 'invalid' ? (
        <div className="field-error playbook-errors" role="alert">
          <p>{t('team.playbookInvalid')}</p>
          <ul>
            {outcome.problems.map((p, i) => (
              <li key={`${i}:${p.path}`}>
                <code>{p.path}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {outcome?.kind === 'error' ? (
        <p className="field-error" role="alert">
          {outcome.message}
        </p>
      ) : null}
    </form>
  );
}
