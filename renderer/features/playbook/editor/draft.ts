import type { Playbook, PlaybookFile } from '../../../../shared/model/playbook';
import type { Script } from '../../../../shared/model/script';
import { DEFAULT_SCRIPTS } from '../../../../shared/playbook/scripts';
import type { TeamPlaybook } from '../queries';

/**
 * The team lead's working copy of the whole playbook file: every section, and the team's scripts.
 * It holds what is typed, valid or not; a number field left blank holds NaN until it is filled.
 */
export interface PlaybookDraft extends Playbook {
  readonly scripts: readonly Script[];
}

/** What the editor keeps on this device between sessions. */
export interface StoredPlaybookDraft {
  readonly draft: PlaybookDraft;
  /** "What changed", typed ahead of publishing. */
  readonly note: string;
}

/** The drafts table key of the one playbook draft per device. */
export const PLAYBOOK_DRAFT_KEY = 'playbook:draft';

/**
 * The draft a team lead starts from: the published sections, and the team's own active scripts (the
 * highest version of each id, the one calls get); a team with none starts from copies of the
 * shipped scripts so there is something to edit.
 */
export function draftFromPlaybook(playbook: TeamPlaybook): PlaybookDraft {
  const latest = new Map<string, Script>();
  for (const script of playbook.scripts) {
    if (DEFAULT_SCRIPTS.includes(script)) continue;
    const seen = latest.get(script.id);
    if (!seen || script.version > seen.version) latest.set(script.id, script);
  }
  const own = playbook.scripts.filter((script) => latest.get(script.id) === script);
  return {
    dispositions: playbook.dispositions,
    taxonomy: playbook.taxonomy,
    criteria: playbook.criteria,
    routing: playbook.routing,
    scorecard: playbook.scorecard,
    scripts: own.length > 0 ? own : DEFAULT_SCRIPTS,
  };
}

/** The file to publish or export: every section, so publishing replaces the team's whole playbook. */
export function draftToFile(draft: PlaybookDraft): PlaybookFile {
  const { dispositions, taxonomy, criteria, routing, scorecard, scripts } = draft;
  return { dispositions, taxonomy, criteria, routing, scorecard, scripts: [...scripts] };
}

export function fileText(draft: PlaybookDraft): string {
  return `${JSON.stringify(draftToFile(draft), null, 2)}\n`;
}

/**
 * JSON with object keys sorted and undefined left out: two values with the same content give the
 * same text whatever order their keys were written in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) return inner;
    const entries = Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  });
}
