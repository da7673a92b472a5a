/**
 * Electron accelerators (as written in commands.ts) turned into a description the renderer can
 * match KeyboardEvents against, so the browser build binds the very same shortcuts as the menu.
 * Pure: the renderer passes a plain {key, ctrlKey, …} object and says whether it runs on macOS.
 */

export interface KeyBinding {
  /** KeyboardEvent.key, lower-cased for letters ('n', 'ArrowDown', 'Enter', ','). */
  readonly key: string;
  /** Cmd on macOS, Ctrl elsewhere (Electron's CmdOrCtrl). */
  readonly mod: boolean;
  readonly ctrl: boolean;
  readonly meta: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
}

export interface KeyEventLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

type Modifier = 'mod' | 'ctrl' | 'meta' | 'alt' | 'shift';

const MODIFIERS: Readonly<Record<string, Modifier>> = {
  commandorcontrol: 'mod',
  cmdorctrl: 'mod',
  command: 'meta',
  cmd: 'meta',
  super: 'meta',
  meta: 'meta',
  control: 'ctrl',
  ctrl: 'ctrl',
  alt: 'alt',
  option: 'alt',
  altgr: 'alt',
  shift: 'shift',
};

const NAMED_KEYS: Readonly<Record<string, string>> = {
  up: 'ArrowUp',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  enter: 'Enter',
  return: 'Enter',
  escape: 'Escape',
  esc: 'Escape',
  tab: 'Tab',
  space: ' ',
  backspace: 'Backspace',
  delete: 'Delete',
  insert: 'Insert',
  home: 'Home',
  end: 'End',
  pageup: 'PageUp',
  pagedown: 'PageDown',
  plus: '+',
};

// Electron spells '+' as 'Plus' because '+' separates the parts of an accelerator.
const PUNCTUATION = new Set([...')!@#$%^&*(:;<=>,_-.?/~`{}[]|\\\'"']);

function parseKey(token: string): string | null {
  if (/^[a-z0-9]$/i.test(token)) return token.toLowerCase();
  if (PUNCTUATION.has(token)) return token;
  const named = NAMED_KEYS[token.toLowerCase()];
  if (named !== undefined) return named;
  const fKey = /^f([1-9]|1[0-9]|2[0-4])$/i.exec(token);
  if (fKey !== null) return `F${fKey[1] ?? ''}`;
  return null;
}

/** Returns null for anything Electron would not accept as an accelerator. */
export function parseAccelerator(accelerator: string): KeyBinding | null {
  const tokens = accelerator.split('+');
  const keyToken = tokens.pop();
  if (keyToken === undefined || keyToken === '') return null;
  const flags: Record<Modifier, boolean> = { mod: false, ctrl: false, meta: false, alt: false, shift: false };
  for (const token of tokens) {
    const modifier = MODIFIERS[token.toLowerCase()];
    if (modifier === undefined || flags[modifier]) return null;
    flags[modifier] = true;
  }
  const key = parseKey(keyToken);
  if (key === null) return null;
  return { key, ...flags };
}

/** A stable text form; two bindings that would fire on the same keystroke have the same signature. */
export function keyBindingSignature(binding: KeyBinding, isMac: boolean): string {
  const ctrl = binding.ctrl || (binding.mod && !isMac);
  const meta = binding.meta || (binding.mod && isMac);
  return [ctrl ? 'ctrl' : '', meta ? 'meta' : '', binding.alt ? 'alt' : '', binding.shift ? 'shift' : '', binding.key]
    .filter((part) => part !== '')
    .join('+');
}

export function matchesKeyBinding(binding: KeyBinding, event: KeyEventLike, isMac: boolean): boolean {
  const wantCtrl = binding.ctrl || (binding.mod && !isMac);
  const wantMeta = binding.meta || (binding.mod && isMac);
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return (
    key === binding.key &&
    event.ctrlKey === wantCtrl &&
    event.metaKey === wantMeta &&
    event.altKey === binding.alt &&
    event.shiftKey === binding.shift
  );
}
