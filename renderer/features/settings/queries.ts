import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db';
import { SETTINGS_SCHEMAS, SETTING_DEFAULTS, type SettingKey, type SettingValue } from '../../../shared/model/settings';

type DefaultedKey = keyof typeof SETTING_DEFAULTS;

/** A setting's stored value, or undefined when unset or invalid (a bad value never crashes the app). */
export async function readSetting<K extends SettingKey>(key: K): Promise<SettingValue<K> | undefined> {
  const row = await db.settings.get(key);
  if (!row) return undefined;
  const parsed = SETTINGS_SCHEMAS[key].safeParse(row.value);
  return parsed.success ? (parsed.data as SettingValue<K>) : undefined;
}

export function useSetting<K extends DefaultedKey>(key: K): SettingValue<K> {
  const value = useLiveQuery(() => readSetting(key), [key]);
  return value ?? SETTING_DEFAULTS[key];
}
