import { useEffect, useRef, useState } from 'react';

/** Saves at most this long after a keystroke, even while typing goes on. */
export const DRAFT_MAX_WAIT_MS = 400;
/** A pause in typing this long saves at once. */
export const DRAFT_PAUSE_MS = 250;

/**
 * Keeps a draft durable while it is typed: after every pause and, during continuous typing, at
 * least every DRAFT_MAX_WAIT_MS, so a crash loses well under half a second. The page being hidden
 * or closed and the editor unmounting flush at once. The keystroke itself only arms a timer.
 */
export interface DraftAutosave {
  readonly changed: (text: string) => void;
  readonly flush: () => void;
}

export function useDraftAutosave(save: (text: string) => Promise<void>): DraftAutosave {
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const [api] = useState((): DraftAutosave => {
    let pending: string | null = null;
    let pause: ReturnType<typeof setTimeout> | null = null;
    let maxWait: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      if (pause) clearTimeout(pause);
      if (maxWait) clearTimeout(maxWait);
      pause = maxWait = null;
      if (pending === null) return;
      const text = pending;
      pending = null;
      saveRef.current(text).catch((err: unknown) => console.error('draft autosave', err));
    };
    const changed = (text: string) => {
      pending = text;
      if (pause) clearTimeout(pause);
      pause = setTimeout(flush, DRAFT_PAUSE_MS);
      maxWait ??= setTimeout(flush, DRAFT_MAX_WAIT_MS);
    };
    return { changed, flush };
  });

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') api.flush();
    };
    window.addEventListener('pagehide', api.flush);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', api.flush);
      document.removeEventListener('visibilitychange', onHide);
      api.flush();
    };
  }, [api]);
  return api;
}
