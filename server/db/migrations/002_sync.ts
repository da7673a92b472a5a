import { sql, type Kysely } from 'kysely';

/**
 * Sync: every synced record is a row of sync_entities (its JSON beside the columns that scope and
 * order it), the team's change counter, each client's last processed sequence number, the
 * mutations refused, and the CRM webhook's deliveries.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('teams').addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('teams').addColumn('crm_webhook_url', 'text').execute();
  await db.schema.alterTable('teams').addColumn('crm_webhook_secret', 'text').execute();
  await db.schema
    .createTable('sync_entities')
    // No CHECK on kind: a later release adds kinds (reviews…) without rebuilding this table,
    // which SQLite would need to change a constraint. The server's types keep kinds in line.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('lead_id', 'text')
    .addColumn('owner_id', 'text')
    .addColumn('sales_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('clocks', 'text')
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('owner_version', 'bigint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('sync_entities_pk', ['kind', 'id'])
    .execute();
  await db.schema.createIndex('sync_entities_team_version').on('sync_entities').columns(['team_id', 'version']).execute();
  await db.schema.createIndex('sync_entities_lead').on('sync_entities').columns(['lead_id', 'kind']).execute();
  await db.schema
    .createTable('sync_clients')
    .addColumn('client_id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('last_seq', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sync_rejections')
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('mutation_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('sync_rejections_pk', ['client_id', 'seq'])
    .execute();
  await db.schema
    .createTable('crm_deliveries')
    .addColumn('handoff_id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'delivered', 'failing')`))
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('last_error', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('crm_deliveries_due').on('crm_deliveries').columns(['status', 'next_attempt_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('crm_deliveries').execute();
  await db.schema.dropTable('sync_rejections').execute();
  await db.schema.dropTable('sync_clients').execute();
  await db.schema.dropTable('sync_entities').execute();
  await db.schema.alterTable('teams').dropColumn('crm_webhook_secret').execute();
  await db.schema.alterTable('teams').dropColumn('crm_webhook_url').execute();
  await db.schema.alterTable('teams').dropColumn('version').execute();
}
