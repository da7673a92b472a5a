import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db';
import type { Playbook } from '../../../shared/model/playbook';
import { PlaybookSchema } from '../../../shared/model/playbook';
import type { Script } from '../../../shared/model/script';
import { DEFAULT_PLAYBOOK } from '../../../shared/playbook/defaults';
import { DEFAULT_SCRIPTS } from '../../../shared/playbook/scripts';
import { SETTINGS_SCHEMAS } from '../../../shared/model/settings';
import type { Member } from '../../../shared/sync/protocol';
import { PLAYBOOK_DRAFT_KEY, type StoredPlaybookDraft } from './editor/draft';
import { parseStoredDraft } from './editor/draftSchema';

export interface TeamPlaybook extends Playbook {
  /** The scripts a new call chooses from: the shipped defaults and the ones the team loaded. */
  readonly scripts: readonly Script[];
  /** Every script version this device knows, for showing old calls with the questions they used. */
  readonly allScripts: readonly Script[];
  /** Which sections come from the team rather than the shipped defaults. */
  readonly custom: readonly (keyof Playbook | 'scripts')[];
}

export const DEFAULT_TEAM_PLAYBOOK: TeamPlaybook = { ...DEFAULT_PLAYBOOK, scripts: DEFAULT_SCRIPTS, allScripts: DEFAULT_SCRIPTS, custom: [] };

/** The team's playbook: stored sections over the shipped defaults, each re-validated on read. */
export async function readPlaybook(): Promise<TeamPlaybook> {
  const [rows, scriptRows] = await Promise.all([db.playbook.toArray(), db.scripts.toArray()]);
  const stored: Partial<Record<string, unknown>> = Object.fromEntries(rows.map((row) => [row.key, row.value]));
  const merged = PlaybookSchema.safeParse({ ...DEFAULT_PLAYBOOK, ...stored });
  const playbook = merged.success ? merged.data : DEFAULT_PLAYBOOK;
  const custom: (keyof Playbook | 'scripts')[] = merged.success ? rows.map((row) => row.key) : [];
  const active = scriptRows.filter((row) => row.active).map((row) => row.script);
  if (active.length > 0) custom.push('scripts');
  return { ...playbook, scripts: [...DEFAULT_SCRIPTS, ...active], allScripts: [...DEFAULT_SCRIPTS, ...scriptRows.map((row) => row.script)], custom };
}

export function usePlaybook(): TeamPlaybook {
  return useLiveQuery(readPlaybook, []) ?? DEFAULT_TEAM_PLAYBOOK;
}

export function findScript(scripts: readonly Script[], id: string | null, version: number | null): Script | null {
  if (id === null || version === null) return null;
  return scripts.find((s) => s.id === id && s.version === version) ?? null;
}

/** The playbook draft kept on this device, or null when there is none (or it cannot be read). */
export async function readPlaybookDraft(): Promise<StoredPlaybookDraft | null> {
  const row = await db.drafts.get(PLAYBOOK_DRAFT_KEY);
  return row ? parseStoredDraft(row.text) : null;
}

/** Undefined while the draft is being read. */
export function usePlaybookDraft(): StoredPlaybookDraft | null | undefined {
  return useLiveQuery(readPlaybookDraft, []);
}

/** The team's sales reps as of the last sync: who a routing rule can hand leads to. */
export async function readSalesMembers(): Promise<readonly Member[]> {
  const parsed = SETTINGS_SCHEMAS.teamMembers.safeParse((await db.settings.get('teamMembers'))?.value);
  return parsed.success ? parsed.data.filter((member) => member.role === 'sales') : [];
}

const NO_MEMBERS: readonly Member[] = [];

export function useSalesMembers(): readonly Member[] {
  return useLiveQuery(readSalesMembers, []) ?? NO_MEMBERS;
}
