/**
 * Page functions for the call desk's figures (passed to page.evaluate): self-contained, no imports
 * and no closures over Node values, like pageProbes.ts.
 */

/**
 * Clicks the hand-off button of the lead on screen and times until its 'Hand-off status' with the
 * given text is in the DOM: the mutation's commit, the live queries and React's render together.
 */
export async function timeHandoffClick(args: { button: string; statusLabel: string; statusText: string }): Promise<number> {
  const button = [...document.querySelectorAll<HTMLButtonElement>('form button[type=submit]')].find((b) => b.textContent?.trim() === args.button);
  if (!button || button.disabled) throw new Error(`no enabled "${args.button}" button`);
  const shown = () => [...document.querySelectorAll(`[role=status][aria-label="${args.statusLabel}"]`)].some((s) => s.textContent?.includes(args.statusText));
  if (shown()) throw new Error('the hand-off status shows before the click');
  return new Promise<number>((resolve, reject) => {
    let started = 0;
    const timeout = setTimeout(() => {
      observer.disconnect();
      reject(new Error('no hand-off status after 10 s'));
    }, 10_000);
    const observer = new MutationObserver(() => {
      if (!shown()) return;
      const ms = performance.now() - started;
      observer.disconnect();
      clearTimeout(timeout);
      resolve(ms);
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    started = performance.now();
    button.click();
  });
}

/** Raw IndexedDB: one small row per transaction with strict durability, `count` times; the floor for one user write. */
export async function rawSingleDurablePuts(args: { dbName: string; count: number }): Promise<number[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(args.dbName, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('rows', { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const times: number[] = [];
  for (let i = 0; i < args.count; i++) {
    const row = { id: `${Date.now()}-${i}`, leadId: crypto.randomUUID(), status: 'queued', at: Date.now() };
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('rows', 'readwrite', { durability: 'strict' });
      tx.objectStore('rows').put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    times.push(performance.now() - started);
  }
  db.close();
  return times;
}

export interface KeystrokeTimes {
  /** Main-thread time of each keystroke's input event, dispatch to return. */
  readonly ms: number[];
  readonly longTasks: number;
  readonly longTaskMs: number;
}

/**
 * Types `text` one character at a time into a textarea the way an input event does: the native
 * value setter, then a bubbling 'input' event (React's onChange runs inside the dispatch), timing
 * each dispatch. A pause between keystrokes lets timers (the draft autosave) run as they would
 * while a person types. `selector` null types into a plain textarea with no listeners: the floor.
 */
export async function timeKeystrokes(args: { selector: string | null; text: string; pauseMs: number }): Promise<KeystrokeTimes> {
  let target: HTMLTextAreaElement;
  let plain: HTMLTextAreaElement | null = null;
  if (args.selector === null) {
    plain = document.createElement('textarea');
    plain.rows = 4;
    document.body.append(plain);
    target = plain;
  } else {
    const found = document.querySelector<HTMLTextAreaElement>(args.selector);
    if (!found) throw new Error(`no textarea ${args.selector}`);
    target = found;
  }
  target.focus();
  const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
  let longTasks = 0;
  let longTaskMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longTasks += 1;
      longTaskMs += entry.duration;
    }
  });
  observer.observe({ type: 'longtask' });
  const ms: number[] = [];
  for (const char of args.text) {
    const started = performance.now();
    setValue.call(target, target.value + char);
    target.dispatchEvent(new Event('input', { bubbles: true }));
    ms.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, args.pauseMs));
  }
  // Long tasks are reported after they end: let the last ones arrive.
  await new Promise((resolve) => setTimeout(resolve, 100));
  for (const entry of observer.takeRecords()) {
    longTasks += 1;
    longTaskMs += entry.duration;
  }
  observer.disconnect();
  if (args.selector !== null && target.value !== args.text) throw new Error(`the textarea holds ${target.value.length} characters, not ${args.text.length}`);
  plain?.remove();
  return { ms, longTasks, longTaskMs };
}

type TrackedWindow = Window & { __idbActive?: number; __idbLastDone?: number };

/**
 * An init script: counts IndexedDB transactions in flight, so a measurement can start from a desk
 * at rest instead of inside the live queries the previous step set off.
 */
export function trackIndexedDbActivity(): void {
  const w = window as TrackedWindow;
  w.__idbActive = 0;
  w.__idbLastDone = performance.now();
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const tx = transaction.apply(this, args);
    w.__idbActive! += 1;
    const done = () => {
      w.__idbActive! -= 1;
      w.__idbLastDone = performance.now();
    };
    tx.addEventListener('complete', done);
    tx.addEventListener('abort', done);
    return tx;
  };
}

/** Resolves once no IndexedDB transaction has been in flight for `quietMs` (needs trackIndexedDbActivity). */
export async function indexedDbSettled(args: { quietMs: number; timeoutMs: number }): Promise<void> {
  const w = window as TrackedWindow;
  if (w.__idbActive === undefined) throw new Error('trackIndexedDbActivity is not installed');
  const started = performance.now();
  while (w.__idbActive > 0 || performance.now() - w.__idbLastDone! < args.quietMs) {
    if (performance.now() - started > args.timeoutMs) throw new Error(`IndexedDB still busy after ${args.timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
