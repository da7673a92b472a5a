import { db } from '../../db';
import { parsePlaybookFile, type PlaybookError } from '../../../shared/model/playbook';
import { parseScript } from '../../../shared/model/script';
import type { PlaybookRow, ScriptRow } from '../../db/schema';
import { PLAYBOOK_DRAFT_KEY, type StoredPlaybookDraft } from './editor/draft';
import { storedDraftText } from './editor/draftSchema';

export type LoadPlaybookResult = { readonly ok: true; readonly sections: readonly string[] } | { readonly ok: false; readonly errors: readonly PlaybookError[] };

/**
 * Loads a team playbook file (JSON) as the team's whole playbook: a section the file leaves out
 * goes back to the shipped default, and a script it leaves out stops being offered (its row stays,
 * for the calls that used it). All or nothing: one bad field refuses the whole file and nothing
 * stored changes, so a half-valid file never leaves the team on a mix of versions.
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
  const loaded = new Set(scriptRows.map((row) => row.id));
  await db.transaction('rw', db.playbook, db.scripts, async () => {
    await db.playbook.clear();
    await db.playbook.bulkPut(rows);
    await db.scripts.filter((row) => row.active && !loaded.has(row.id)).modify({ active: false });
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

/** The one writer of the draft row: the newest value waits while a write is under way. */
const draftWrites: { next: { readonly text: string; readonly at: number } | 'discard' | null; running: Promise<void> | null } = { next: null, running: null };

function scheduleDraftWrite(next: { readonly text: string; readonly at: number } | 'discard'): Promise<void> {
  draftWrites.next = next;
  draftWrites.running ??= (async () => {
    try {
      while (draftWrites.next !== null) {
        const write = draftWrites.next;
        draftWrites.next = null;
        if (write === 'discard') await db.drafts.delete(PLAYBOOK_DRAFT_KEY);
        else await db.drafts.put({ key: PLAYBOOK_DRAFT_KEY, leadId: '', rootId: null, text: write.text, updatedAt: write.at });
      }
    } finally {
      draftWrites.running = null;
    }
  })();
  return draftWrites.running;
}

/**
 * Keeps the team lead's unpublished edits on this device, so a reload or a crash loses none. Fast
 * typing makes a few writes of the newest draft, never a queue of stale ones, and a discard is
 * never overtaken by an earlier save. Resolves once everything asked so far is written.
 */
export function savePlaybookDraft(stored: StoredPlaybookDraft, now: number = Date.now()): Promise<void> {
  return scheduleDraftWrite({ text: storedDraftText(stored), at: now });
}

export function discardPlaybookDraft(): Promise<void> {
  return scheduleDraftWrite('discard');
}

/** Resolves when no draft write is waiting or under way. */
export async function playbookDraftWritten(): Promise<void> {
  await draftWrites.running;
}
