import { SETTINGS_SCHEMAS, type SettingValue } from '../../shared/model/settings';
import type { SdrDeskDb } from '../db';
import type { ServerSession, ServerTransport } from '../platform/server';
import { clearSynced } from './applyPull';

export type StoredAccount = NonNullable<SettingValue<'account'>>;

/** Who is signed in on this device; a setting that does not parse counts as signed out. */
export async function storedAccount(db: SdrDeskDb): Promise<StoredAccount | null> {
  const parsed = SETTINGS_SCHEMAS.account.safeParse((await db.settings.get('account'))?.value);
  return parsed.success ? parsed.data : null;
}

/** Changes on this device the server has not settled yet, and refused ones not yet resolved. */
export async function unsentCount(db: SdrDeskDb): Promise<number> {
  return (await db.outbox.count()) + (await db.rejections.count());
}

export class SignInBlockedError extends Error {
  constructor(
    readonly otherUser: string,
    readonly unsent: number,
  ) {
    super(`This device holds ${unsent} unsent changes of ${otherUser}.`);
    this.name = 'SignInBlockedError';
  }
}

/**
 * Signs in. Work done before signing in, or while the session had expired, stays queued and is
 * sent as this account. Someone else's data is never mixed in: signing in as a different person
 * needs that person's unsent work gone first (they sign out), and their synced rows are cleared.
 */
export async function signIn(db: SdrDeskDb, transport: ServerTransport, serverUrl: string, email: string, password: string, now: number = Date.now()): Promise<ServerSession> {
  const before = await storedAccount(db);
  const session = await transport.signIn(serverUrl, email, password);
  if (before && (before.user.id !== session.user.id || before.serverUrl !== session.serverUrl)) {
    const unsent = await unsentCount(db);
    if (unsent > 0) {
      await transport.signOut();
      throw new SignInBlockedError(before.user.name, unsent);
    }
    await clearLocalData(db);
  }
  await db.transaction('rw', db.settings, async () => {
    await db.settings.put({ key: 'account', value: { serverUrl: session.serverUrl, user: session.user, signedInAt: now } satisfies StoredAccount });
    await db.settings.put({ key: 'ownerName', value: session.user.name });
    await db.settings.put({ key: 'syncStatus', value: { phase: 'syncing', lastSyncedAt: null, message: '', retryAt: null } });
  });
  return session;
}

/**
 * Signs out and deletes this device's copy of the team's data (the caller has asked the user
 * first when unsentCount() > 0: that work is lost). Device preferences stay.
 */
export async function signOut(db: SdrDeskDb, transport: ServerTransport): Promise<void> {
  await transport.signOut();
  await clearLocalData(db);
  await db.transaction('rw', db.settings, async () => {
    await db.settings.put({ key: 'account', value: null });
    await db.settings.put({ key: 'teamMembers', value: [] });
    await db.settings.put({ key: 'syncStatus', value: { phase: 'signedOut', lastSyncedAt: null, message: '', retryAt: null } });
  });
}

/** Everything of the team's and this user's; the next sign-in starts a new sync client. */
async function clearLocalData(db: SdrDeskDb): Promise<void> {
  const own = [db.outbox, db.rejections, db.syncState, db.drafts, db.importBatches, db.reviewReads, db.reviewCache];
  await db.transaction('rw', [db.leads, db.calls, db.notes, db.events, db.handoffs, db.reviews, ...own], async () => {
    await clearSynced(db);
    for (const table of own) await table.clear();
  });
}
