import { useTranslation } from 'react-i18next';
import type { ServerTransport } from '../../../platform/server';
import type { ApiProblem, TeamSummary } from '../adminApi';
import { PlaybookPublish } from './PlaybookPublish';
import { WebhookForm } from './WebhookForm';

interface TeamSettingsProps {
  readonly server: ServerTransport;
  readonly team: TeamSummary;
  readonly onChanged: (team: TeamSummary) => void;
  readonly onClose: () => void;
  readonly onProblem: (problem: ApiProblem | null) => void;
}

/** One team's CRM webhook and playbook. */
export function TeamSettings({ server, team, onChanged, onClose, onProblem }: TeamSettingsProps) {
  const { t } = useTranslation('admin');
  return (
    <section className="card" aria-labelledby="admin-team-title">
      <header className="card-header">
        <h2 id="admin-team-title" className="card-title">
          {t('team.title', { name: team.name })}
        </h2>
        <button type="button" className="btn btn-ghost btn-small" onClick={onClose}>
          {t('team.close')}
        </button>
      </header>
      <div className="settings-grid">
        <WebhookForm server={server} team={team} onChanged={onChanged} onProblem={onProblem} />
        <PlaybookPublish server={server} team={team} onProblem={onProblem} />
      </div>
    </section>
  );
}
