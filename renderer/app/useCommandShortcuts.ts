import { useEffect, useEffectEvent } from 'react';
import { parseAccelerator, matchesKeyBinding } from '../../shared/ipc/accelerator';
import { COMMANDS, type CommandId } from '../../shared/ipc/commands';
import type { Platform } from '../platform';

export type CommandHandlers = Readonly<Partial<Record<CommandId, () => void>>>;

const BINDINGS = COMMANDS.flatMap((c) => {
  const binding = 'accelerator' in c ? parseAccelerator(c.accelerator) : null;
  return binding ? [{ id: c.id as CommandId, binding }] : [];
});

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/**
 * One command list drives the desktop menu and the keyboard: in Electron the menu's accelerators
 * fire and arrive as commands; in a browser the same accelerators are matched here.
 */
export function useCommandShortcuts(platform: Platform, handlers: CommandHandlers): void {
  const run = useEffectEvent((id: CommandId): boolean => {
    const handler = handlers[id];
    handler?.();
    return handler !== undefined;
  });
  useEffect(() => platform.onCommand((id) => void run(id)), [platform]);
  useEffect(() => {
    if (platform.kind === 'desktop') return;
    const onKey = (e: KeyboardEvent) => {
      const hit = BINDINGS.find((b) => matchesKeyBinding(b.binding, e, isMac));
      if (hit && run(hit.id)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [platform]);
}

const NOT_TEXT_INPUTS: ReadonlySet<string> = new Set(['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color', 'file']);

/** True when a key press belongs to the field being typed in, not to a single-key shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  // A focused radio or checkbox takes no characters: number keys still pick a disposition.
  if (target instanceof HTMLInputElement) return !NOT_TEXT_INPUTS.has(target.type);
  return target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}
