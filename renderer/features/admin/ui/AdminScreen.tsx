import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServerTransport } from '../../../platform/server';
import { listTeams, listUsers, type ApiProblem, type TeamSummary, type UserSummary } from '../adminApi';
import { CreateUserForm } from './CreateUserForm';
import { ProblemBanner } from './ProblemBanner';
import { TeamSettings } from './TeamSettings';
import { TeamsSection } from './TeamsSection';
import { UsersSection } from './UsersSection';

export interface AdminScreenProps {
  readonly server: ServerTransport;
  /** Offered when the session ended (401) or the account is not an admin (403). */
  readonly onSignIn?: () => void;
}

interface Directory {
  readonly teams: readonly TeamSummary[];
  readonly users: readonly UserSummary[];
}

/**
 * The administrator's screen, online only: teams (each with its CRM webhook and playbook) and
 * users. Every change goes straight to the team server; nothing is stored on this device.
 */
export function AdminScreen({ server, onSignIn }: AdminScreenProps) {
  const { t } = useTranslation('admin');
  const [directory, setDirectory] = useState<Directory | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [loading, setLoading] = useState(true);
  const [loads, setLoads] = useState(0);
  const [managedId, setManagedId] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void Promise.all([listTeams(server), listUsers(server)]).then(([teams, users]) => {
      if (!current) return;
      setLoading(false);
      if (!teams.ok) setProblem(teams.problem);
      else if (!users.ok) setProblem(users.problem);
      else {
        setProblem(null);
        setDirectory({ teams: teams.value, users: users.value });
      }
    });
    return () => {
      current = false;
    };
  }, [server, loads]);

  const reload = () => {
    setLoading(true);
    setLoads((n) => n + 1);
  };

  const update = (change: (d: Directory) => Directory) => setDirectory((d) => (d ? change(d) : d));
  const managed = directory?.teams.find((team) => team.id === managedId) ?? null;

  return (
    <div className="lead-panel admin-screen">
      <header className="card-header">
        <h1 className="panel-title">{t('title')}</h1>
        <button type="button" className="btn" onClick={reload} disabled={loading}>
          {t('reload')}
        </button>
      </header>
      {problem ? <ProblemBanner problem={problem} onRetry={reload} onSignIn={onSignIn} /> : null}
      {loading ? (
        <p className="muted" role="status">
          {t('loading')}
        </p>
      ) : null}
      {directory ? (
        <div className="settings-grid">
          <TeamsSection
            server={server}
            teams={directory.teams}
            users={directory.users}
            managedId={managedId}
            onManage={setManagedId}
            onCreated={(team) => update((d) => ({ ...d, teams: [...d.teams, team].sort((a, b) => a.name.localeCompare(b.name)) }))}
            onProblem={setProblem}
          />
          {managed ? (
            <TeamSettings
              key={managed.id}
              server={server}
              team={managed}
              onChanged={(team) => update((d) => ({ ...d, teams: d.teams.map((x) => (x.id === team.id ? team : x)) }))}
              onClose={() => setManagedId(null)}
              onProblem={setProblem}
            />
          ) : null}
          <UsersSection users={directory.users} teams={directory.teams} />
          <CreateUserForm
            server={server}
            teams={directory.teams}
            onCreated={(user) => update((d) => ({ ...d, users: [...d.users, user].sort((a, b) => a.email.localeCompare(b.email)) }))}
            onProblem={setProblem}
          />
        </div>
      ) : null}
    </div>
  );
}
