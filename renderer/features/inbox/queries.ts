import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db';
import { inboxLists, type InboxLists } from './inboxLists';

export interface InboxData extends InboxLists {
  /** Hand-offs answered on this device whose answer the team server has not received yet. */
  readonly unsynced: ReadonlySet<string>;
}

const ANSWERS: ReadonlySet<string> = new Set(['handoff.accept', 'handoff.return']);

export async function readInbox(): Promise<InboxData> {
  const [rows, queued] = await Promise.all([db.handoffs.toArray(), db.outbox.filter((entry) => ANSWERS.has(entry.name)).toArray()]);
  const unsynced = new Set(queued.map((entry) => (entry.args as { id: string }).id));
  return { ...inboxLists(rows), unsynced };
}

/** The rep's hand-offs, live; undefined while the first read runs. */
export function useInbox(): InboxData | undefined {
  return useLiveQuery(readInbox, []);
}
