import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhoneRegion } from '../../shared/model/phone';
import { COMMANDS } from '../../shared/ipc/commands';
import { SignInDialog, SyncIndicator, SyncPanel, useSyncOverview } from '../features/account';
import { AdminScreen } from '../features/admin';
import { SalesInbox } from '../features/inbox';
import { ReportsScreen } from '../features/reports';
import { FeedbackButton, FeedbackPanel, ReviewWorkspace } from '../features/review';
import { useNow } from './hooks/useNow';
import { useCallbackReminders } from '../features/call';
import { DemoOffer, loadDemoLeads } from '../features/demo';
import { LeadWorkspace, type WorkspaceApi } from '../features/desk';
import { PlaybookEditor, usePlaybook } from '../features/playbook';
import { tagLabel as labelOfTag } from '../features/tags';
import { ImportDialog } from '../features/import';
import { LeadPanel, LeadQueue, hasLeads, type QueueApi } from '../features/leads';
import { SettingsDialog, readSetting, useSetting } from '../features/settings';
import { IncomingCallPopup, SoftphoneSettings, SoftphoneStatus, useIncomingCallActions, useSoftphoneService, useSoftphoneStore } from '../features/softphone';
import { pickScript } from '../../shared/rules/scriptBranching';
import type { Lead } from '../../shared/model/lead';
import type { Platform } from '../platform';
import { useUiStore, type Screen } from '../state/uiStore';
import { isTyping, useCommandShortcuts } from './useCommandShortcuts';

/** What the app shell needs from the sync engine (created in main.tsx). */
export interface SyncControl {
  syncNow(): void;
}

