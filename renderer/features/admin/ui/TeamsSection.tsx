import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServerTransport } from '../../../platform/server';
import { createTeam, type ApiProblem, type TeamSummary, type UserSummary } from '../adminApi';
import { fieldMessage, problemsByField, type Message } from '../fieldErrors';

interface TeamsSectionProps {
  readonly server: ServerTransport;
  readonly teams: readonly TeamSummary[];
  readonly users: readonly UserSummary[];
  readonly managedId: string | null;
  readonly onManage: (teamId: string) => void;
  readonly onCreated: (team: TeamSummary) => void;
  /** A problem that is not about a field (no server, no session); null once a request went through. */
  readonly onProblem: (problem: ApiProblem | null) => void;
}

export function TeamsSection({ server, teams, users, managedId, onManage, onCreated, onProblem }: TeamsSectionProps) {
  const { t } = useTranslation('admin');
  const [name, setName] = useState('');
  const [error, setError] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const members = (teamId: string) => users.filter((u) => u.teamId === teamId).length;

  const submit = async () => {
    setBusy(true);
    setNotice(null);
    const result = await createTeam(server, name);
    setBusy(false);
    if (result.ok) {
      onProblem(null);
      setError(null);
      setName('');
      setNotice(t('teams.created', { name: result.value.name }));
      onCreated(result.value);
      return;
    }
    const { problem } = result;
    if (problem.kind !== 'refused') return onProblem(problem);
    const field = problemsByField(problem.fields).get('name');
    setError(field ? fieldMessage(field, name) : { key: 'fieldErrors.other', values: { message: problem.message } });
    inputRef.current?.focus();
  };

  return (
    <section className="card" aria-labelledby="admin-teams-title">
      <h2 id="admin-teams-title" className="card-title">
        {t('teams.title')}
      </h2>
      {teams.length === 0 ? (
        <p className="muted">{t('teams.none')}</p>
      ) : (
        <table className="report">
          <caption className="visually-hidden">{t('teams.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('teams.name')}</th>
              <th scope="col">{t('teams.webhook')}</th>
              <th scope="col">{t('teams.members')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('teams.manage')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {teams.map((team) => (
              <tr key={team.id}>
                <th scope="row">{team.name}</th>
                <td>{team.crmWebhookUrl ?? <span className="muted">{t('teams.webhookOff')}</span>}</td>
                <td>{members(team.id)}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={t('teams.manageTeam', { name: team.name })}
                    aria-pressed={managedId === team.id}
                    onClick={() => onManage(team.id)}
                  >
                    {t('teams.manage')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        style={{ marginTop: 12 }}
        aria-labelledby="admin-new-team-title"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void submit();
        }}
      >
        <h3 id="admin-new-team-title" className="card-title">
          {t('teams.create')}
        </h3>
        <div className="field">
          <label htmlFor="admin-team-name">{t('teams.newName')}</label>
          <div className="row-actions">
            <input
              ref={inputRef}
              id="admin-team-name"
              className="input"
              value={name}
              maxLength={120}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'admin-team-name-error' : undefined}
            />
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('teams.createButton')}
            </button>
          </div>
          {error ? (
            <span id="admin-team-name-error" className="field-error">
              {t(error.key, error.values)}
            </span>
          ) : null}
        </div>
        {notice ? (
          <p className="field-hint" role="status">
            {notice}
          </p>
        ) : null}
      </form>
    </section>
  );
}
