import { useTranslation } from 'react-i18next';
import { useNow } from '../../app/hooks/useNow';
import { formatRecent } from '../../ui/format';
import type { SyncOverview } from './queries';

/** The header's one-glance answer to "is my work safe on the server?"; opens the sync panel. */
export function SyncIndicator({ overview, onOpen }: { readonly overview: SyncOverview; readonly onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const now = useNow(60_000);
  const { status, waiting, rejections } = overview;
  const attention = rejections.length > 0 || status.phase === 'error' || status.phase === 'sessionExpired' || status.phase === 'updateRequired';
  const admin = overview.account?.user.role === 'admin';
  const label = admin
    ? t('account.signedInAs', { name: overview.account?.user.name ?? '', role: t('account.role.admin') })
    : status.phase === 'sessionExpired'
      ? t('sync.sessionExpired')
      : status.phase === 'updateRequired'
        ? t('sync.updateRequired')
        : rejections.length > 0
          ? `${t('sync.attention')} (${rejections.length})`
          : status.phase === 'error'
            ? t('sync.error')
            : status.phase === 'syncing'
              ? t('sync.syncing')
              : status.phase === 'offline'
                ? t('sync.offline')
                : status.phase === 'signedOut'
                  ? t('sync.signedOut')
                  : status.lastSyncedAt !== null
                    ? t('sync.synced', { time: formatRecent(status.lastSyncedAt, i18n.language, now) })
                    : t('sync.neverSynced');
  const tone = admin ? 'ok' : attention ? 'attention' : status.phase === 'idle' ? 'ok' : status.phase === 'syncing' ? 'busy' : 'muted';
  return (
    <button type="button" className={`sync-indicator sync-${tone}`} onClick={onOpen} aria-label={`${t('sync.indicator')}: ${label}${waiting > 0 ? `, ${t('sync.waiting', { count: waiting })}` : ''}`}>
      <span className="status-dot" aria-hidden="true" />
      <span className="sync-label">{label}</span>
      {waiting > 0 ? <span className="sync-waiting">{t('sync.waiting', { count: waiting })}</span> : null}
    </button>
  );
}
