import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/model/settings';
import { importStrings } from '../../features/import/strings';
import { en } from './en';
import { zhCN } from './zh-CN';

/** Feature namespaces: each feature owns its strings in both languages. */
const resources = {
  en: { translation: en, import: importStrings.en },
  'zh-CN': { translation: zhCN, import: importStrings['zh-CN'] },
} as const;

export async function createI18n(language: Language): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

export type { Strings } from './en';
