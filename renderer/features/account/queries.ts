import { useLiveQuery } from 'dexie-react-hooks';
import { SETTING_DEFAULTS, SETTINGS_SCHEMAS, type SyncStatus } from '../../../shared/model/settings';
import { db } from '../../db';
import type { RejectionRow } from '../../db/schema';
import type { StoredAccount } from '../../sync/account';

export interface SyncOverview {
  readonly status: SyncStatus;
  readonly account: StoredAccount | null;
  /** Changes saved here and not yet settled by the server. */
  readonly waiting: number;
  readonly rejections: readonly (RejectionRow & { readonly company: string | null })[];
}

const EMPTY: SyncOverview = { status: SETTING_DEFAULTS.syncStatus, account: null, waiting: 0, rejections: [] };

/** Everything the sync indicator and panel show, live from IndexedDB (any window, any leader). */
export function useSyncOverview(): SyncOverview {
  return (
    useLiveQuery(async () => {
      const [statusRow, accountRow, waiting, rejections] = await Promise.all([db.settings.get('syncStatus'), db.settings.get('account'), db.outbox.count(), db.rejections.orderBy('seq').toArray()]);
      const status = SETTINGS_SCHEMAS.syncStatus.safeParse(statusRow?.value);
      const account = SETTINGS_SCHEMAS.account.safeParse(accountRow?.value);
      const leads = await db.leads.bulkGet(rejections.map((r) => r.leadId ?? ''));
      return {
        status: status.success ? status.data : SETTING_DEFAULTS.syncStatus,
        account: account.success ? account.data : null,
        waiting,
        rejections: rejections.map((r, i) => ({ ...r, company: leads[i]?.company ?? null })),
      };
    }, []) ?? EMPTY
  );
}
