import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, ROLE_ACCELERATORS } from '../../electron/main/windows/menuTemplate';
import { keyBindingSignature, matchesKeyBinding, parseAccelerator } from '../../shared/ipc/accelerator';
import {
  COMMAND_IDS,
  COMMANDS,
  defaultCommandLabels,
  DEFAULT_MENU_TITLES,
  isCommandId,
  MENU_IDS,
  type CommandId,
} from '../../shared/ipc/commands';

const electronFake = vi.hoisted(() => ({
  setApplicationMenu: vi.fn(),
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
}));
vi.mock('electron', () => ({
  Menu: { setApplicationMenu: electronFake.setApplicationMenu, buildFromTemplate: electronFake.buildFromTemplate },
}));

const accelerators = COMMANDS.flatMap((command) => ('accelerator' in command ? [command.accelerator] : []));

describe('the command list', () => {
  it('has unique ids, each in a known menu with an English label', () => {
    expect(new Set(COMMAND_IDS).size).toBe(COMMANDS.length);
    for (const command of COMMANDS) {
      expect(MENU_IDS).toContain(command.menu);
      expect(command.defaultLabel.trim()).not.toBe('');
      expect(isCommandId(command.id)).toBe(true);
    }
    expect(isCommandId('lead.delete')).toBe(false);
    expect(isCommandId(42)).toBe(false);
  });

  it('contains the commands the app needs', () => {
    expect([...COMMAND_IDS].sort()).toEqual(
      [
        'call.connected',
        'call.dial',
        'call.hangUp',
        'demo.load',
        'handoff.open',
        'notes.focus',
        'lead.import',
        'lead.new',
        'lead.save',
        'queue.focusSearch',
        'queue.next',
        'queue.open',
        'queue.previous',
        'settings.open',
        'view.inbound',
        'view.outbound',
      ].sort(),
    );
  });

  it.each(accelerators)('%s is a valid Electron accelerator', (accelerator) => {
    expect(parseAccelerator(accelerator)).not.toBeNull();
  });

  it.each([false, true])('has no two commands, or a command and a standard role, on one keystroke (mac: %s)', (isMac) => {
    const signatures = [...accelerators, ...ROLE_ACCELERATORS].map((accelerator) => {
      const binding = parseAccelerator(accelerator);
      if (binding === null) throw new Error(`invalid accelerator ${accelerator}`);
      return keyBindingSignature(binding, isMac);
    });
    expect(new Set(signatures).size).toBe(signatures.length);
  });
});

describe('parseAccelerator', () => {
  it.each([
    ['CmdOrCtrl+N', { key: 'n', mod: true, ctrl: false, meta: false, alt: false, shift: false }],
    ['CommandOrControl+Shift+Z', { key: 'z', mod: true, ctrl: false, meta: false, alt: false, shift: true }],
    ['CmdOrCtrl+Enter', { key: 'Enter', mod: true, ctrl: false, meta: false, alt: false, shift: false }],
    ['CmdOrCtrl+Down', { key: 'ArrowDown', mod: true, ctrl: false, meta: false, alt: false, shift: false }],
    ['CmdOrCtrl+,', { key: ',', mod: true, ctrl: false, meta: false, alt: false, shift: false }],
    ['CmdOrCtrl+Plus', { key: '+', mod: true, ctrl: false, meta: false, alt: false, shift: false }],
    ['Ctrl+Alt+F5', { key: 'F5', mod: false, ctrl: true, meta: false, alt: true, shift: false }],
    ['F11', { key: 'F11', mod: false, ctrl: false, meta: false, alt: false, shift: false }],
  ])('%s', (accelerator, binding) => {
    expect(parseAccelerator(accelerator)).toEqual(binding);
  });

  it.each(['', 'CmdOrCtrl+', 'CmdOrCtrl', 'Hyper+N', 'Ctrl+Ctrl+N', 'CmdOrCtrl+NN', 'CmdOrCtrl+F25', 'CmdOrCtrl++', 'Ctrl+ArrowDown'])(
    'refuses %j',
    (accelerator) => {
      expect(parseAccelerator(accelerator)).toBeNull();
    },
  );
});

