/**
 * window-state.json in userData: read once at start (a missing or corrupt file means defaults,
 * never a crash), written a moment after the window stops moving, and on close.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { log } from '../log';
import { windowStateSchema, type Rectangle, type WindowState } from './windowState';

export const WINDOW_STATE_FILE = 'window-state.json';

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

export function loadWindowState(filePath: string): WindowState | null {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    if (!isMissingFile(error)) log.warn(`Cannot read ${filePath}; using the default window size`, error);
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    log.warn(`${filePath} is not JSON; using the default window size`, error);
    return null;
  }
  const parsed = windowStateSchema.safeParse(json);
  if (!parsed.success) {
    log.warn(`${filePath} has an unexpected shape; using the default window size`);
    return null;
  }
  return parsed.data;
}

/** Written to a temporary file and renamed, so a crash mid-write leaves the old file intact. */
export function saveWindowState(filePath: string, state: WindowState): void {
  const temporary = `${filePath}.tmp`;
  writeFileSync(temporary, JSON.stringify(state), 'utf8');
  renameSync(temporary, filePath);
}

/** The part of BrowserWindow the tracker uses. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
}

export interface WindowStateTracker {
  /** Writes now if a write is pending (also called on close). */
  flush(): void;
}

export function trackWindowState(
  window: TrackedWindow,
  filePath: string,
  options: { readonly debounceMs?: number; readonly save?: (filePath: string, state: WindowState) => void } = {},
): WindowStateTracker {
  const debounceMs = options.debounceMs ?? 500;
  const save = options.save ?? saveWindowState;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const write = (): void => {
    // Normal bounds, not current ones: a maximized window must reopen at its restored size.
    const bounds = window.getNormalBounds();
    const state: WindowState = {
      version: 1,
      bounds: {
        x: Math.round(bounds.x),
        y: Math.round(bounds.y),
        width: Math.round(bounds.width),
        height: Math.round(bounds.height),
      },
      isMaximized: window.isMaximized(),
    };
    try {
      save(filePath, state);
    } catch (error) {
      // Losing the window position is not worth interrupting the user for.
      log.warn(`Cannot write ${filePath}`, error);
    }
  };

  const flush = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    write();
  };

  const schedule = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };

  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, schedule);
  window.on('close', flush);
  return { flush };
}
