import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { canonicalJson, draftFromPlaybook, fileText, type PlaybookDraft, type StoredPlaybookDraft } from '../editor/draft';
import { publishPlaybook } from '../editor/playbookApi';
import { problemsByPath, scriptLocation, tabOfPath, validateDraft, type EditorTab, type Problem } from '../editor/validate';
import { withPublishedVersions } from '../editor/versioning';
import { discardPlaybookDraft, loadPlaybookFile, savePlaybookDraft } from '../mutations';
import { useSalesMembers } from '../queries';
import { Dialog } from '../../../ui/Dialog';
import { CriteriaTab } from './CriteriaTab';
import { DispositionsTab } from './DispositionsTab';
import { ImportDialog } from './ImportDialog';
import type { PlaybookEditorProps } from './PlaybookEditor';
import { ProblemsContext, sayProblem } from './problems';
import { PublishBar, type PublishState } from './PublishBar';
import { RoutingTab } from './RoutingTab';
import { ScorecardTab } from './ScorecardTab';
import { ScriptsTab, type ScriptNav } from './ScriptsTab';
import { TaxonomyTab } from './TaxonomyTab';
import { VersionsTab } from './VersionsTab';

const TABS: readonly EditorTab[] = ['scripts', 'taxonomy', 'dispositions', 'criteria', 'routing', 'scorecard', 'versions'];

