import type { Kysely } from 'kysely';
import { PULL_PAGE_SIZE, type Change, type PullResponse } from '../../shared/sync/protocol';
import type { Database } from '../db/schema';
import type { Actor } from './apply';
import { teamMembers } from './push';

/**
 * The changes after `cursor` the actor may see, in version order. The team's counter is read
 * first and rows are read up to it: every version up to the counter has committed (writers take
 * their versions under the counter's row lock at the end of their transaction), so the cursor
 * answered never runs ahead of data the client has.
 */
export async function pull(db: Kysely<Database>, actor: Actor, cursor: number, now: number, pageSize: number = PULL_PAGE_SIZE): Promise<PullResponse> {
  const team = await db.selectFrom('teams').select('version').where('id', '=', actor.teamId).executeTakeFirstOrThrow();
  const members = (await teamMembers(db, actor.teamId)).map(({ id, name, role }) => ({ id, name, role }));
  if (cursor > team.version) return { cursor: 0, changes: [], more: true, reset: true, members, serverTime: now };
  let query = db
    .selectFrom('sync_entities')
    .select(['kind', 'id', 'owner_id', 'data', 'deleted', 'version'])
    .where('team_id', '=', actor.teamId)
    .where('version', '>', cursor)
    .where('version', '<=', team.version);
  if (actor.role === 'sdr') {
    query = query.where((eb) =>
      eb.or([
        eb('owner_id', '=', actor.id),
        eb('owner_id', 'is', null),
        // A lead that left this SDR since their cursor: they are told it is gone.
        ...(cursor > 0 ? [eb.and([eb('kind', '=', 'lead'), eb('owner_version', '>', cursor)])] : []),
      ]),
    );
  } else if (actor.role === 'sales') {
    query = query.where((eb) => eb.or([eb.and([eb('kind', '=', 'handoff'), eb.or([eb('sales_id', '=', actor.id), eb('sales_id', 'is', null)])]), eb('kind', '=', 'playbook')]));
  } else if (actor.role !== 'lead') {
    return { cursor: team.version, changes: [], more: false, reset: false, members, serverTime: now };
  }
  const rows = await query.orderBy('version').orderBy('kind').orderBy('id').limit(pageSize).execute();
  let page = rows;
  let next = team.version;
  let more = false;
  if (rows.length === pageSize) {
    const lastVersion = rows[rows.length - 1]!.version;
    more = true;
    if (rows[0]!.version === lastVersion) {
      // One mutation wrote more rows than a page: send that version whole.
      page = await query.where('version', '=', lastVersion).orderBy('kind').orderBy('id').execute();
      next = lastVersion;
    } else {
      page = rows.filter((r) => r.version < lastVersion);
      next = lastVersion - 1;
    }
  }
  const changes: Change[] = page.map((row) => ({
    kind: row.kind,
    id: row.id,
    data: row.deleted === 1 || (actor.role === 'sdr' && row.owner_id !== null && row.owner_id !== actor.id) ? null : (JSON.parse(row.data) as unknown),
  }));
  return { cursor: next, changes, more, reset: false, members, serverTime: now };
}

/**
 * A lead with its calls, notes, events and hand-offs as the actor may see them now: a client
 * whose change was refused replaces its copy with this, so it converges without waiting for the
 * lead to change on the server. `lead: null` when it is gone or not the actor's to see.
 */
export async function leadRows(db: Kysely<Database>, actor: Actor, leadId: string): Promise<Change[]> {
  const lead = await db.selectFrom('sync_entities').select(['team_id', 'owner_id', 'deleted']).where('kind', '=', 'lead').where('id', '=', leadId).executeTakeFirst();
  const visible =
    lead !== undefined &&
    lead.team_id === actor.teamId &&
    lead.deleted === 0 &&
    (actor.role === 'lead' || (actor.role === 'sdr' && (lead.owner_id === null || lead.owner_id === actor.id)));
  if (!visible) return [{ kind: 'lead', id: leadId, data: null }];
  const rows = (await db.selectFrom('sync_entities').select(['kind', 'id', 'owner_id', 'data', 'deleted']).where('team_id', '=', actor.teamId).where('lead_id', '=', leadId).orderBy('version').execute())
    // Reviews belong to the SDR whose call was reviewed, not to whoever owns the lead now.
    .filter((row) => !(actor.role === 'sdr' && row.kind === 'review' && row.owner_id !== actor.id));
  return rows.map((row) => ({ kind: row.kind, id: row.id, data: row.deleted === 1 ? null : (JSON.parse(row.data) as unknown) }));
}