describe('matchesKeyBinding (the renderer side of the same shortcuts)', () => {
  const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...mods,
  });
  const newLead = parseAccelerator('CmdOrCtrl+N');
  const next = parseAccelerator('CmdOrCtrl+Down');

  it('maps CmdOrCtrl to Ctrl off macOS and to Cmd on macOS', () => {
    if (newLead === null || next === null) throw new Error('unparseable');
    expect(matchesKeyBinding(newLead, key('n', { ctrlKey: true }), false)).toBe(true);
    expect(matchesKeyBinding(newLead, key('N', { ctrlKey: true }), false)).toBe(true);
    expect(matchesKeyBinding(newLead, key('n', { metaKey: true }), false)).toBe(false);
    expect(matchesKeyBinding(newLead, key('n', { metaKey: true }), true)).toBe(true);
    expect(matchesKeyBinding(newLead, key('n', { ctrlKey: true }), true)).toBe(false);
    expect(matchesKeyBinding(next, key('ArrowDown', { ctrlKey: true }), false)).toBe(true);
  });

  it('does not fire on extra or missing modifiers', () => {
    if (newLead === null) throw new Error('unparseable');
    expect(matchesKeyBinding(newLead, key('n'), false)).toBe(false);
    expect(matchesKeyBinding(newLead, key('n', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(matchesKeyBinding(newLead, key('n', { ctrlKey: true, altKey: true }), false)).toBe(false);
    expect(matchesKeyBinding(newLead, key('m', { ctrlKey: true }), false)).toBe(false);
  });
});

type Item = MenuItemConstructorOptions;
const submenuOf = (item: Item | undefined): Item[] => (Array.isArray(item?.submenu) ? item.submenu : []);
const allItems = (template: Item[]): Item[] => template.flatMap((item) => [item, ...allItems(submenuOf(item))]);

describe('the menu template', () => {
  const build = (overrides: { platform?: string; isPackaged?: boolean; dispatch?: (id: CommandId) => void } = {}) =>
    buildMenuTemplate({
      labels: defaultCommandLabels(),
      menuTitles: DEFAULT_MENU_TITLES,
      platform: overrides.platform ?? 'linux',
      isPackaged: overrides.isPackaged ?? true,
      dispatch: overrides.dispatch ?? (() => undefined),
    });

  it('carries every command once, with its accelerator, dispatching its id on click', () => {
    const dispatch = vi.fn<(id: CommandId) => void>();
    const items = allItems(build({ dispatch })).filter((item) => item.id !== undefined);
    expect(items.map((item) => item.id).sort()).toEqual([...COMMAND_IDS].sort());
    for (const command of COMMANDS) {
      const item = items.find((candidate) => candidate.id === command.id);
      expect(item?.label).toBe(command.defaultLabel);
      expect(item?.accelerator).toBe('accelerator' in command ? command.accelerator : undefined);
      item?.click?.({} as never, undefined, {} as never);
      expect(dispatch).toHaveBeenLastCalledWith(command.id);
    }
  });

  it('uses the localized labels and menu titles it is given', () => {
    const template = buildMenuTemplate({
      labels: { ...defaultCommandLabels(), 'lead.new': '新建线索' },
      menuTitles: { ...DEFAULT_MENU_TITLES, file: '文件', leads: '线索' },
      platform: 'win32',
      isPackaged: true,
      dispatch: () => undefined,
    });
    expect(template.map((item) => item.label)).toEqual(['文件', 'Edit', 'View', '线索', 'Call', 'Window', 'Help']);
    expect(allItems(template).find((item) => item.id === 'lead.new')?.label).toBe('新建线索');
  });

  it('has reload and developer tools only when not packaged', () => {
    const roles = (isPackaged: boolean) => allItems(build({ isPackaged })).map((item) => item.role);
    expect(roles(true)).not.toContain('reload');
    expect(roles(true)).not.toContain('forceReload');
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(roles(true)).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit', 'windowMenu']),
    );
  });

  it('starts with the app menu on macOS and has Quit there instead of in File', () => {
    const template = build({ platform: 'darwin' });
    expect(template[0]?.role).toBe('appMenu');
    expect(submenuOf(template[1]).map((item) => item.role)).not.toContain('quit');
  });
});

describe('installApplicationMenu', () => {
  beforeEach(() => {
    electronFake.setApplicationMenu.mockClear();
    electronFake.buildFromTemplate.mockClear();
  });

  it('installs English labels at once and rebuilds with the renderer’s labels', async () => {
    const { installApplicationMenu } = await import('../../electron/main/windows/applicationMenu');
    const menu = installApplicationMenu({ platform: 'linux', isPackaged: true, dispatch: () => undefined });
    expect(electronFake.setApplicationMenu).toHaveBeenCalledTimes(1);
    const first = electronFake.buildFromTemplate.mock.calls[0]?.[0] as Item[];
    expect(first[0]?.label).toBe('File');

    menu.setLabels({
      language: 'zh-CN',
      labels: { ...defaultCommandLabels(), 'lead.new': '新建线索' },
      menuTitles: { ...DEFAULT_MENU_TITLES, file: '文件' },
    });
    expect(electronFake.setApplicationMenu).toHaveBeenCalledTimes(2);
    const second = electronFake.buildFromTemplate.mock.calls[1]?.[0] as Item[];
    expect(second[0]?.label).toBe('文件');
    expect(allItems(second).find((item) => item.id === 'lead.new')?.label).toBe('新建线索');
  });
});
