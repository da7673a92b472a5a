import { checkPlaybook, MAX_SCRIPTS_PER_FILE } from '../../../../shared/model/playbook';
import { parseScript } from '../../../../shared/model/script';
import type { PlaybookDraft } from './draft';

/** One thing wrong with the draft, at the path of its field in the playbook file. */
export interface Problem {
  readonly path: string;
  readonly message: string;
}

export type EditorTab = 'scripts' | 'taxonomy' | 'dispositions' | 'criteria' | 'routing' | 'scorecard' | 'versions';

/** Marks a message the editor itself raises, so the UI can say it in the user's language. */
export const DUPLICATE_SCRIPT_ID = 'duplicate script id';

/**
 * Every problem of the draft, checked by the same shared rules the team server and every device
 * apply to a playbook file; plus one of the editor's own: two scripts with one id would be two
 * versions of one script published side by side, which nobody editing means to do.
 */
export function validateDraft(draft: PlaybookDraft): Problem[] {
  const { scripts, ...sections } = draft;
  const problems: Problem[] = [...checkPlaybook(sections)];
  if (scripts.length > MAX_SCRIPTS_PER_FILE) {
    problems.push({ path: 'scripts', message: `a playbook file holds at most ${MAX_SCRIPTS_PER_FILE} scripts` });
  }
  const ids = new Set<string>();
  scripts.forEach((script, i) => {
    const parsed = parseScript(script);
    if (!parsed.ok) problems.push(...parsed.errors.map((e) => ({ path: `scripts[${i}]${e.path ? `.${e.path}` : ''}`, message: e.message })));
    if (ids.has(script.id)) problems.push({ path: `scripts[${i}].id`, message: `${DUPLICATE_SCRIPT_ID} '${script.id}'` });
    ids.add(script.id);
  });
  return problems;
}

const SECTION_TABS: Readonly<Record<string, EditorTab>> = {
  scripts: 'scripts',
  taxonomy: 'taxonomy',
  dispositions: 'dispositions',
  criteria: 'criteria',
  routing: 'routing',
  scorecard: 'scorecard',
};

/** The tab whose controls edit this path; a path the file has no section for belongs to scripts. */
export function tabOfPath(path: string): EditorTab {
  const head = /^[A-Za-z]+/.exec(path)?.[0] ?? '';
  return SECTION_TABS[head] ?? 'scripts';
}

export interface ScriptLocation {
  readonly script: number;
  readonly section: number | null;
  readonly question: number | null;
}

/** Which script, section and question a path points into, if it points into a script. */
export function scriptLocation(path: string): ScriptLocation | null {
  const match = /^scripts\[(\d+)\](?:\.sections\[(\d+)\](?:\.questions\[(\d+)\])?)?/.exec(path);
  if (!match) return null;
  const [, script, section, question] = match;
  return { script: Number(script), section: section === undefined ? null : Number(section), question: question === undefined ? null : Number(question) };
}

/** Problems grouped by their exact path, for the control at that path to show. */
export function problemsByPath(problems: readonly Problem[]): ReadonlyMap<string, readonly string[]> {
  const byPath = new Map<string, string[]>();
  for (const problem of problems) {
    const list = byPath.get(problem.path);
    if (list) list.push(problem.message);
    else byPath.set(problem.path, [problem.message]);
  }
  return byPath;
}

/** How many problems lie at or under a path ("scripts[0].sections[1]" counts its questions' too). */
export function countUnder(problems: readonly Problem[], prefix: string): number {
  return problems.filter((p) => p.path === prefix || p.path.startsWith(`${prefix}.`) || p.path.startsWith(`${prefix}[`)).length;
}
