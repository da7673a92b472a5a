import { db } from '../../db';
import { SETTINGS_SCHEMAS, type SettingKey, type SettingValue } from '../../../shared/model/settings';

/**
 * Settings are this device's preferences, not team data, so they are written directly and never
 * queued for sync.
 */
export async function writeSetting<K extends SettingKey>(key: K, value: SettingValue<K>): Promise<void> {
  const parsed = SETTINGS_SCHEMAS[key].parse(value);
  await db.settings.put({ key, value: parsed });
}
