import type { FieldProblem } from './adminApi';

/** A message key of the 'admin' namespace, with what it interpolates. */
export interface Message {
  readonly key: string;
  readonly values?: Readonly<Record<string, string>>;
}

/** Error codes the shared schemas put in a field's message (shared/model/account.ts). */
const CODED = new Set(['email.invalid', 'password.tooShort', 'password.tooLong', 'url.invalid', 'url.httpsRequired']);

/**
 * What to tell the user about one field the server refused: the coded messages in their language,
 * an empty field as "required", anything else as the server wrote it.
 */
export function fieldMessage(problem: FieldProblem, value: string): Message {
  if (CODED.has(problem.message)) return { key: `fieldErrors.${problem.message}` };
  if (problem.path === 'teamId') return { key: problem.message === 'no such team' ? 'fieldErrors.teamUnknown' : 'fieldErrors.teamRequired' };
  if (value.trim() === '') return { key: 'fieldErrors.required' };
  return { key: 'fieldErrors.other', values: { message: problem.message } };
}

/** The first problem of each field, keyed by the field's name (the path's first segment). */
export function problemsByField(problems: readonly FieldProblem[]): ReadonlyMap<string, FieldProblem> {
  const byField = new Map<string, FieldProblem>();
  for (const problem of problems) {
    const field = problem.path.split('.')[0] ?? problem.path;
    if (!byField.has(field)) byField.set(field, problem);
  }
  return byField;
}
