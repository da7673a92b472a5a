import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/db';
import type { SyncEngine } from '../../../renderer/sync/engine';
import { leadSync } from '../../../renderer/sync/leader';

/** The Web Locks API as browsers implement it for one exclusive lock: granted in request order. */
function fakeLocks() {
  const queue: { grant: () => void; signal?: AbortSignal }[] = [];
  let held = false;
  const next = () => {
    while (!held && queue.length > 0) {
      const waiter = queue.shift()!;
      if (waiter.signal?.aborted) continue;
      held = true;
      waiter.grant();
    }
  };
  return {
    request(_name: string, options: { signal?: AbortSignal }, callback: () => Promise<void>): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        options.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        queue.push({
          signal: options.signal,
          grant: () =>
            void callback().then(() => {
              held = false;
              resolve();
              next();
            }),
        });
        next();
      });
    },
  };
}

function fakeEngine() {
  return { syncNow: vi.fn(async () => undefined), stop: vi.fn(), resume: vi.fn() };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('one sync leader across windows', () => {
  it('lets only the window holding the lock sync; the next one takes over when it closes', async () => {
    vi.stubGlobal('navigator', { ...navigator, locks: fakeLocks() });
    const first = fakeEngine();
    const second = fakeEngine();
    const a = leadSync(db, first as unknown as SyncEngine);
    const b = leadSync(db, second as unknown as SyncEngine);
    await vi.waitFor(() => expect(first.syncNow).toHaveBeenCalledTimes(1));
    expect(second.syncNow).not.toHaveBeenCalled();

    a.stop();
    await vi.waitFor(() => expect(second.syncNow).toHaveBeenCalledTimes(1));
    b.stop();
  });

  it('syncs again when the network comes back', async () => {
    vi.stubGlobal('navigator', { ...navigator, locks: fakeLocks() });
    const engine = fakeEngine();
    const leader = leadSync(db, engine as unknown as SyncEngine);
    await vi.waitFor(() => expect(engine.syncNow).toHaveBeenCalledTimes(1));
    window.dispatchEvent(new Event('online'));
    expect(engine.syncNow).toHaveBeenCalledTimes(2);
    leader.stop();
  });
});
