import { parsePlaybookFile } from '../../../../shared/model/playbook';
import { parseScript, type Script } from '../../../../shared/model/script';
import { DEFAULT_PLAYBOOK } from '../../../../shared/playbook/defaults';
import type { PlaybookDraft } from './draft';
import { jsonErrorOffset, lineAndColumn } from './jsonPosition';
import type { Problem } from './validate';

/** Why an imported file was refused; the draft is untouched in every case. */
export type ImportRefusal =
  | { readonly kind: 'json'; readonly line: number | null; readonly column: number | null }
  | { readonly kind: 'notObject' }
  | { readonly kind: 'invalid'; readonly problems: readonly Problem[] };

export type ImportResult = { readonly ok: true; readonly draft: PlaybookDraft } | { readonly ok: false; readonly refusal: ImportRefusal };

/**
 * A playbook file (JSON text) as a new draft, checked like a published one: all or nothing. A
 * section the file leaves out is the shipped default's, because publishing replaces the team's
 * whole playbook and an absent section means the default.
 */
export function importPlaybook(text: string): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const offset = jsonErrorOffset(text);
    return { ok: false, refusal: { kind: 'json', ...(offset === null ? { line: null, column: null } : lineAndColumn(text, offset)) } };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, refusal: { kind: 'notObject' } };
  const parsed = parsePlaybookFile(text);
  if (!parsed.ok) return { ok: false, refusal: { kind: 'invalid', problems: parsed.errors } };
  const scripts: Script[] = [];
  const problems: Problem[] = [];
  (parsed.file.scripts ?? []).forEach((input, i) => {
    const script = parseScript(input);
    if (script.ok) scripts.push(script.script);
    else problems.push(...script.errors.map((e) => ({ path: `scripts[${i}]${e.path ? `.${e.path}` : ''}`, message: e.message })));
  });
  if (problems.length > 0) return { ok: false, refusal: { kind: 'invalid', problems } };
  const { file } = parsed;
  return {
    ok: true,
    draft: {
      dispositions: file.dispositions ?? DEFAULT_PLAYBOOK.dispositions,
      taxonomy: file.taxonomy ?? DEFAULT_PLAYBOOK.taxonomy,
      criteria: file.criteria ?? DEFAULT_PLAYBOOK.criteria,
      routing: file.routing ?? DEFAULT_PLAYBOOK.routing,
      scorecard: file.scorecard ?? DEFAULT_PLAYBOOK.scorecard,
      scripts,
    },
  };
}
