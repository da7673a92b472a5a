export { SettingsDialog } from './SettingsDialog';
export { useSetting, readSetting } from './queries';
export { writeSetting } from './mutations';
