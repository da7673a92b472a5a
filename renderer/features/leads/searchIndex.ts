import type { LeadChange } from '../../db';
import type { SearchClause } from '../../../shared/rules/leadSearch';
import { onLeadsChanged, searchTokensOf, searchTokensPage } from './queries';
import { TokenIndex } from './tokenIndex';

const PAGE = 2000;
/** Other windows of the app tell each other which leads they wrote. */
const CHANNEL = 'sdr-desk:leads-changed';

type Wire = { readonly kind: 'put' | 'delete'; readonly ids: readonly string[] } | { readonly kind: 'all' };

/**
 * The in-memory token index's life: built in the background once the queue is on screen, kept
 * current from every committed lead write (db/leadChanges.ts) and from other windows' writes.
 * Until it is built, search falls back to the IndexedDB index, which answers the same clauses.
 */
class LeadSearchIndex {
  private index = new TokenIndex();
  private state: 'idle' | 'building' | 'ready' = 'idle';
  /** Leads written while the build reads pages: the page may hold an older copy. */
  private readonly written = new Set<string>();
  private version = 0;
  private readonly listeners = new Set<() => void>();
  private channel: BroadcastChannel | null = null;
  private watching = false;
  /** A rebuild starts a new generation; a build of an older one stops. */
  private generation = 0;

  /** Starts the background build once; later calls do nothing. */
  start(): void {
    if (this.state !== 'idle') return;
    if (!this.watching) {
      this.watching = true;
      onLeadsChanged((change) => this.applyLocal(change));
      if (typeof BroadcastChannel !== 'undefined') {
        this.channel = new BroadcastChannel(CHANNEL);
        this.channel.onmessage = (event: MessageEvent<Wire>) => void this.applyRemote(event.data);
      }
    }
    void this.build();
  }

  get ready(): boolean {
    return this.state === 'ready';
  }

  lookup(clause: SearchClause): ReadonlySet<string> {
    return this.index.lookup(clause);
  }

  /** For useSyncExternalStore: changes whenever the index's answers may have changed. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getVersion = (): number => this.version;

  private async build(): Promise<void> {
    const generation = ++this.generation;
    this.state = 'building';
    this.index = new TokenIndex();
    this.written.clear();
    let after = '';
    for (;;) {
      const page = await searchTokensPage(after, PAGE);
      if (generation !== this.generation) return;
      for (const row of page) if (!this.written.has(row.id)) this.index.set(row.id, row.searchTokens);
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.id;
    }
    this.index.prepare();
    this.state = 'ready';
    this.written.clear();
    this.bump();
  }

  private applyLocal(change: LeadChange): void {
    if (change.kind === 'all') {
      this.rebuild();
      this.channel?.postMessage({ kind: 'all' } satisfies Wire);
      return;
    }
    if (change.kind === 'put') {
      for (const row of change.rows) this.setRow(row.id, row.searchTokens);
      this.channel?.postMessage({ kind: 'put', ids: change.rows.map((r) => r.id) } satisfies Wire);
    } else {
      for (const id of change.ids) this.removeRow(id);
      this.channel?.postMessage({ kind: 'delete', ids: change.ids } satisfies Wire);
    }
    this.bump();
  }

  private async applyRemote(message: Wire): Promise<void> {
    if (message.kind === 'all') return this.rebuild();
    if (message.kind === 'delete') message.ids.forEach((id) => this.removeRow(id));
    else for (const row of await searchTokensOf(message.ids)) this.setRow(row.id, row.searchTokens);
    this.bump();
  }

  private setRow(id: string, tokens: readonly string[]): void {
    if (this.state === 'idle') return;
    this.written.add(id);
    this.index.set(id, tokens);
  }

  private removeRow(id: string): void {
    if (this.state === 'idle') return;
    this.written.add(id);
    this.index.remove(id);
  }

  private rebuild(): void {
    if (this.state === 'idle') return;
    this.state = 'idle';
    this.bump();
    this.start();
  }

  private bump(): void {
    this.version++;
    this.listeners.forEach((listener) => listener());
  }
}

export const leadSearchIndex = new LeadSearchIndex();
