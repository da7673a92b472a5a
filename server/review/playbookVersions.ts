import type { Kysely, Transaction } from 'kysely';
import { parsePlaybookFile, type PlaybookError } from '../../shared/model/playbook';
import { parseScript, type Script } from '../../shared/model/script';
import type { Database } from '../db/schema';
import { TeamStore } from '../sync/store';

/** The `{id, version}` of each script a playbook file holds (unreadable ones left out). */
export function scriptVersionsOf(text: string): { id: string; version: number }[] {
  const parsed = parsePlaybookFile(text);
  if (!parsed.ok) return [];
  return (parsed.file.scripts ?? []).flatMap((s) => {
    const script = parseScript(s);
    return script.ok ? [{ id: script.script.id, version: script.script.version }] : [];
  });
}

/** Every problem of a playbook file, each with its path; [] when it can be published. */
export function playbookProblems(text: string): { scripts: Script[]; errors: PlaybookError[] } {
  const parsed = parsePlaybookFile(text);
  if (!parsed.ok) return { scripts: [], errors: parsed.errors };
  const scripts: Script[] = [];
  const errors: PlaybookError[] = [];
  (parsed.file.scripts ?? []).forEach((s, i) => {
    const r = parseScript(s);
    if (r.ok) scripts.push(r.script);
    else errors.push(...r.errors.map((e) => ({ path: `scripts[${i}]${e.path ? `.${e.path}` : ''}`, message: e.message })));
  });
  const seen = new Set<string>();
  scripts.forEach((s, i) => {
    if (seen.has(s.id)) errors.push({ path: `scripts[${i}].id`, message: `script id "${s.id}" is used twice` });
    seen.add(s.id);
  });
  return { scripts, errors };
}

/** The published scripts of a team, id@version → its JSON, from every version ever published. */
async function publishedScripts(db: Kysely<Database> | Transaction<Database>, teamId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('playbook_versions').select('text').where('team_id', '=', teamId).orderBy('version').execute();
  const known = new Map<string, string>();
  for (const row of rows) {
    const parsed = parsePlaybookFile(row.text);
    if (!parsed.ok) continue;
    for (const s of parsed.file.scripts ?? []) {
      const r = parseScript(s);
      if (r.ok) known.set(`${r.script.id}@${r.script.version}`, JSON.stringify(r.script));
    }
  }
  return known;
}

export class PlaybookRefused extends Error {
  constructor(readonly errors: PlaybookError[]) {
    super(`The playbook was not published: ${errors.map((e) => `${e.path || '(file)'}: ${e.message}`).join('; ')}`);
  }
}

/**
 * Publishes a playbook file as the team's next version, in one transaction: the version history
 * row and the synced record that takes it to every device. A script whose id and version were
 * published before with other content is refused: calls name the version they used, so a
 * version's questions never change once out.
 */
export async function publishPlaybook(
  db: Kysely<Database>,
  teamId: string,
  by: string,
  text: string,
  note: string,
  now: number,
  restoredFrom: number | null = null,
): Promise<{ version: number; publishedAt: number }> {
  const { scripts, errors } = playbookProblems(text);
  if (errors.length > 0) throw new PlaybookRefused(errors);
  return db.transaction().execute(async (trx) => {
    // Serialises publishers of one team (the counter row lock) before reading the history.
    await trx.updateTable('teams').set((eb) => ({ version: eb('version', '+', 0) })).where('id', '=', teamId).execute();
    const known = await publishedScripts(trx, teamId);
    const clashes = scripts.flatMap((s, i) => {
      const before = known.get(`${s.id}@${s.version}`);
      return before !== undefined && before !== JSON.stringify(s) ? [{ path: `scripts[${i}].version`, message: `version ${s.version} of script "${s.id}" was published before with other questions: raise the version` }] : [];
    });
    if (clashes.length > 0) throw new PlaybookRefused(clashes);
    const last = await trx.selectFrom('playbook_versions').select((eb) => eb.fn.max('version').as('v')).where('team_id', '=', teamId).executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    await trx
      .insertInto('playbook_versions')
      .values({ team_id: teamId, version, text, by_name: by, note, restored_from: restoredFrom, scripts: JSON.stringify(scripts.map((s) => ({ id: s.id, version: s.version }))), published_at: now })
      .execute();
    const store = new TeamStore(trx, teamId);
    store.beginMutation(0);
    await store.put({ kind: 'playbook', id: teamId, teamId, leadId: null, ownerId: null, salesId: null, data: { text, publishedAt: now, by, version }, clocks: {}, deleted: false });
    await store.finish(1);
    return { version, publishedAt: now };
  });
}

/**
 * Publishes an older version's content again as a new version. Its scripts get versions above
 * any published, so devices take them as the newest (the script panel uses the highest version)
 * while calls made on the versions in between keep theirs.
 */
export async function restorePlaybook(db: Kysely<Database>, teamId: string, by: string, version: number, note: string, now: number): Promise<{ version: number; publishedAt: number } | null> {
  const row = await db.selectFrom('playbook_versions').select('text').where('team_id', '=', teamId).where('version', '=', version).executeTakeFirst();
  if (!row) return null;
  const parsed = parsePlaybookFile(row.text);
  if (!parsed.ok) throw new PlaybookRefused(parsed.errors);
  const highest = new Map<string, number>();
  for (const key of (await publishedScripts(db, teamId)).keys()) {
    const at = key.lastIndexOf('@');
    const id = key.slice(0, at);
    highest.set(id, Math.max(highest.get(id) ?? 0, Number(key.slice(at + 1))));
  }
  const scripts = (parsed.file.scripts ?? []).map((s) => {
    const r = parseScript(s);
    if (!r.ok) return s;
    return { ...r.script, version: (highest.get(r.script.id) ?? r.script.version) + 1 };
  });
  const text = JSON.stringify({ ...parsed.file, ...(parsed.file.scripts ? { scripts } : {}) }, null, 2);
  return publishPlaybook(db, teamId, by, text, note, now, version);
}
