import type { TFunction } from 'i18next';
import { createContext, useContext, useId } from 'react';
import { problemMessage } from '../editor/problemMessages';

/** Each path's problems, already in the user's language. */
export const ProblemsContext = createContext<ReadonlyMap<string, readonly string[]>>(new Map());

const NONE: readonly string[] = [];

/** The messages of each item of a list field (`path[0]`, `path[1]`…), for the field to show. */
export function useItemProblems(path: string, count: number): string[] {
  const byPath = useContext(ProblemsContext);
  return Array.from({ length: count }, (_, i) => byPath.get(`${path}[${i}]`) ?? NONE).flat();
}

/**
 * What a control needs to show its own problems: whether it is invalid, the id its
 * aria-describedby points at, and the messages (rendered with <FieldProblems>).
 */
export function useFieldProblems(path: string) {
  const id = useId();
  const messages = useContext(ProblemsContext).get(path) ?? NONE;
  const invalid = messages.length > 0;
  return { id: `${id}-problems`, messages, invalid, describedBy: invalid ? `${id}-problems` : undefined };
}

export function FieldProblems({ id, messages }: { readonly id: string; readonly messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <span id={id} className="field-error pbe-problem">
      {messages.join(' · ')}
    </span>
  );
}

/** Problems about a whole group (a list that is empty, a section without questions). */
export function GroupProblems({ path }: { readonly path: string }) {
  const { id, messages } = useFieldProblems(path);
  if (messages.length === 0) return null;
  return (
    <p className="field-error pbe-problem" role="note">
      <FieldProblems id={id} messages={messages} />
    </p>
  );
}

/** A rule's message in the user's language where the editor knows it, else as the rule wrote it. */
export function sayProblem(message: string, t: TFunction): string {
  const known = problemMessage(message);
  return known ? t(known.key, known.values) : message;
}
