import type { Kysely } from 'kysely';
import type { ReviewCallDetail } from '../../shared/api/review';
import { CallSchema, type Call } from '../../shared/model/call';
import { HandoffSchema } from '../../shared/model/handoff';
import { LeadSchema } from '../../shared/model/lead';
import { LeadEventSchema } from '../../shared/model/leadEvent';
import { NoteSchema } from '../../shared/model/note';
import { ReviewSchema } from '../../shared/model/review';
import { parsePlaybookFile } from '../../shared/model/playbook';
import { parseScript, type Script } from '../../shared/model/script';
import type { Database } from '../db/schema';

/** A call with its lead and everything recorded on the lead, or null when not in this team. */
export async function callDetail(db: Kysely<Database>, teamId: string, callId: string): Promise<Omit<ReviewCallDetail, 'sdrName'> | null> {
  const row = await db.selectFrom('sync_entities').select(['team_id', 'lead_id', 'data', 'deleted']).where('kind', '=', 'call').where('id', '=', callId).executeTakeFirst();
  if (!row || row.team_id !== teamId || row.deleted === 1 || row.lead_id === null) return null;
  const call = CallSchema.parse(JSON.parse(row.data));
  const rows = await db.selectFrom('sync_entities').select(['kind', 'data']).where('team_id', '=', teamId).where('lead_id', '=', row.lead_id).where('deleted', '=', 0).execute();
  const of = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => JSON.parse(r.data) as unknown);
  const lead = of('lead')[0];
  if (lead === undefined) return null;
  const author = await db.selectFrom('rv_calls').select('sdr_id').where('id', '=', callId).executeTakeFirst();
  return {
    call,
    sdrId: author?.sdr_id ?? '',
    lead: LeadSchema.parse(lead),
    calls: of('call').map((c) => CallSchema.parse(c)).sort((a, b) => a.startedAt - b.startedAt),
    notes: of('note').map((c) => NoteSchema.parse(c)).sort((a, b) => a.createdAt - b.createdAt),
    events: of('event').map((c) => LeadEventSchema.parse(c)).sort((a, b) => a.at - b.at),
    handoffs: of('handoff').map((c) => HandoffSchema.parse(c)).map(({ snapshot: _snapshot, ...h }) => h).sort((a, b) => a.createdAt - b.createdAt),
    reviews: of('review').map((c) => ReviewSchema.parse(c)).filter((r) => r.callId === callId).sort((a, b) => b.createdAt - a.createdAt),
    script: await publishedScript(db, teamId, call),
  };
}

/** The script version the call used, from the team's published playbooks (newest first). */
async function publishedScript(db: Kysely<Database>, teamId: string, call: Call): Promise<Script | null> {
  if (call.scriptId === null || call.scriptVersion === null) return null;
  const versions = await db.selectFrom('playbook_versions').select(['text', 'scripts']).where('team_id', '=', teamId).orderBy('version', 'desc').execute();
  for (const version of versions) {
    const listed = JSON.parse(version.scripts) as { id: string; version: number }[];
    if (!listed.some((s) => s.id === call.scriptId && s.version === call.scriptVersion)) continue;
    const file = parsePlaybookFile(version.text);
    if (!file.ok) continue;
    for (const candidate of file.file.scripts ?? []) {
      const script = parseScript(candidate);
      if (script.ok && script.script.id === call.scriptId && script.script.version === call.scriptVersion) return script.script;
    }
  }
  return null;
}
