import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { formatDateTime } from '../../ui/format';
import type { ServerTransport } from '../../platform/server';
import { countUnsent, dismissRejection, sendAgain, signOut } from './mutations';
import type { SyncOverview } from './queries';

interface SyncPanelProps {
  readonly overview: SyncOverview;
  readonly transport: ServerTransport;
  readonly onSyncNow: () => void;
  readonly onSignIn: () => void;
  readonly onClose: () => void;
}

/** Where "needs attention" is resolved: each refused change with the server's reason. */
export function SyncPanel({ overview, transport, onSyncNow, onSignIn, onClose }: SyncPanelProps) {
  const { t, i18n } = useTranslation();
  const { status, account, waiting, rejections } = overview;
  const [confirmUnsent, setConfirmUnsent] = useState<number | null>(null);

  const askSignOut = async () => setConfirmUnsent(await countUnsent());

  if (confirmUnsent !== null) {
    return (
      <Dialog title={t('account.signOutTitle')} closeLabel={t('sync.close')} onClose={() => setConfirmUnsent(null)}>
        <p className={confirmUnsent > 0 ? 'form-error' : undefined} role={confirmUnsent > 0 ? 'alert' : undefined}>
          {confirmUnsent > 0 ? t('account.signOutUnsent', { count: confirmUnsent }) : t('account.signOutClean')}
        </p>
        <div className="dialog-actions">
          <button type="button" className="btn" data-autofocus onClick={() => setConfirmUnsent(null)}>
            {t('account.cancel')}
          </button>
          <button
            type="button"
            className={`btn ${confirmUnsent > 0 ? 'btn-danger' : 'btn-primary'}`}
            onClick={() => {
              void signOut(transport).then(onClose);
            }}
          >
            {confirmUnsent > 0 ? t('account.signOutAnyway') : t('account.signOutConfirm')}
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={t('sync.panelTitle')} closeLabel={t('sync.close')} onClose={onClose}>
      <div className="sync-panel">
        <section className="sync-account" aria-label={t('account.signIn')}>
          {account ? (
            <>
              <p>
                <strong>{t('account.signedInAs', { name: account.user.name, role: t(`account.role.${account.user.role}`) })}</strong>
                <br />
                <span className="muted">
                  {account.user.email} · {account.serverUrl}
                </span>
              </p>
              <div className="dialog-actions">
                {status.phase === 'sessionExpired' ? (
                  <button type="button" className="btn btn-primary" onClick={onSignIn}>
                    {t('account.signIn')}
                  </button>
                ) : null}
                <button type="button" className="btn" onClick={() => void askSignOut()}>
                  {t('account.signOut')}
                </button>
              </div>
            </>
          ) : (
            <button type="button" className="btn btn-primary" onClick={onSignIn} data-autofocus>
              {t('account.signIn')}
            </button>
          )}
        </section>
        <dl className="sync-facts">
          <dt>{t('sync.lastSynced')}</dt>
          <dd>{status.lastSyncedAt !== null ? formatDateTime(status.lastSyncedAt, i18n.language) : t('sync.never')}</dd>
          <dt>{t('sync.queued')}</dt>
          <dd>{t('sync.waiting', { count: waiting })}</dd>
        </dl>
        <p className="muted">{t('sync.queuedHint')}</p>
        {status.message ? (
          <p className="form-error" role="alert">
            {status.message}
            {status.retryAt !== null ? ` · ${t('sync.nextTry', { time: formatDateTime(status.retryAt, i18n.language) })}` : ''}
          </p>
        ) : null}
        {account ? (
          <button type="button" className="btn" onClick={onSyncNow} disabled={status.phase === 'syncing'}>
            ⟳ {t('sync.syncNow')}
          </button>
        ) : null}
        <section aria-labelledby="sync-rejected-title">
          <h3 id="sync-rejected-title" className="card-title">
            {t('sync.rejectedTitle')}
          </h3>
          {rejections.length === 0 ? (
            <p className="muted">{t('sync.noneRejected')}</p>
          ) : (
            <>
              <p className="muted">{t('sync.rejectedHint')}</p>
              <ul className="sync-rejections">
                {rejections.map((r) => {
                  const what = t(`sync.mutation.${r.name}`, { defaultValue: r.name });
                  const lead = r.company ?? t('sync.unknownLead');
                  return (
                    <li key={r.seq} aria-label={t('sync.rejectedItem', { what, lead })}>
                      <p>
                        <strong>{t('sync.rejectedItem', { what, lead })}</strong> <span className="muted">{formatDateTime(r.createdAt, i18n.language)}</span>
                      </p>
                      <p className="sync-reason">{r.message}</p>
                      <div className="dialog-actions">
                        <button type="button" className="btn" onClick={() => void sendAgain(r.seq).then(onSyncNow)}>
                          {t('sync.sendAgain')}
                        </button>
                        <button type="button" className="btn btn-ghost" onClick={() => void dismissRejection(r.seq)}>
                          {t('sync.discard')}
                        </button>
                      </div>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </section>
      </div>
    </Dialog>
  );
}
