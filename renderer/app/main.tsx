import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { languageForLocale } from '../../shared/model/settings';
import { db, watchForNewerVersion } from '../db';
import { loadPlaybookFile } from '../features/playbook';
import { readSetting } from '../features/settings';
import { SyncEngine } from '../sync/engine';
import { leadSync } from '../sync/leader';
import { detectPlatform, prepareOffline } from '../platform';
import { useUiStore } from '../state/uiStore';
import { App } from './App';
import { createI18n } from './i18n';
import './styles.css';
import './layout.css';
import './desk.css';

/** Composition root: platform, database, language; then the app. */
async function start(): Promise<void> {
  const platform = detectPlatform();
  prepareOffline(platform);
  watchForNewerVersion(db, () => useUiStore.getState().markSuperseded());
  await db.open();
  // Ask the browser not to evict the SDR's only copy of unsynced work under storage pressure.
  void navigator.storage?.persist?.();
  const language = (await readSetting('language')) ?? languageForLocale(await platform.systemLocale());
  const i18n = await createI18n(language);
  const engine = new SyncEngine(db, platform.server, {
    onPlaybook: async (published) => {
      const loaded = await loadPlaybookFile(published.text);
      if (!loaded.ok) console.error('team playbook refused', loaded.errors);
    },
  });
  const sync = leadSync(db, engine);
  window.addEventListener('pagehide', () => sync.stop());
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App platform={platform} sync={sync} />
      </I18nextProvider>
    </StrictMode>,
  );
}

void start();
