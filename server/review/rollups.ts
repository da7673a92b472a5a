import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema';

export const DAY_MS = 86_400_000;
export const QUARTER_MS = 900_000;

type Db = Kysely<Database> | Transaction<Database>;

const sums = sql`sum(case when channel = 'phone' then 1 else 0 end) as dials,
  sum(case when channel = 'phone' and connected = 1 then 1 else 0 end) as conversations`;
const daySums = sql`${sums},
  sum(case when channel = 'phone' then talk_ms else 0 end) as talk_ms,
  sum(case when channel = 'phone' then 0 else 1 end) as touches`;

/**
 * Recomputes the call rollups a batch of calls touched, from rv_calls itself: a call written
 * again (stamped as it connects, ends, is wrapped up) changes its day's sums without double counts.
 */
export async function refreshCallRollups(db: Db, touched: readonly { teamId: string; sdrId: string; startedAt: number }[]): Promise<void> {
  const days = new Map<string, { teamId: string; sdrId: string; day: number }>();
  const quarters = new Map<string, { teamId: string; bucket: number }>();
  for (const t of touched) {
    const day = Math.floor(t.startedAt / DAY_MS);
    const bucket = Math.floor(t.startedAt / QUARTER_MS);
    days.set(`${t.teamId}\u0000${t.sdrId}\u0000${day}`, { teamId: t.teamId, sdrId: t.sdrId, day });
    quarters.set(`${t.teamId}\u0000${bucket}`, { teamId: t.teamId, bucket });
  }
  for (const { teamId, sdrId, day } of days.values()) {
    await sql`
      insert into rv_call_days (team_id, sdr_id, day, dials, conversations, talk_ms, touches)
      select team_id, sdr_id, ${sql.lit(day)}, ${daySums} from rv_calls
      where team_id = ${teamId} and sdr_id = ${sdrId} and started_at >= ${day * DAY_MS} and started_at < ${(day + 1) * DAY_MS}
      group by team_id, sdr_id
      on conflict (team_id, day, sdr_id) do update set dials = excluded.dials, conversations = excluded.conversations, talk_ms = excluded.talk_ms, touches = excluded.touches`.execute(db);
  }
  for (const { teamId, bucket } of quarters.values()) {
    await sql`
      insert into rv_call_quarters (team_id, bucket, dials, conversations)
      select team_id, ${sql.lit(bucket)}, ${sums} from rv_calls
      where team_id = ${teamId} and started_at >= ${bucket * QUARTER_MS} and started_at < ${(bucket + 1) * QUARTER_MS}
      group by team_id
      on conflict (team_id, bucket) do update set dials = excluded.dials, conversations = excluded.conversations`.execute(db);
  }
}

/** Rebuilds a team's rollups from rv_calls in two statements (after a bulk load or an upgrade). */
export async function rebuildCallRollups(db: Db, teamId: string): Promise<void> {
  await db.deleteFrom('rv_call_days').where('team_id', '=', teamId).execute();
  await db.deleteFrom('rv_call_quarters').where('team_id', '=', teamId).execute();
  await sql`
    insert into rv_call_days (team_id, sdr_id, day, dials, conversations, talk_ms, touches)
    select team_id, sdr_id, started_at / ${sql.lit(DAY_MS)}, ${daySums} from rv_calls where team_id = ${teamId}
    group by team_id, sdr_id, started_at / ${sql.lit(DAY_MS)}`.execute(db);
  await sql`
    insert into rv_call_quarters (team_id, bucket, dials, conversations)
    select team_id, started_at / ${sql.lit(QUARTER_MS)}, ${sums} from rv_calls where team_id = ${teamId}
    group by team_id, started_at / ${sql.lit(QUARTER_MS)}`.execute(db);
}
