import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/model/settings';
import { adminStrings } from '../../features/admin/strings';
import { importStrings } from '../../features/import/strings';
import { inboxStrings } from '../../features/inbox/strings';
import { playbookEditorStrings } from '../../features/playbook/strings';
import { reportsStrings } from '../../features/reports/strings';
import { reviewStrings } from '../../features/review/strings';
import { softphoneSettingsStrings } from '../../features/softphone/settingsStrings';
import { softphoneStrings } from '../../features/softphone/strings';
import { en } from './en';
import { zhCN } from './zh-CN';

/** Feature namespaces: each feature owns its strings in both languages. */
const resources = {
  en: { translation: en, import: importStrings.en, inbox: inboxStrings.en, admin: adminStrings.en, review: reviewStrings.en, reports: reportsStrings.en, playbookEditor: playbookEditorStrings.en, sipSettings: softphoneSettingsStrings.en, softphone: softphoneStrings.en },
  'zh-CN': { translation: zhCN, import: importStrings['zh-CN'], inbox: inboxStrings['zh-CN'], admin: adminStrings['zh-CN'], review: reviewStrings['zh-CN'], reports: reportsStrings['zh-CN'], playbookEditor: playbookEditorStrings['zh-CN'], sipSettings: softphoneSettingsStrings['zh-CN'], softphone: softphoneStrings['zh-CN'] },
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
