import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { projectEntities } from '../../review/projection';
import { scriptVersionsOf } from '../../review/playbookVersions';

/**
 * Review and reports: flat projections of the synced records (sync_entities keeps the JSON), so
 * the review list and the team's numbers are plain indexed SQL on both SQLite and PostgreSQL.
 * They are written in the same transaction as the records (server/review/projection.ts).
 * Also the team playbook's published versions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rv_calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('lead_id', 'text', (c) => c.notNull())
    .addColumn('sdr_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('connected', 'integer', (c) => c.notNull())
    .addColumn('talk_ms', 'bigint', (c) => c.notNull())
    .addColumn('disposition', 'text')
    .addColumn('script_id', 'text')
    .addColumn('script_version', 'integer')
    .addColumn('reviews', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_score', 'real')
    .execute();
  // The list's order and the dashboard's scans: by team and time, and by team, SDR and time.
  await db.schema.createIndex('rv_calls_team_time').on('rv_calls').columns(['team_id', 'started_at', 'id']).execute();
  await db.schema.createIndex('rv_calls_team_sdr_time').on('rv_calls').columns(['team_id', 'sdr_id', 'started_at']).execute();
  // Covering for the script insight, which reads the calls of the leads sales decided on.
  await db.schema.createIndex('rv_calls_lead').on('rv_calls').columns(['lead_id', 'started_at', 'team_id', 'script_id', 'id']).execute();

  // Calls summed per SDR and UTC day, and per team and quarter hour: the dashboard reads these
  // for the whole days of a period and only the edges from rv_calls (see teamReport.ts).
  await db.schema
    .createTable('rv_call_days')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('sdr_id', 'text', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('dials', 'integer', (c) => c.notNull())
    .addColumn('conversations', 'integer', (c) => c.notNull())
    .addColumn('talk_ms', 'bigint', (c) => c.notNull())
    .addColumn('touches', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rv_call_days_pk', ['team_id', 'day', 'sdr_id'])
    .execute();
  await db.schema
    .createTable('rv_call_quarters')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('bucket', 'bigint', (c) => c.notNull())
    .addColumn('dials', 'integer', (c) => c.notNull())
    .addColumn('conversations', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rv_call_quarters_pk', ['team_id', 'bucket'])
    .execute();

  await db.schema
    .createTable('rv_leads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('source', 'text')
    .addColumn('campaign', 'text')
    .addColumn('company', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull())
    /** ',tag1,tag2,': a tag filter is one LIKE on both databases. */
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('first_call_at', 'bigint')
    .addColumn('first_call_sdr', 'text')
    /** The newest hand-off that was not recalled: accepted | returned | pending; null: none. */
    .addColumn('outcome', 'text')
    .addColumn('mql_at', 'bigint')
    .addColumn('sql_at', 'bigint')
    .execute();
  // Covering for the funnel and speed to lead: a year of leads is read from the index alone.
  await db.schema
    .createIndex('rv_leads_team_created')
    .on('rv_leads')
    .columns(['team_id', 'created_at', 'kind', 'source', 'campaign', 'first_call_at', 'first_call_sdr', 'mql_at', 'sql_at', 'owner_id'])
    .execute();

  await db.schema
    .createTable('rv_handoffs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('lead_id', 'text', (c) => c.notNull())
    .addColumn('sdr_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'bigint')
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rv_handoffs_team_created').on('rv_handoffs').columns(['team_id', 'created_at']).execute();
  await db.schema.createIndex('rv_handoffs_lead').on('rv_handoffs').columns(['lead_id']).execute();

  await db.schema
    .createTable('rv_status')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('lead_id', 'text', (c) => c.notNull())
    .addColumn('sdr_id', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rv_status_team_at').on('rv_status').columns(['team_id', 'to_status', 'at', 'sdr_id']).execute();

  // Which questions a call answered (script insight).
  await db.schema
    .createTable('rv_answers')
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('lead_id', 'text', (c) => c.notNull())
    .addColumn('script_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rv_answers_pk', ['call_id', 'question_id'])
    .execute();
  await db.schema.createIndex('rv_answers_lead').on('rv_answers').columns(['lead_id', 'team_id', 'script_id', 'question_id']).execute();

  // Searchable text of a call: its answers (row id = call id) and each note written on it
  // (row id = note id), lower-cased, so search is one LIKE per word on either database.
  await db.schema
    .createTable('rv_texts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('call_id', 'text', (c) => c.notNull())
    /** The call's start: a search scans only the period's texts. */
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rv_texts_team_time').on('rv_texts').columns(['team_id', 'started_at']).execute();

  await db.schema
    .createTable('playbook_versions')
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('restored_from', 'integer')
    /** JSON [{id, version}] of the file's scripts. */
    .addColumn('scripts', 'text', (c) => c.notNull())
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('playbook_versions_pk', ['team_id', 'version'])
    .execute();

  await backfill(db as unknown as Kysely<Database>);
}

/** Projects what a database of the previous release already holds. */
async function backfill(db: Kysely<Database>): Promise<void> {
  const kinds = ['lead', 'call', 'note', 'event', 'handoff', 'review'] as const;
  const members = await db.selectFrom('users').select(['id', 'name', 'team_id']).execute();
  for (const kind of kinds) {
    let after = '';
    for (;;) {
      const rows = await db.selectFrom('sync_entities').selectAll().where('kind', '=', kind).where('id', '>', after).orderBy('id').limit(1000).execute();
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.id;
      await projectEntities(
        db,
        rows.map((row) => {
          const data = JSON.parse(row.data) as Record<string, unknown>;
          // Authors were not recorded before: the name on the record finds them in the team.
          const name = typeof data['sdr'] === 'string' ? data['sdr'] : typeof data['fromSdr'] === 'string' ? data['fromSdr'] : data['by'];
          const author = members.find((m) => m.team_id === row.team_id && m.name === name);
          return { kind: row.kind, id: row.id, teamId: row.team_id, leadId: row.lead_id, ownerId: row.owner_id, data, deleted: row.deleted === 1, authorId: author?.id ?? row.owner_id ?? '' };
        }),
      );
    }
  }
  // The published playbook so far becomes version 1 of each team's history.
  const playbooks = await db.selectFrom('sync_entities').select(['team_id', 'data']).where('kind', '=', 'playbook').execute();
  for (const row of playbooks) {
    const data = JSON.parse(row.data) as { text: string; publishedAt: number; by: string };
    await db.insertInto('playbook_versions').values({ team_id: row.team_id, version: 1, text: data.text, by_name: data.by, note: '', restored_from: null, scripts: JSON.stringify(scriptVersionsOf(data.text)), published_at: data.publishedAt }).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['playbook_versions', 'rv_call_quarters', 'rv_call_days', 'rv_texts', 'rv_answers', 'rv_status', 'rv_handoffs', 'rv_leads', 'rv_calls']) await db.schema.dropTable(table).execute();
}
