/**
 * Owns the application menu: English labels at start, rebuilt whenever the renderer sends its
 * localized labels (menu:setLabels), so every string lives once, in the renderer's i18n.
 */
import { Menu } from 'electron';
import { DEFAULT_MENU_TITLES, defaultCommandLabels, type CommandId } from '../../../shared/ipc/commands';
import type { MenuLabels } from '../../../shared/ipc/schemas';
import { buildMenuTemplate } from './menuTemplate';

export interface ApplicationMenu {
  setLabels(labels: MenuLabels): void;
}

export function installApplicationMenu(options: {
  readonly platform: string;
  readonly isPackaged: boolean;
  readonly dispatch: (command: CommandId) => void;
}): ApplicationMenu {
  const apply = (labels: Pick<MenuLabels, 'labels' | 'menuTitles'>): void => {
    const template = buildMenuTemplate({ ...options, labels: labels.labels, menuTitles: labels.menuTitles });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  apply({ labels: defaultCommandLabels(), menuTitles: DEFAULT_MENU_TITLES });
  return { setLabels: apply };
}
