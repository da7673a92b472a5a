import { sql, type Selectable, type Transaction } from 'kysely';
import { ENTITY_KINDS } from '../../shared/sync/protocol';
import type { Database, EntityKindColumn, SyncEntitiesTable } from '../db/schema';
import { projectEntities } from '../review/projection';

/** A synced record as the push handler works on it: the JSON parsed, the clocks as a map. */
export interface Entity {
  readonly kind: EntityKindColumn;
  readonly id: string;
  readonly teamId: string;
  readonly leadId: string | null;
  ownerId: string | null;
  salesId: string | null;
  data: Record<string, unknown>;
  /** Leads: field → [hybrid logical clock, who wrote it]. */
  clocks: Record<string, readonly [string, string]>;
  deleted: boolean;
  /** Who created it, in the batch that created it (projections record the author; not stored). */
  authorId?: string;
}

/** Rows per multi-row insert: well under SQLite's and PostgreSQL's limits on bound parameters. */
const FLUSH_CHUNK = 500;

interface PendingWrite {
  readonly entity: Entity;
  /** Position of the mutation that wrote it last in the batch (1-based): its version offset. */
  readonly mutation: number;
  readonly ownerChanged: boolean;
}

type Deferred = { readonly mutation: number; readonly run: (trx: Transaction<Database>) => Promise<unknown> };

/**
 * The push handler's view of one team's records inside its transaction. Writes wait in memory
 * until finish(): a mutation that fails is undone by dropping its writes (no savepoints), reads
 * see the batch's own writes first, and finish() takes the team's next versions under the
 * counter's row lock and writes every row once, with its final version, in multi-row upserts.
 * Versions commit in order, so a pull never moves its cursor past a version still being written.
 */
export class TeamStore {
  private mutation = 1;
  private pending = new Map<string, PendingWrite>();
  private readonly deferred: Deferred[] = [];
  /** Rows read ahead for the batch (kind:id → row), and ids known to have no row at all. */
  private readonly known = new Map<string, Entity>();
  private readonly absent = new Set<string>();

  constructor(
    readonly trx: Transaction<Database>,
    readonly teamId: string,
  ) {}

  /** The mutation about to run (0-based); its writes get the version that belongs to this position. */
  beginMutation(index: number): void {
    this.mutation = index + 1;
  }

  /** Runs one pushed mutation: if it throws, none of its writes happen. */
  async runMutation<T>(index: number, work: () => Promise<T>): Promise<T> {
    this.beginMutation(index);
    const before = new Map(this.pending);
    const deferred = this.deferred.length;
    try {
      return await work();
    } catch (error) {
      this.pending = before;
      this.deferred.length = deferred;
      throw error;
    }
  }

  /** A write beside the synced records (the CRM queue), made at finish() if its mutation applied. */
  defer(run: Deferred['run']): void {
    this.deferred.push({ mutation: this.mutation, run });
  }

  /**
   * Reads the rows a batch will touch in a few queries instead of one per mutation. Reads after
   * this are answered from memory; the batch's own writes still come first.
   */
  async readAhead(ids: Iterable<string>): Promise<void> {
    const wanted = [...new Set(ids)].filter((id) => !this.absent.has(id));
    for (let i = 0; i < wanted.length; i += FLUSH_CHUNK) {
      const chunk = wanted.slice(i, i + FLUSH_CHUNK);
      // Naming every kind lets the (kind, id) primary key answer: id alone has no index.
      const rows = await this.trx.selectFrom('sync_entities').selectAll().where('kind', 'in', ENTITY_KINDS).where('id', 'in', chunk).execute();
      const found = new Set<string>();
      for (const row of rows) {
        this.known.set(key(row.kind, row.id), toEntity(row));
        found.add(row.id);
      }
      for (const id of chunk) if (!found.has(id)) this.absent.add(id);
    }
  }

  async get(kind: EntityKindColumn, id: string): Promise<Entity | null> {
    const pending = this.pending.get(key(kind, id));
    if (pending) return { ...pending.entity };
    const known = this.known.get(key(kind, id));
    if (known) return { ...known };
    if (this.absent.has(id)) return null;
    const row = await this.trx.selectFrom('sync_entities').selectAll().where('kind', '=', kind).where('id', '=', id).executeTakeFirst();
    return row ? toEntity(row) : null;
  }

  /** The account that placed a call, from the review projection. */
  async callAuthor(callId: string): Promise<string | null> {
    const row = await this.trx.selectFrom('rv_calls').select('sdr_id').where('id', '=', callId).executeTakeFirst();
    return row?.sdr_id ?? null;
  }

