import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canRecall, type Handoff } from '../../../../shared/model/handoff';
import type { PhoneRegion } from '../../../../shared/model/phone';
import { usePlaybook } from '../../playbook';
import { discoveryAnswers } from '../discoveryAnswers';
import type { InboxTab } from '../inboxLists';
import { acceptHandoff, returnHandoff, type AnswerResult } from '../mutations';
import { useInbox } from '../queries';
import { HandoffDetail } from './HandoffDetail';
import { InboxList } from './InboxList';
import { ReturnDialog } from './ReturnDialog';
import '../inbox.css';

export interface SalesInboxProps {
  /** The signed-in rep's name: shown as who answered until the server confirms it. */
  readonly actorName: string;
  /** A tag as people read it (the team taxonomy's label, or the free tag itself). */
  readonly tagLabel: (tag: string) => string;
  /** For ages ("waiting 3 h"); the caller refreshes it. */
  readonly now: number;
  /** Phone numbers are shown as dialled from here. */
  readonly region?: PhoneRegion;
  /** Makes phone numbers and e-mail addresses links (tel:, mailto:) opened through the platform. */
  readonly onOpenLink?: (url: string) => void;
  /** The time an answer is stamped with; tests pass a fixed one. */
  readonly clock?: () => number;
}

const NOTICE_MS = 6000;
const NOTHING_UNSYNCED: ReadonlySet<string> = new Set();

/** True when a key press belongs to the field being typed in, not to a single-key shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'file'].includes(target.type);
}

/**
 * The sales rep's main screen: hand-offs waiting for an answer on the left, the chosen one in full
 * on the right, accepted in one click or returned to the SDR with a reason. Keys (outside text
 * fields): j/k move, a accepts, r returns; in the list also ↑/↓, PageUp/PageDown, Home/End and
 * Enter (moves to the hand-off).
 */
export function SalesInbox({ actorName, tagLabel, now, region = 'CN', onOpenLink, clock = Date.now }: SalesInboxProps) {
  const { t } = useTranslation('inbox');
  const inbox = useInbox();
  const playbook = usePlaybook();
  const [tab, setTab] = useState<InboxTab>('waiting');
  // The chosen hand-off, and where it was: when it leaves the list (answered) the one now in its place is shown.
  const [pick, setPick] = useState<{ readonly id: string | null; readonly index: number }>({ id: null, index: 0 });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ readonly id: string; readonly message: string } | null>(null);
  const [returning, setReturning] = useState<Handoff | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const items = inbox ? inbox[tab] : undefined;
  const rows = items ?? [];
  const found = pick.id === null ? -1 : rows.findIndex((h) => h.id === pick.id);
  const selectedIndex = found >= 0 ? found : rows.length > 0 ? Math.min(pick.index, rows.length - 1) : -1;
  const selected = rows[selectedIndex] ?? null;
  const answers = useMemo(() => (selected ? discoveryAnswers(selected, playbook.allScripts) : []), [selected, playbook.allScripts]);

  useEffect(() => {
    if (notice === null) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  // Rows re-render only when their own data changes: the click handler they get stays the same.
  const rowsRef = useRef(rows);
  useEffect(() => {
    rowsRef.current = rows;
  });
  const selectById = useCallback((id: string) => setPick({ id, index: Math.max(0, rowsRef.current.findIndex((h) => h.id === id)) }), []);

  const select = (index: number) => {
    const handoff = rows[index];
    if (handoff) setPick({ id: handoff.id, index });
  };
  const move = (delta: number) => {
    if (rows.length === 0) return;
    select(selectedIndex < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, selectedIndex + delta)));
  };
  const changeTab = (next: InboxTab) => {
    setTab(next);
    setPick({ id: null, index: 0 });
  };

  const settle = (handoff: Handoff, result: AnswerResult, done: string) => {
    if (result.ok) {
      setError(null);
      setNotice(done);
    } else {
      setError({ id: handoff.id, message: result.code === 'notOpen' ? t('actions.notOpen') : t('actions.failed', { message: result.message }) });
    }
    return result.ok;
  };
  const company = (handoff: Handoff) => handoff.snapshot?.lead.company ?? t('row.unknownCompany');

  const accept = async (handoff: Handoff) => {
    if (busy || !canRecall(handoff.status)) return;
    setBusy(true);
    const result = await acceptHandoff(handoff.id, clock());
    setBusy(false);
    // The button goes with the answered hand-off: the list keeps the keyboard for the next one.
    if (settle(handoff, result, t('actions.accepted', { company: company(handoff) }))) listRef.current?.focus();
  };

  const sendBack = async (handoff: Handoff, reason: string) => {
    setBusy(true);
    const result = await returnHandoff(handoff.id, reason, clock());
    setBusy(false);
    if (settle(handoff, result, t('actions.returned', { company: company(handoff), sdr: handoff.fromSdr }))) {
      setReturning(null);
      listRef.current?.focus();
    }
  };

  const openReturn = (handoff: Handoff) => {
    if (!canRecall(handoff.status)) return;
    setError(null);
    setReturning(handoff);
  };

  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || returning || isTyping(e.target)) return;
    // Another dialog of the app is open: its keys are its own.
    if (e.target instanceof Element && e.target.closest('[aria-modal="true"]')) return;
    if (e.key === 'j' || e.key === 'k') {
      e.preventDefault();
      move(e.key === 'j' ? 1 : -1);
      listRef.current?.focus();
    } else if (e.key === 'a' && selected) {
      e.preventDefault();
      void accept(selected);
    } else if (e.key === 'r' && selected) {
      e.preventDefault();
      openReturn(selected);
    }
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <div className="inbox">
      <InboxList
        tab={tab}
        counts={{ waiting: inbox?.waiting.length ?? null, answered: inbox?.answered.length ?? null }}
        items={items}
        selectedIndex={selectedIndex}
        now={now}
        me={actorName}
        unsynced={inbox?.unsynced ?? NOTHING_UNSYNCED}
        productLines={playbook.routing.productLines}
        notice={notice}
        listRef={listRef}
        onTab={changeTab}
        onSelect={selectById}
        onMove={move}
        onJump={(to) => select(to === 'first' ? 0 : rows.length - 1)}
        onOpen={() => headingRef.current?.focus()}
      />
      <section className="lead-panel inbox-panel" aria-label={t('detail.label')}>
        {selected ? (
          <HandoffDetail
            key={selected.id}
            handoff={selected}
            answers={answers}
            now={now}
            me={actorName}
            unsynced={inbox?.unsynced.has(selected.id) ?? false}
            busy={busy}
            error={error && error.id === selected.id && !returning ? error.message : null}
            region={region}
            productLines={playbook.routing.productLines}
            tagLabel={tagLabel}
            onOpenLink={onOpenLink}
            headingRef={headingRef}
            onAccept={() => void accept(selected)}
            onReturn={() => openReturn(selected)}
          />
        ) : (
          <p className="lead-panel-empty inbox-none">{inbox && rows.length === 0 && tab === 'waiting' ? t('list.emptyWaiting') : t('detail.none')}</p>
        )}
      </section>
      {returning ? (
        <ReturnDialog
          sdr={returning.fromSdr}
          busy={busy}
          error={error && error.id === returning.id ? error.message : null}
          onSubmit={(reason) => void sendBack(returning, reason)}
          onClose={() => {
            setReturning(null);
            setError(null);
          }}
        />
      ) : null}
    </div>
  );
}
