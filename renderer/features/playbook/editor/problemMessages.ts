import { DUPLICATE_SCRIPT_ID } from './validate';

/** A problem message as a key of the 'playbookEditor' namespace (under `problem.`), with its values. */
export interface ProblemMessage {
  readonly key: string;
  readonly values: Readonly<Record<string, string>>;
}

/**
 * The shared rules write their messages in English for files, logs and the server. The common ones
 * are said here in the team lead's language; anything else is shown as the rules wrote it.
 */
const PATTERNS: readonly (readonly [RegExp, string, readonly string[]])[] = [
  [/^must not be empty$|^Too small: expected string to have >=1 characters?$/, 'required', []],
  [/^must be a lower-case id/, 'slug', []],
  [/^must be a (?:fact name|field key)/, 'factKey', []],
  [/expected number, received/, 'number', []],
  [/^must be an option id or a number$/, 'optionOrNumber', []],
  [/^Too small: expected number to be >=0$/, 'negative', []],
  [/^Too big: expected string to have <=(\d+) characters?$/, 'tooLong', ['max']],
  [/^branch cycle: (.+)$/, 'cycle', ['chain']],
  [/^duplicate (?:question|section|option) id '(.+)'$/, 'duplicate', ['id']],
  [/^[a-z ]+ "(.+)" is used twice$/, 'duplicate', ['id']],
  [new RegExp(`^${DUPLICATE_SCRIPT_ID} '(.+)'$`), 'duplicateScript', ['id']],
  [/^unknown question '(.+)'$/, 'unknownQuestion', ['id']],
  [/^'(.+)' cannot depend on itself$/, 'self', ['id']],
  [/^'(.+)' has no option '(.+)'$/, 'noOption', ['question', 'option']],
  [/^'(.+)' does not apply to '(.+)', a (\w+) question$/, 'opMismatch', ['op', 'question', 'type']],
  [/^a (?:single|multi) question needs at least 2 options$/, 'twoOptions', []],
  [/^max must be greater than min$/, 'scaleOrder', []],
  [/^a scale spans at most (\d+) steps$/, 'scaleSpan', ['max']],
  [/^(-?[\d.]+) is outside the scale of '(.+)' \((.+)\)$/, 'outsideScale', ['value', 'question', 'range']],
  [/^the maximum deal size is below the minimum$/, 'dealOrder', []],
  [/^unknown product line "(.+)"$/, 'unknownProductLine', ['id']],
  [/^at least 1 questions$/, 'noQuestions', []],
  [/^at least 1 sections$/, 'noSections', []],
  [/^the (?:disposition|criteria) list has no entries$|^the scorecard has no criteria$/, 'emptyList', []],
  [/^list at least one (?:value|tag)$/, 'atLeastOne', []],
];

export function problemMessage(message: string): ProblemMessage | null {
  for (const [pattern, key, names] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return { key: `problem.${key}`, values: Object.fromEntries(names.map((name, i) => [name, match[i + 1] ?? ''])) };
  }
  return null;
}
