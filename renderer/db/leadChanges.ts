import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';

/** Lead writes that have committed: stored rows, or deleted ids; `all` when the range is unknown. */
export type LeadChange =
  | { readonly kind: 'put'; readonly rows: readonly { readonly id: string; readonly searchTokens: readonly string[] }[] }
  | { readonly kind: 'delete'; readonly ids: readonly string[] }
  | { readonly kind: 'all' };

type Listener = (change: LeadChange) => void;

/**
 * Tells in-memory views of the leads table (the search index) about every write to it, once the
 * transaction has committed: an aborted import tells nothing. Every path that writes leads goes
 * through Dexie, so nothing is missed in this window; other windows are told over a
 * BroadcastChannel by whoever listens.
 */
export function leadChangesMiddleware(listeners: Set<Listener>): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'leadChanges',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return name === 'leads' ? watchTable(table, listeners) : table;
      },
    }),
  };
}

function watchTable(table: DBCoreTable, listeners: Set<Listener>): DBCoreTable {
  return {
    ...table,
    mutate: async (req) => {
      const result = await table.mutate(req);
      const change = describe(req);
      const trans = req.trans as unknown as Partial<IDBTransaction>;
      if (change && listeners.size > 0 && typeof trans.addEventListener === 'function') {
        trans.addEventListener('complete', () => listeners.forEach((listener) => listener(change)));
      }
      return result;
    },
  };
}

function describe(req: DBCoreMutateRequest): LeadChange | null {
  switch (req.type) {
    case 'add':
    case 'put': {
      const rows = (req.values as readonly { id?: unknown; searchTokens?: unknown }[]).flatMap((v) =>
        typeof v.id === 'string' && Array.isArray(v.searchTokens) ? [{ id: v.id, searchTokens: v.searchTokens as string[] }] : [],
      );
      return rows.length === req.values.length ? { kind: 'put', rows } : { kind: 'all' };
    }
    case 'delete':
      return { kind: 'delete', ids: req.keys.map(String) };
    default:
      return { kind: 'all' };
  }
}
