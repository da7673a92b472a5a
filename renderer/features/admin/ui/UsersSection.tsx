import { useTranslation } from 'react-i18next';
import type { TeamSummary, UserSummary } from '../adminApi';

export function UsersSection({ users, teams }: { readonly users: readonly UserSummary[]; readonly teams: readonly TeamSummary[] }) {
  const { t } = useTranslation('admin');
  const teamName = (id: string | null) => (id === null ? t('users.noTeam') : (teams.find((team) => team.id === id)?.name ?? id));
  return (
    <section className="card" aria-labelledby="admin-users-title">
      <h2 id="admin-users-title" className="card-title">
        {t('users.title')}
      </h2>
      {users.length === 0 ? (
        <p className="muted">{t('users.none')}</p>
      ) : (
        <table className="report">
          <caption className="visually-hidden">{t('users.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.email')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.team')}</th>
              <th scope="col">{t('users.status')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className={user.disabled ? 'muted' : undefined}>
                <th scope="row">{user.name}</th>
                <td>{user.email}</td>
                <td>{t(`roles.${user.role}`)}</td>
                <td>{teamName(user.teamId)}</td>
                <td>{user.disabled ? t('users.disabled') : t('users.active')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
