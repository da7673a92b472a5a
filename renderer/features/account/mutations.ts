import { db, requeueRejected } from '../../db';
import type { ServerTransport } from '../../platform/server';
import { signIn as signInHere, signOut as signOutHere, unsentCount } from '../../sync/account';

export { SignInBlockedError } from '../../sync/account';

export function signIn(transport: ServerTransport, serverUrl: string, email: string, password: string) {
  return signInHere(db, transport, serverUrl, email, password);
}

export function signOut(transport: ServerTransport): Promise<void> {
  return signOutHere(db, transport);
}

export function countUnsent(): Promise<number> {
  return unsentCount(db);
}

/** The user fixed what the server named (a clock, a lead reassigned): send the change again. */
export async function sendAgain(seq: number): Promise<void> {
  await requeueRejected(db, seq);
}

/** The user accepts the server's verdict: the change is dropped (the lead already shows the server's state). */
export async function dismissRejection(seq: number): Promise<void> {
  await db.rejections.delete(seq);
}
