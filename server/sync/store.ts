import { PostgresAdapter, sql, type Selectable, type Transaction } from 'kysely';
import type { Database, EntityKindColumn, SyncEntitiesTable } from '../db/schema';

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
}

const PENDING_MARK = 0;

/**
 * The push handler's view of one team's records inside its transaction. Writes carry a negative
 * placeholder version (minus the mutation's position in the batch); finish() takes the team's
 * next versions under the counter's row lock and swaps them in with one statement, so that lock
 * is held only for the end of the transaction and versions commit in order (a pull never moves
 * its cursor past a version still being written).
 */
export class TeamStore {
  private mutationIndex = PENDING_MARK;
  private wrote = false;
  /** Inside runMutation(): a savepoint is opened before the mutation's first write. */
  private inMutation = false;
  private savepointOpen = false;

  constructor(
    readonly trx: Transaction<Database>,
    readonly teamId: string,
  ) {}

  /** The mutation about to run; its writes get the version that belongs to this position. */
  beginMutation(index: number): void {
    this.mutationIndex = index + 1;
  }

  /**
   * Runs one pushed mutation: a mutation that fails leaves no trace of its writes. The savepoint
   * is opened only before the first write, so the many mutations refused while still reading,
   * and the reads before a write, cost no savepoint round trips.
   */
  async runMutation<T>(index: number, work: () => Promise<T>): Promise<T> {
    this.beginMutation(index);
    this.inMutation = true;
    try {
      const result = await work();
      if (this.savepointOpen) await sql`release savepoint mutation`.execute(this.trx);
      return result;
    } catch (error) {
      if (this.savepointOpen) {
        await sql`rollback to savepoint mutation`.execute(this.trx);
        await sql`release savepoint mutation`.execute(this.trx);
      }
      throw error;
    } finally {
      this.inMutation = false;
      this.savepointOpen = false;
    }
  }

  /** Every write of a mutation, in this store or beside it (the CRM queue), calls this first. */
  async beforeWrite(): Promise<void> {
    if (!this.inMutation || this.savepointOpen) return;
    await sql`savepoint mutation`.execute(this.trx);
    this.savepointOpen = true;
  }

  async get(kind: EntityKindColumn, id: string): Promise<Entity | null> {
    const row = await this.trx.selectFrom('sync_entities').selectAll().where('kind', '=', kind).where('id', '=', id).executeTakeFirst();
    return row ? toEntity(row) : null;
  }

  async exists(kind: EntityKindColumn, id: string): Promise<boolean> {
    return (await this.trx.selectFrom('sync_entities').select('team_id').where('kind', '=', kind).where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  async byLead(kind: EntityKindColumn, leadId: string): Promise<Entity[]> {
    const rows = await this.trx.selectFrom('sync_entities').selectAll().where('lead_id', '=', leadId).where('kind', '=', kind).where('team_id', '=', this.teamId).execute();
    return rows.map(toEntity);
  }

  async put(entity: Entity, options: { ownerChanged?: boolean } = {}): Promise<void> {
    await this.beforeWrite();
    const version = -this.mutationIndex;
    const row = {
      kind: entity.kind,
      id: entity.id,
      team_id: entity.teamId,
      lead_id: entity.leadId,
      owner_id: entity.ownerId,
      sales_id: entity.salesId,
      data: JSON.stringify(entity.data),
      clocks: Object.keys(entity.clocks).length > 0 ? JSON.stringify(entity.clocks) : null,
      deleted: entity.deleted ? 1 : 0,
      version,
      ...(options.ownerChanged ? { owner_version: version } : {}),
    };
    await this.trx
      .insertInto('sync_entities')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['kind', 'id']).doUpdateSet({
          owner_id: row.owner_id,
          sales_id: row.sales_id,
          data: row.data,
          clocks: row.clocks,
          deleted: row.deleted,
          version,
          ...(options.ownerChanged ? { owner_version: version } : {}),
        }),
      )
      .execute();
    this.wrote = true;
  }

  /**
   * Gives this transaction's writes their versions: `mutations` numbers after the team's counter,
   * one per mutation of the batch. Returns the team's new version.
   */
  async finish(mutations: number): Promise<number | null> {
    if (!this.wrote) return null;
    if (this.trx.getExecutor().adapter instanceof PostgresAdapter) {
      // PostgreSQL: the counter and the swap in one statement, so the counter's row lock, which
      // every push of the team waits for, is held for this round trip and the commit only.
      const { rows } = await sql<{ version: number }>`with counter as (update teams set version = version + ${mutations} where id = ${this.teamId} returning version),
        swapped as (update sync_entities set version = counter.version - ${mutations} - sync_entities.version, owner_version = case when sync_entities.owner_version < 0 then counter.version - ${mutations} - sync_entities.owner_version else sync_entities.owner_version end
          from counter where sync_entities.team_id = ${this.teamId} and sync_entities.version < 0 returning 1)
        select version from counter`.execute(this.trx);
      if (!rows[0]) throw new Error(`Team ${this.teamId} has no change counter.`);
      return rows[0].version;
    }
    const { version: end } = await this.trx
      .updateTable('teams')
      .set((eb) => ({ version: eb('version', '+', mutations) }))
      .where('id', '=', this.teamId)
      .returning('version')
      .executeTakeFirstOrThrow();
    const base = end - mutations;
    // A negative owner_version was written by put() in this transaction, with a negative version:
    // one range of the (team_id, version) index finds every pending row, whatever the team's size.
    await sql`update sync_entities set version = ${base} - version, owner_version = case when owner_version < 0 then ${base} - owner_version else owner_version end where team_id = ${this.teamId} and version < 0`.execute(this.trx);
    return end;
  }
}

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
