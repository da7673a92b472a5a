/**
 * Functions that run inside the page (passed to page.evaluate): they must be self-contained, with
 * no imports and no closures over Node values.
 */

export interface RawPutResult {
  readonly ms: number;
}

/** Raw IndexedDB: put rows into a store in one transaction; the floor for writes. */
export async function rawPut(args: { dbName: string; store: string; rows: unknown[]; version?: number; indexes?: [string, string | string[], boolean][] }): Promise<RawPutResult> {
  const open = (): Promise<IDBDatabase> =>
    new Promise((resolve, reject) => {
      const request = args.version ? indexedDB.open(args.dbName, args.version) : indexedDB.open(args.dbName);
      request.onupgradeneeded = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains(args.store)) {
          const store = db.createObjectStore(args.store, { keyPath: 'id' });
          for (const [name, keyPath, multiEntry] of args.indexes ?? []) store.createIndex(name, keyPath, { multiEntry });
        }
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const db = await open();
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(args.store, 'readwrite', { durability: 'strict' });
    const store = tx.objectStore(args.store);
    for (const row of args.rows) store.put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - started;
  db.close();
  return { ms };
}

/** Raw IndexedDB getAll of a whole store: the floor for showing the queue. */
export async function rawGetAll(args: { dbName: string; store: string }): Promise<{ ms: number; count: number }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(args.dbName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const started = performance.now();
  const rows = await new Promise<unknown[]>((resolve, reject) => {
    const request = db.transaction(args.store).objectStore(args.store).getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const ms = performance.now() - started;
  db.close();
  return { ms, count: rows.length };
}

/** Raw index key lookups (exact, or prefix when the token ends with '*'), intersected: the floor for search and filters. */
export async function rawIndexLookups(args: { dbName: string; lookups: [string, string][][] }): Promise<number[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(args.dbName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const times: number[] = [];
  for (const lookup of args.lookups) {
    const started = performance.now();
    const tx = db.transaction('leads');
    await Promise.all(
      lookup.map(
        ([index, key]) =>
          new Promise((resolve, reject) => {
            const range = key.endsWith('*') ? IDBKeyRange.bound(key.slice(0, -1), key.slice(0, -1) + '\uffff') : IDBKeyRange.only(key);
            const request = tx.objectStore('leads').index(index).getAllKeys(range);
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          }),
      ),
    );
    times.push(performance.now() - started);
  }
  db.close();
  return times;
}

/**
 * Types each query into the search box the way an input event does and times until the list
 * shows that query's results, its rows loaded.
 */
export async function timeSearches(queries: string[]): Promise<{ query: string; ms: number; count: number }[]> {
  const input = document.querySelector<HTMLInputElement>('input[type=search]')!;
  const list = document.querySelector<HTMLElement>('[role=listbox]')!;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  const settled = (query: string) =>
    list.getAttribute('data-results-for') === query &&
    list.getAttribute('aria-busy') === 'false' &&
    !list.querySelector('[role=option][aria-busy=true]');
  const waitFor = (query: string) =>
    new Promise<void>((resolve) => {
      const check = () => (settled(query) ? resolve() : requestAnimationFrame(check));
      check();
    });
  const results: { query: string; ms: number; count: number }[] = [];
  for (const query of queries) {
    setValue.call(input, '');
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await waitFor('');
    const started = performance.now();
    setValue.call(input, query);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await waitFor(query);
    results.push({ query, ms: performance.now() - started, count: list.querySelectorAll('[role=option]').length });
  }
  return results;
}

/** Picks each filter value in turn and times until the list answers it. */
export async function timeFilters(choices: { label: string; value: string }[]): Promise<number[]> {
  const list = document.querySelector<HTMLElement>('[role=listbox]')!;
  const times: number[] = [];
  for (const choice of choices) {
    const select = document.querySelector<HTMLSelectElement>(`select[aria-label="${choice.label}"]`)!;
    const before = list.getAttribute('data-filters-for');
    const started = performance.now();
    select.value = choice.value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise<void>((resolve) => {
      const check = () =>
        list.getAttribute('data-filters-for') !== before && list.getAttribute('aria-busy') === 'false' && !list.querySelector('[role=option][aria-busy=true]')
          ? resolve()
          : requestAnimationFrame(check);
      check();
    });
    times.push(performance.now() - started);
    select.value = '';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise<void>((resolve) => {
      const check = () => (list.getAttribute('aria-busy') === 'false' ? resolve() : requestAnimationFrame(check));
      check();
    });
  }
  return times;
}
