/**
 * The application menu, built from the shared command list so the menu, its accelerators and
 * the renderer's shortcuts cannot drift apart. Pure: labels come in, a template goes out.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { COMMANDS, type CommandId, type CommandLabels, type MenuId, type MenuTitles } from '../../../shared/ipc/commands';

export interface MenuTemplateInput {
  readonly labels: CommandLabels;
  readonly menuTitles: MenuTitles;
  readonly platform: string;
  /** Reload and developer tools only exist in an unpackaged (development) run. */
  readonly isPackaged: boolean;
  readonly dispatch: (command: CommandId) => void;
}

/** Accelerators the standard roles below already own; commands must not reuse them. */
export const ROLE_ACCELERATORS: readonly string[] = [
  'CmdOrCtrl+Z',
  'Shift+CmdOrCtrl+Z',
  'CmdOrCtrl+Y',
  'CmdOrCtrl+X',
  'CmdOrCtrl+C',
  'CmdOrCtrl+V',
  'CmdOrCtrl+A',
  'CmdOrCtrl+R',
  'Shift+CmdOrCtrl+R',
  'CmdOrCtrl+0',
  'CmdOrCtrl+Plus',
  'CmdOrCtrl+-',
  'CmdOrCtrl+M',
  'CmdOrCtrl+W',
  'CmdOrCtrl+Q',
  'CmdOrCtrl+H',
  'F11',
];

function commandItems(menu: MenuId, input: MenuTemplateInput): MenuItemConstructorOptions[] {
  return COMMANDS.filter((command) => command.menu === menu).map((command) => ({
    id: command.id,
    label: input.labels[command.id],
    ...('accelerator' in command ? { accelerator: command.accelerator } : {}),
    click: () => input.dispatch(command.id),
  }));
}

/** Commands first, then a separator and the standard items, without a dangling separator. */
function withStandardItems(
  commands: MenuItemConstructorOptions[],
  standard: MenuItemConstructorOptions[],
): MenuItemConstructorOptions[] {
  if (commands.length === 0) return standard;
  if (standard.length === 0) return commands;
  return [...commands, { type: 'separator' }, ...standard];
}

export function buildMenuTemplate(input: MenuTemplateInput): MenuItemConstructorOptions[] {
  const isMac = input.platform === 'darwin';
  const titles = input.menuTitles;
  const developmentItems: MenuItemConstructorOptions[] = input.isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];

  return [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { label: titles.file, submenu: withStandardItems(commandItems('file', input), isMac ? [] : [{ role: 'quit' }]) },
    {
      label: titles.edit,
      submenu: withStandardItems(commandItems('edit', input), [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ]),
    },
    {
      label: titles.view,
      submenu: withStandardItems(commandItems('view', input), [
        ...developmentItems,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ]),
    },
    { label: titles.leads, submenu: commandItems('leads', input) },
    { label: titles.call, submenu: commandItems('call', input) },
    { label: titles.window, role: 'windowMenu' },
    { label: titles.help, role: 'help', submenu: commandItems('help', input) },
  ];
}