export function App({ platform, sync }: { readonly platform: Platform; readonly sync: SyncControl }) {
  const { t, i18n } = useTranslation();
  const syncOverview = useSyncOverview();
  const role = syncOverview.account?.user.role ?? null;
  const now = useNow(30_000);
  const region = useSetting('defaultPhoneRegion') as PhoneRegion;
  const ownerName = useSetting('ownerName');
  const dialerSetting = useSetting('dialer');
  const playbook = usePlaybook();
  const { taxonomy } = playbook;
  const members = useSetting('teamMembers');
  const tagLabel = useCallback((tag: string) => labelOfTag(taxonomy, tag, i18n.language), [taxonomy, i18n.language]);
  // Wrapped so that "still reading" (undefined) differs from "never offered" ({ offered: undefined }).
  const demo = useLiveQuery(async () => ({ offered: await readSetting('demoOffered') }), []);
  const offerDemo = demo !== undefined && demo.offered === undefined;
  const anyLeads = useLiveQuery(async () => (offerDemo ? hasLeads() : true), [offerDemo]);
  const overlay = useUiStore((s) => s.overlay);
  const superseded = useUiStore((s) => s.superseded);
  const toast = useUiStore((s) => s.toast);
  const view = useUiStore((s) => s.view);
  const chosenScreen = useUiStore((s) => s.screen);
  // Only team leads have screens beside the desk.
  const screen: Screen = role === 'lead' ? chosenScreen : 'desk';
  const { setOverlay, openPanel, setView, setScreen, showToast } = useUiStore.getState();

  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const queueApi = useRef<QueueApi>(null);
  const workspaceApi = useRef<WorkspaceApi>(null);
  const notify = useCallback((title: string, body: string) => platform.notify(title, body), [platform]);
  const openExternal = useCallback((url: string) => platform.openExternal(url), [platform]);
  useCallbackReminders(notify);

  // The built-in softphone runs for the whole window, whichever lead or screen is open.
  const [sipReload, setSipReload] = useState(0);
  const notifyCall = useCallback((caller: string) => void platform.notify(t('softphone:incoming.title'), caller).catch(() => undefined), [platform, t]);
  const missedCall = useCallback((caller: string) => showToast(t('softphone:incoming.missed', { caller })), [showToast, t]);
  useSoftphoneService({ sipSecret: platform.sipSecret, region, reloadKey: sipReload, notify: notifyCall, onMissed: missedCall });
  const incomingProps = {
    region,
    sdr: ownerName,
    scriptFor: (lead: Lead) => pickScript(playbook.scripts, lead, i18n.language),
    onAnswered: (lead: Lead | null) => {
      if (!lead) return;
      setScreen('desk');
      useUiStore.getState().select(lead.id);
    },
    onError: (err: unknown) => showToast(err instanceof Error ? err.message : String(err)),
  };
  const incomingCall = useIncomingCallActions(incomingProps);

  // Ctrl+Enter saves what the user is working on: the focused form that opts in (a note, the
  // wrap-up), else the lead form, else the call's wrap-up.
  const save = () => {
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLFormElement>('form[data-save-scope]') : null;
    const target = focused ?? formRef.current ?? document.querySelector<HTMLFormElement>('form[data-save-default]');
    target?.requestSubmit();
  };

  const openSelected = () => headingRef.current?.focus();
  const loadDemo = async () => {
    setOverlay('none');
    showToast(t('demo.loaded', { count: await loadDemoLeads() }));
  };

  useCommandShortcuts(platform, {
    'lead.new': () => openPanel({ mode: 'new' }),
    'lead.import': () => setOverlay('import'),
    'lead.save': save,
    'call.dial': () => workspaceApi.current?.dial(),
    // While a call rings in, the call keys answer and decline it.
    'call.connected': () => (useSoftphoneStore.getState().incoming ? void incomingCall.answer() : workspaceApi.current?.markConnected()),
    'call.hangUp': () => (useSoftphoneStore.getState().incoming ? void incomingCall.decline() : workspaceApi.current?.hangUp()),
    'notes.focus': () => workspaceApi.current?.focusNotes(),
    'handoff.open': () => workspaceApi.current?.handOff(),
    'queue.focusSearch': () => searchRef.current?.focus(),
    'queue.next': () => queueApi.current?.move(1),
    'queue.previous': () => queueApi.current?.move(-1),
    'queue.open': openSelected,
    'view.inbound': () => setView('inbound'),
    'view.outbound': () => setView('outbound'),
    'settings.open': () => setOverlay('settings'),
    'demo.load': () => void loadDemo(),
  });

  // sdrdesk://lead/<id> opens that lead.
  useEffect(
    () =>
      platform.onDeepLink((target) => {
        if (target.kind === 'lead') useUiStore.getState().select(target.leadId);
      }),
    [platform],
  );

  // A team lead moves between their screens with Alt+1…4, wherever the focus is.
  useEffect(() => {
    if (role !== 'lead') return;
    const screens: readonly Screen[] = ['desk', 'review', 'playbook', 'reports'];
    const onKey = (e: KeyboardEvent) => {
      const index = e.altKey && !e.ctrlKey && !e.metaKey ? ['1', '2', '3', '4'].indexOf(e.key) : -1;
      if (index < 0 || useUiStore.getState().overlay !== 'none') return;
      e.preventDefault();
      setScreen(screens[index]!);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [role, setScreen]);

  // Single-key shortcuts, only when the user is not typing in a field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || useUiStore.getState().overlay !== 'none' || useUiStore.getState().screen !== 'desk') return;
      if (e.key === '/') {
        e.preventDefault();
        searchRef.current?.focus();
      } else if ((e.key === 'j' || e.key === 'k') && e.target !== listRef.current) {
        e.preventDefault();
        queueApi.current?.move(e.key === 'j' ? 1 : -1);
        listRef.current?.focus();
      } else if (e.key === 'e' && useUiStore.getState().selectedLeadId) {
        e.preventDefault();
        openPanel({ mode: 'edit' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openPanel]);

  // The desktop menu speaks the UI language too; its labels come from the same strings.
  useEffect(() => {
    const labels = Object.fromEntries(COMMANDS.map((c) => [c.id, t(`commands.${c.id}`)])) as Record<(typeof COMMANDS)[number]['id'], string>;
    const titles = { file: t('menu.file'), edit: t('menu.edit'), view: t('menu.view'), leads: t('menu.leads'), call: t('menu.call'), window: t('menu.window'), help: t('menu.help') };
    platform.setMenuLabels(i18n.language === 'zh-CN' ? 'zh-CN' : 'en', labels, titles).catch((err: unknown) => console.error('menu labels', err));
    document.documentElement.lang = i18n.language;
  }, [platform, t, i18n.language]);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => showToast(null), 3000);
    return () => clearTimeout(timer);
  }, [toast, showToast]);

  const openLink = (url: string) => {
    platform.openExternal(url).catch((err: unknown) => showToast(String(err)));
  };

  return (
    <div className="app">
      {superseded ? (
        <div className="superseded" role="alertdialog" aria-modal="true" aria-label={t('app.superseded')}>
          <p>{t('app.superseded')}</p>
          <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
            {t('app.reload')}
          </button>
        </div>
      ) : null}
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ☎
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        {role === 'lead' ? (
          <nav className="topbar-screens" aria-label={t('nav.screens')}>
            {(['desk', 'review', 'playbook', 'reports'] as const).map((s, i) => (
              <button key={s} type="button" className="screen-tab" aria-current={screen === s ? 'page' : undefined} onClick={() => setScreen(s)} aria-keyshortcuts={`Alt+${i + 1}`} title={`Alt+${i + 1}`}>
                {t(`nav.${s}`)}
              </button>
            ))}
          </nav>
        ) : null}
        <nav className="topbar-actions" aria-label={t('nav.main')}>
          {role === 'sales' || role === 'admin' || screen !== 'desk' ? null : (
            <>
              <button type="button" className="btn btn-primary" onClick={() => openPanel({ mode: 'new' })} aria-keyshortcuts="Control+N">
                + {t('nav.newLead')}
              </button>
              <button type="button" className="btn" onClick={() => setOverlay('import')} aria-keyshortcuts="Control+I">
                {t('nav.import')}
              </button>
              <button type="button" className="btn btn-ghost" onClick={() => setOverlay('settings')} aria-keyshortcuts="Control+,">
                ⚙ {t('nav.settings')}
              </button>
            </>
          )}
        </nav>
        <div className="topbar-status">
          {syncOverview.account === null ? (
            <button type="button" className="btn btn-primary btn-signin" onClick={() => setOverlay('signIn')}>
              {t('account.signIn')}
            </button>
          ) : null}
          <SoftphoneStatus onOpenSettings={() => setOverlay('settings')} />
          {role === 'sdr' ? <FeedbackButton onOpen={() => setOverlay('feedback')} /> : null}
          <SyncIndicator overview={syncOverview} onOpen={() => setOverlay('sync')} />
        </div>
      </header>
      {role === 'sales' ? (
        <main className="workspace workspace-full">
          <SalesInbox actorName={syncOverview.account?.user.name ?? ''} tagLabel={tagLabel} now={now} region={region} onOpenLink={openLink} />
        </main>
      ) : role === 'admin' ? (
        <main className="workspace workspace-full">
          <AdminScreen server={platform.server} onSignIn={() => setOverlay('signIn')} />
        </main>
      ) : screen === 'review' ? (
        <main className="workspace workspace-full">
          <ReviewWorkspace server={platform.server} online={syncOverview.status.phase !== 'offline'} members={members} playbook={playbook} tagLabel={tagLabel} now={now} />
        </main>
      ) : screen === 'playbook' && syncOverview.account?.user.teamId ? (
        <main className="workspace workspace-full">
          <PlaybookEditor server={platform.server} teamId={syncOverview.account.user.teamId} playbook={playbook} />
        </main>
      ) : screen === 'reports' ? (
        <main className="workspace workspace-full">
          <ReportsScreen server={platform.server} playbook={playbook} now={now} onSignIn={() => setOverlay('signIn')} />
        </main>
      ) : (
      <main className="workspace">
          <LeadQueue region={region} searchRef={searchRef} listRef={listRef} onOpen={openSelected} apiRef={queueApi} tagLabel={tagLabel} />
          <LeadPanel
            region={region}
            ownerName={ownerName}
            onOpenLink={openLink}
            onDial={(e164) => workspaceApi.current?.dial(e164)}
            tagLabel={tagLabel}
            renderWorkspace={(lead, now) => (
              <LeadWorkspace key={lead.id} lead={lead} region={region} sdr={ownerName} dialerSetting={dialerSetting} openExternal={openExternal} now={now} apiRef={workspaceApi} tagLabel={tagLabel} />
            )}
            headingRef={headingRef}
            formRef={formRef}
          />
        </main>
      )}
      <IncomingCallPopup {...incomingProps} />
      {toast ? (
        <div className="toast" role="status">
          {toast}
        </div>
      ) : null}
      {overlay === 'import' ? (
        <ImportDialog onClose={() => setOverlay('none')} ownerName={ownerName} defaultPhoneRegion={region} defaultKind={view} />
      ) : null}
      {overlay === 'sync' ? (
        <SyncPanel overview={syncOverview} transport={platform.server} onSyncNow={() => sync.syncNow()} onSignIn={() => setOverlay('signIn')} onClose={() => setOverlay('none')} />
      ) : null}
      {overlay === 'signIn' ? (
        <SignInDialog
          transport={platform.server}
          lastServerUrl={syncOverview.account?.serverUrl ?? ''}
          lastEmail={syncOverview.account?.user.email ?? ''}
          onClose={() => setOverlay('none')}
          onSignedIn={() => {
            setOverlay('none');
            sync.syncNow();
          }}
        />
      ) : null}
      {overlay === 'feedback' ? (
        <FeedbackPanel
          onClose={() => setOverlay('none')}
          onOpenLead={(leadId) => {
            setScreen('desk');
            useUiStore.getState().select(leadId);
          }}
        />
      ) : null}
      {overlay === 'settings' ? (
        <SettingsDialog
          onClose={() => setOverlay('none')}
          onLoadDemo={() => void loadDemo()}
          onMessage={showToast}
          onSipAccountSaved={() => setSipReload((n) => n + 1)}
          softphoneSettings={(onAccountSaved) => <SoftphoneSettings sipSecret={platform.sipSecret} onAccountSaved={onAccountSaved} onPasswordForgotten={() => setSipReload((n) => n + 1)} />}
        />
      ) : null}
      {overlay === 'none' && offerDemo && anyLeads === false && role !== 'sales' && role !== 'admin' ? (
        <DemoOffer onImport={() => setOverlay('import')} onSignIn={() => setOverlay('signIn')} onLoaded={(count) => showToast(t('demo.loaded', { count }))} />
      ) : null}
    </div>
  );
}
