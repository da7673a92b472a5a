import { liveQuery } from 'dexie';
import type { SdrDeskDb } from '../db';
import type { SyncEngine } from './engine';

const LOCK_NAME = 'sdr-desk-sync';
const CHANNEL_NAME = 'sdr-desk-sync';
/** A burst of edits (typing a note, a wrap-up) goes out as one push shortly after it ends. */
export const CHANGE_DEBOUNCE_MS = 1500;

/**
 * Makes this window sync when it is the leader: one window at a time holds the Web Lock; when it
 * closes, the next waiting window takes over. Other windows pass "sync now" to the leader over a
 * BroadcastChannel. Where Web Locks are missing (tests in Node), the window leads alone.
 * Returns a function that stops syncing here and releases the lock.
 */
export function leadSync(db: SdrDeskDb, engine: SyncEngine): { stop: () => void; syncNow: () => void } {
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME);
  let leading = false;
  let release: (() => void) | null = null;
  const cleanups: (() => void)[] = [];

  const start = () => {
    leading = true;
    engine.resume();
    void engine.syncNow();
    const online = () => void engine.syncNow();
    window.addEventListener('online', online);
    cleanups.push(() => window.removeEventListener('online', online));
    let debounce: ReturnType<typeof setTimeout> | null = null;
    let last = -1;
    const subscription = liveQuery(() => db.outbox.count()).subscribe({
      next: (count) => {
        if (count > last && last !== -1) {
          if (debounce) clearTimeout(debounce);
          debounce = setTimeout(() => void engine.syncNow(), CHANGE_DEBOUNCE_MS);
        }
        last = count;
      },
    });
    cleanups.push(() => {
      subscription.unsubscribe();
      if (debounce) clearTimeout(debounce);
    });
  };

  if (channel) channel.onmessage = () => void (leading ? engine.syncNow() : undefined);

  const waiting = new AbortController();
  if (typeof navigator !== 'undefined' && 'locks' in navigator) {
    navigator.locks
      .request(LOCK_NAME, { signal: waiting.signal }, () => new Promise<void>((resolve) => {
        release = resolve;
        start();
      }))
      .catch(() => undefined); // aborted: this window closed before it led
  } else {
    start();
  }

  return {
    stop: () => {
      engine.stop();
      for (const cleanup of cleanups.splice(0)) cleanup();
      leading = false;
      waiting.abort();
      release?.();
      channel?.close();
    },
    syncNow: () => {
      if (leading) void engine.syncNow();
      else channel?.postMessage('syncNow');
    },
  };
}