function downloadJson(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The editor once the stored draft is read: the draft, its problems, the tabs, and publishing. */
export function EditorWorkspace({ server, teamId, playbook, initial }: PlaybookEditorProps & { readonly initial: StoredPlaybookDraft | null }) {
  const { t } = useTranslation('playbookEditor');
  const baseId = useId();
  const members = useSalesMembers();
  // null: nothing edited yet, so the editor shows the published playbook as it is now.
  const [draft, setDraft] = useState<PlaybookDraft | null>(initial?.draft ?? null);
  const [note, setNote] = useState(initial?.note ?? '');
  const [tab, setTab] = useState<EditorTab>('scripts');
  const [nav, setNav] = useState<ScriptNav>({ script: 0, question: null });
  const [serverProblems, setServerProblems] = useState<readonly Problem[]>([]);
  const [publishState, setPublishState] = useState<PublishState>({ kind: 'idle' });
  const [problemsOpen, setProblemsOpen] = useState(false);
  const [dialog, setDialog] = useState<'import' | 'discard' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<string | null>(null);
  const saved = useRef<StoredPlaybookDraft | null>(initial);

  const published = useMemo(() => draftFromPlaybook(playbook), [playbook]);
  const working = draft ?? published;
  const publishedJson = useMemo(() => canonicalJson(published), [published]);
  const changed = useMemo(() => draft !== null && canonicalJson(draft) !== publishedJson, [draft, publishedJson]);
  const problems = useMemo(() => [...validateDraft(working), ...serverProblems], [working, serverProblems]);
  const byPath = useMemo(() => problemsByPath(problems.map((p) => ({ path: p.path, message: sayProblem(p.message, t) }))), [problems, t]);

  useEffect(() => {
    if (draft === null || (saved.current?.draft === draft && saved.current.note === note)) return;
    saved.current = { draft, note };
    savePlaybookDraft({ draft, note }).then(
      () => setSaveError(null),
      (error: unknown) => setSaveError(error instanceof Error ? error.message : String(error)),
    );
  }, [draft, note]);

  // "Show" on a problem switches tab and opens its question; the control is focused once rendered.
  useEffect(() => {
    const path = pendingFocus.current;
    if (path === null || !rootRef.current) return;
    for (let candidate = path; candidate !== ''; candidate = candidate.replace(/(\.[^.[]+|\[\d+\])$/, '')) {
      const target = rootRef.current.querySelector<HTMLElement>(`[data-path="${candidate.replace(/["\\]/g, '\\$&')}"]`);
      if (target) {
        target.focus();
        target.scrollIntoView?.({ block: 'center' });
        break;
      }
      if (!/(\.[^.[]+|\[\d+\])$/.test(candidate)) break;
    }
    pendingFocus.current = null;
  });

  const update = (change: (d: PlaybookDraft) => PlaybookDraft) => {
    setDraft((current) => change(current ?? published));
    setServerProblems([]);
    setPublishState({ kind: 'idle' });
    setNotice(null);
  };

  const showProblem = (path: string) => {
    setTab(tabOfPath(path));
    const at = scriptLocation(path);
    if (at) setNav({ script: at.script, question: at.section !== null && at.question !== null ? { section: at.section, question: at.question } : null });
    pendingFocus.current = path;
  };

  const forgetDraft = async () => {
    saved.current = null;
    setDraft(null);
    setNote('');
    await discardPlaybookDraft();
  };

  const publish = async () => {
    const file = { ...working, scripts: withPublishedVersions(working.scripts, playbook.allScripts) };
    const text = fileText(file);
    setPublishState({ kind: 'busy' });
    const result = await publishPlaybook(server, teamId, text, note);
    if (result.ok) {
      // Sync brings the new version to every device; this one uses it at once.
      const loaded = await loadPlaybookFile(text);
      await forgetDraft();
      setPublishState({ kind: 'published', version: result.value.version, loadedHere: loaded.ok });
      return;
    }
    const { problem } = result;
    if (problem.kind === 'refused' && problem.fields.length > 0) {
      setServerProblems(problem.fields.map((f) => ({ path: f.path === '(file)' ? '' : f.path, message: f.message })));
      setProblemsOpen(true);
      setPublishState({ kind: 'refused', message: problem.message });
    } else setPublishState({ kind: 'failed', problem });
  };

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const next = e.key === 'ArrowRight' ? index + 1 : e.key === 'ArrowLeft' ? index - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const id = TABS[(next + TABS.length) % TABS.length]!;
    setTab(id);
    document.getElementById(`${baseId}-tab-${id}`)?.focus();
  };

  const status = draft === null ? t('status.published') : changed ? t('status.changed') : t('status.same');

  return (
    <div className="playbook-editor" ref={rootRef}>
      <header className="pbe-header">
        <div className="pbe-heading">
          <h1 className="panel-title">{t('title')}</h1>
          <p className="pbe-status">{status}</p>
        </div>
        <div className="row-actions">
          <button type="button" className="btn" onClick={() => setDialog('import')}>
            {t('import.open')}
          </button>
          <button type="button" className="btn" onClick={() => downloadJson(fileText(working), 'playbook.json')}>
            {t('export')}
          </button>
          <button type="button" className="btn btn-danger" disabled={draft === null} onClick={() => setDialog('discard')}>
            {t('discard.open')}
          </button>
        </div>
      </header>
      {notice ? (
        <p className="pbe-notice pbe-banner" role="status">
          {notice}
        </p>
      ) : null}
      {saveError ? (
        <p className="form-error pbe-banner" role="alert">
          {t('saveFailed', { message: saveError })}
        </p>
      ) : null}
      <div role="tablist" aria-label={t('tabs.label')} className="pbe-tabs">
        {TABS.map((id, i) => {
          const count = id === 'versions' ? 0 : problems.filter((p) => tabOfPath(p.path) === id).length;
          return (
            <button
              key={id}
              type="button"
              role="tab"
              id={`${baseId}-tab-${id}`}
              aria-selected={tab === id}
              aria-controls={`${baseId}-panel`}
              tabIndex={tab === id ? 0 : -1}
              className={`queue-tab pbe-tab${tab === id ? ' is-active' : ''}`}
              onClick={() => setTab(id)}
              onKeyDown={(e) => onTabKey(e, i)}
            >
              {t(`tabs.${id}`)}
              {count > 0 ? (
                <span className="pbe-tab-count">
                  <span aria-hidden="true">{count}</span>
                  <span className="visually-hidden">{t('problems.count', { count })}</span>
                </span>
              ) : null}
            </button>
          );
        })}
      </div>
      <ProblemsContext.Provider value={byPath}>
        <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${tab}`} className="pbe-body">
          {tab === 'scripts' ? (
            <ScriptsTab scripts={working.scripts} known={playbook.allScripts} problems={problems} nav={nav} onNav={setNav} onChange={(scripts) => update((d) => ({ ...d, scripts }))} />
          ) : null}
          {tab === 'taxonomy' ? <TaxonomyTab taxonomy={working.taxonomy} onChange={(taxonomy) => update((d) => ({ ...d, taxonomy }))} /> : null}
          {tab === 'dispositions' ? <DispositionsTab dispositions={working.dispositions} onChange={(dispositions) => update((d) => ({ ...d, dispositions }))} /> : null}
          {tab === 'criteria' ? <CriteriaTab criteria={working.criteria} taxonomy={working.taxonomy} onChange={(criteria) => update((d) => ({ ...d, criteria }))} /> : null}
          {tab === 'routing' ? <RoutingTab routing={working.routing} members={members} onChange={(routing) => update((d) => ({ ...d, routing }))} /> : null}
          {tab === 'scorecard' ? <ScorecardTab scorecard={working.scorecard} onChange={(scorecard) => update((d) => ({ ...d, scorecard }))} /> : null}
          {tab === 'versions' ? <VersionsTab server={server} teamId={teamId} /> : null}
        </div>
      </ProblemsContext.Provider>
      <PublishBar
        problems={problems}
        changed={changed}
        note={note}
        state={publishState}
        problemsOpen={problemsOpen}
        onProblemsOpen={setProblemsOpen}
        onShowProblem={showProblem}
        onNote={setNote}
        onPublish={() => void publish()}
      />
      {dialog === 'import' ? (
        <ImportDialog
          onClose={() => setDialog(null)}
          onImport={(imported) => {
            update(() => imported);
            setNav({ script: 0, question: null });
            setDialog(null);
            setNotice(t('import.done'));
          }}
        />
      ) : null}
      {dialog === 'discard' ? (
        <Dialog
          title={t('discard.title')}
          closeLabel={t('close')}
          onClose={() => setDialog(null)}
          footer={
            <>
              <button type="button" className="btn" onClick={() => setDialog(null)}>
                {t('cancel')}
              </button>
              <button
                type="button"
                className="btn btn-danger"
                onClick={() => {
                  setDialog(null);
                  setServerProblems([]);
                  setPublishState({ kind: 'idle' });
                  void forgetDraft();
                }}
              >
                {t('discard.confirm')}
              </button>
            </>
          }
        >
          <p>{t('discard.explain')}</p>
        </Dialog>
      ) : null}
    </div>
  );
}
