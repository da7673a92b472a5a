/**
 * The app's commands: one list that the Electron menu, its accelerators and the renderer's
 * keyboard shortcuts share, so a shortcut is declared once. Labels here are the English
 * defaults the menu shows until the renderer sends its localized ones (menu:setLabels).
 */

export const MENU_IDS = ['file', 'edit', 'view', 'leads', 'call', 'window', 'help'] as const;
export type MenuId = (typeof MENU_IDS)[number];

export interface CommandDefinition {
  readonly id: string;
  /** The top-level menu the command appears in. */
  readonly menu: MenuId;
  /** An Electron accelerator (https://www.electronjs.org/docs/latest/api/accelerator). */
  readonly accelerator?: string;
  readonly defaultLabel: string;
}

export const COMMANDS = [
  { id: 'lead.new', menu: 'file', accelerator: 'CmdOrCtrl+N', defaultLabel: 'New Lead' },
  { id: 'lead.import', menu: 'file', accelerator: 'CmdOrCtrl+I', defaultLabel: 'Import Leads…' },
  // Saves what is being worked on: the focused note, the call's wrap-up, or the lead form.
  { id: 'lead.save', menu: 'file', accelerator: 'CmdOrCtrl+Enter', defaultLabel: 'Save' },
  { id: 'settings.open', menu: 'file', accelerator: 'CmdOrCtrl+,', defaultLabel: 'Settings…' },
  { id: 'queue.focusSearch', menu: 'leads', accelerator: 'CmdOrCtrl+F', defaultLabel: 'Search Leads' },
  // The renderer also binds j/k and the bare arrow keys itself; the menu carries the modified form
  // so a focused text field keeps its own arrow keys.
  { id: 'queue.next', menu: 'leads', accelerator: 'CmdOrCtrl+Down', defaultLabel: 'Next Lead' },
  { id: 'queue.previous', menu: 'leads', accelerator: 'CmdOrCtrl+Up', defaultLabel: 'Previous Lead' },
  { id: 'queue.open', menu: 'leads', defaultLabel: 'Open Lead' },
  { id: 'call.dial', menu: 'call', accelerator: 'CmdOrCtrl+D', defaultLabel: 'Call Lead' },
  { id: 'call.connected', menu: 'call', accelerator: 'CmdOrCtrl+Shift+A', defaultLabel: 'Mark as Connected' },
  { id: 'call.hangUp', menu: 'call', accelerator: 'CmdOrCtrl+Shift+H', defaultLabel: 'Hang Up' },
  { id: 'notes.focus', menu: 'call', accelerator: 'Alt+N', defaultLabel: 'Write a Note' },
  { id: 'handoff.open', menu: 'call', accelerator: 'CmdOrCtrl+Shift+M', defaultLabel: 'Hand Off as MQL…' },
  { id: 'view.inbound', menu: 'view', accelerator: 'CmdOrCtrl+1', defaultLabel: 'Inbound Queue' },
  { id: 'view.outbound', menu: 'view', accelerator: 'CmdOrCtrl+2', defaultLabel: 'Outbound Queue' },
  { id: 'demo.load', menu: 'help', defaultLabel: 'Load Demo Data' },
] as const satisfies readonly CommandDefinition[];

export type CommandId = (typeof COMMANDS)[number]['id'];

export const COMMAND_IDS: readonly CommandId[] = COMMANDS.map((command) => command.id);

const commandIdSet: ReadonlySet<string> = new Set(COMMAND_IDS);

export function isCommandId(value: unknown): value is CommandId {
  return typeof value === 'string' && commandIdSet.has(value);
}

export type MenuTitles = Readonly<Record<MenuId, string>>;

export const DEFAULT_MENU_TITLES: MenuTitles = {
  file: 'File',
  edit: 'Edit',
  view: 'View',
  leads: 'Leads',
  call: 'Call',
  window: 'Window',
  help: 'Help',
};

export type CommandLabels = Readonly<Record<CommandId, string>>;

export function defaultCommandLabels(): CommandLabels {
  const labels: Partial<Record<CommandId, string>> = {};
  for (const command of COMMANDS) labels[command.id] = command.defaultLabel;
  return labels as CommandLabels;
}
