import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../renderer/app/i18n';

/** Renders with the app's real strings, so tests find controls by the names users see. */
export async function renderWithI18n(ui: ReactElement, language: 'en' | 'zh-CN' = 'en'): Promise<RenderResult> {
  const i18n = await createI18n(language);
  return render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>);
}
