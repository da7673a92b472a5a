import { db } from '../../db';
import { parsePlaybookFile, type PlaybookError } from '../../../shared/model/playbook';
import { parseScript } from '../../../shared/model/script';
import type { PlaybookRow, ScriptRow } from '../../db/schema';

export type LoadPlaybookResult = { readonly ok: true; readonly sections: readonly string[] } | { readonly ok: false; readonly errors: readonly PlaybookError[] };

/**
 * Loads a team playbook file (JSON). All or nothing: one bad field refuses the whole file and
 * nothing stored changes, so a half-valid file never leaves the team on a mix of versions.
 */
export async function loadPlaybookFile(text: string, now: number = Date.now()): Promise<LoadPlaybookResult> {
  const parsed = parsePlaybookFile(text);
  if (!parsed.ok) return parsed;
  const { scripts = [], ...sections } = parsed.file;
  const scriptRows: ScriptRow[] = [];
  const errors: PlaybookError[] = [];
  scripts.forEach((input, i) => {
    const script = parseScript(input);
    if (script.ok) scriptRows.push({ id: `${script.script.id}@${script.script.version}`, script: script.script, loadedAt: now, active: true });
    else errors.push(...script.errors.map((e) => ({ path: `scripts[${i}]${e.path ? '.' + e.path : ''}`, message: e.message })));
  });
  if (errors.length > 0) return { ok: false, errors };
  const rows = Object.entries(sections).flatMap(([key, value]) => (value === undefined ? [] : [{ key, value } as PlaybookRow]));
  await db.transaction('rw', db.playbook, db.scripts, async () => {
    await db.playbook.bulkPut(rows);
    await db.scripts.bulkPut(scriptRows);
  });
  return { ok: true, sections: [...rows.map((r) => r.key), ...(scriptRows.length > 0 ? ['scripts'] : [])] };
}

/** Back to the shipped playbook. Calls keep the script versions they recorded. */
export async function resetPlaybook(): Promise<void> {
  await db.transaction('rw', db.playbook, db.scripts, async () => {
    await db.playbook.clear();
    await db.scripts.toCollection().modify({ active: false });
  });
}