  async exists(kind: EntityKindColumn, id: string): Promise<boolean> {
    if (this.pending.has(key(kind, id)) || this.known.has(key(kind, id))) return true;
    if (this.absent.has(id)) return false;
    return (await this.trx.selectFrom('sync_entities').select('team_id').where('kind', '=', kind).where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  async byLead(kind: EntityKindColumn, leadId: string): Promise<Entity[]> {
    const rows = await this.trx.selectFrom('sync_entities').selectAll().where('lead_id', '=', leadId).where('kind', '=', kind).where('team_id', '=', this.teamId).execute();
    const found = new Map(rows.map((row) => [key(row.kind, row.id), toEntity(row)]));
    for (const [k, write] of this.pending) {
      if (write.entity.kind === kind && write.entity.leadId === leadId && write.entity.teamId === this.teamId) found.set(k, { ...write.entity });
    }
    return [...found.values()];
  }

  // Async so callers need not know writes are buffered.
  async put(entity: Entity, options: { ownerChanged?: boolean } = {}): Promise<void> {
    const k = key(entity.kind, entity.id);
    const ownerChanged = (options.ownerChanged ?? false) || (this.pending.get(k)?.ownerChanged ?? false);
    this.pending.set(k, { entity: { ...entity }, mutation: this.mutation, ownerChanged });
  }

  /**
   * Writes the batch: takes `mutations` numbers after the team's counter (one per mutation) and
   * stores each row with the number of the mutation that last wrote it. Returns the team's new
   * version, or null when nothing was written.
   */
  async finish(mutations: number): Promise<number | null> {
    if (this.pending.size === 0 && this.deferred.length === 0) return null;
    const { version: end } = await this.trx
      .updateTable('teams')
      .set((eb) => ({ version: eb('version', '+', mutations) }))
      .where('id', '=', this.teamId)
      .returning('version')
      .executeTakeFirstOrThrow();
    const base = end - mutations;
    const rows = [...this.pending.values()].map(({ entity, mutation, ownerChanged }) => ({
      kind: entity.kind,
      id: entity.id,
      team_id: entity.teamId,
      lead_id: entity.leadId,
      owner_id: entity.ownerId,
      sales_id: entity.salesId,
      data: JSON.stringify(entity.data),
      clocks: Object.keys(entity.clocks).length > 0 ? JSON.stringify(entity.clocks) : null,
      deleted: entity.deleted ? 1 : 0,
      version: base + mutation,
      // 0: the owner did not change here, keep the stored value (see the update below).
      owner_version: ownerChanged ? base + mutation : 0,
    }));
    for (let i = 0; i < rows.length; i += FLUSH_CHUNK) {
      await this.trx
        .insertInto('sync_entities')
        .values(rows.slice(i, i + FLUSH_CHUNK))
        .onConflict((oc) =>
          oc.columns(['kind', 'id']).doUpdateSet({
            owner_id: (eb) => eb.ref('excluded.owner_id'),
            sales_id: (eb) => eb.ref('excluded.sales_id'),
            data: (eb) => eb.ref('excluded.data'),
            clocks: (eb) => eb.ref('excluded.clocks'),
            deleted: (eb) => eb.ref('excluded.deleted'),
            version: (eb) => eb.ref('excluded.version'),
            owner_version: sql<number>`case when excluded.owner_version > 0 then excluded.owner_version else sync_entities.owner_version end`,
          }),
        )
        .execute();
    }
    await projectEntities(
      this.trx,
      [...this.pending.values()].map(({ entity }) => ({
        kind: entity.kind,
        id: entity.id,
        teamId: entity.teamId,
        leadId: entity.leadId,
        ownerId: entity.ownerId,
        data: entity.data,
        deleted: entity.deleted,
        authorId: entity.authorId,
        before: this.known.get(key(entity.kind, entity.id)),
      })),
    );
    for (const { run } of this.deferred) await run(this.trx);
    this.pending.clear();
    this.deferred.length = 0;
    return end;
  }
}

const key = (kind: string, id: string) => `${kind}:${id}`;

function toEntity(row: Selectable<SyncEntitiesTable>): Entity {
  return {
    kind: row.kind,
    id: row.id,
    teamId: row.team_id,
    leadId: row.lead_id,
    ownerId: row.owner_id,
    salesId: row.sales_id,
    data: JSON.parse(row.data) as Record<string, unknown>,
    clocks: row.clocks ? (JSON.parse(row.clocks) as Record<string, readonly [string, string]>) : {},
    deleted: row.deleted === 1,
  };
}
