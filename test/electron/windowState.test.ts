import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  computeRestoredWindow,
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  type Rectangle,
  type WindowState,
} from '../../electron/main/services/windowState';
import {
  loadWindowState,
  saveWindowState,
  trackWindowState,
  type TrackedWindow,
} from '../../electron/main/services/windowStateStore';

vi.mock('../../electron/main/log', () => ({ log: { warn: vi.fn(), error: vi.fn() } }));

const PRIMARY: Rectangle = { x: 0, y: 0, width: 1920, height: 1040 };
const SECONDARY: Rectangle = { x: 1920, y: 0, width: 2560, height: 1400 };
const saved = (bounds: Rectangle, isMaximized = false): WindowState => ({ version: 1, bounds, isMaximized });

describe('computeRestoredWindow', () => {
  it('opens at the default size, centred on the primary display, without saved state', () => {
    const restored = computeRestoredWindow(null, [PRIMARY], PRIMARY);
    expect(restored.bounds).toEqual({ x: 277, y: 136, ...DEFAULT_WINDOW_SIZE });
    expect(restored.minSize).toEqual(MIN_WINDOW_SIZE);
    expect(restored.isMaximized).toBe(false);
  });

  it('restores saved bounds that are fully visible', () => {
    const bounds = { x: 100, y: 50, width: 1400, height: 900 };
    expect(computeRestoredWindow(saved(bounds, true), [PRIMARY], PRIMARY)).toEqual({
      bounds,
      minSize: MIN_WINDOW_SIZE,
      isMaximized: true,
    });
  });

  it('restores onto a secondary display', () => {
    const bounds = { x: 2000, y: 100, width: 1600, height: 1000 };
    expect(computeRestoredWindow(saved(bounds), [PRIMARY, SECONDARY], PRIMARY).bounds).toEqual(bounds);
  });

  it('pulls a partly off-screen window back inside the display it mostly covers', () => {
    const restored = computeRestoredWindow(saved({ x: 1500, y: -200, width: 1200, height: 800 }), [PRIMARY], PRIMARY);
    expect(restored.bounds).toEqual({ x: 720, y: 0, width: 1200, height: 800 });
  });

  it('moves a window from an unplugged display to the primary one', () => {
    const restored = computeRestoredWindow(saved({ x: 5000, y: 100, width: 1600, height: 1000 }), [PRIMARY], PRIMARY);
    expect(restored.bounds).toEqual({ x: 160, y: 20, width: 1600, height: 1000 });
  });

  it('enforces the minimum size and never exceeds the display', () => {
    expect(computeRestoredWindow(saved({ x: 0, y: 0, width: 300, height: 200 }), [PRIMARY], PRIMARY).bounds).toEqual({
      x: 0,
      y: 0,
      ...MIN_WINDOW_SIZE,
    });
    expect(computeRestoredWindow(saved({ x: 0, y: 0, width: 9000, height: 9000 }), [PRIMARY], PRIMARY).bounds).toEqual(
      PRIMARY,
    );
  });

  it('lets the minimum give way on a display smaller than it', () => {
    const small: Rectangle = { x: 0, y: 0, width: 1024, height: 600 };
    const restored = computeRestoredWindow(null, [small], small);
    expect(restored.bounds).toEqual(small);
    expect(restored.minSize).toEqual({ width: 1024, height: 600 });
  });
});

describe('window-state.json', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sdr-desk-window-state-'));
    file = path.join(dir, 'window-state.json');
  });

  afterEach(() => {
    vi.useRealTimers();
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips a saved state', () => {
    const state = saved({ x: 10, y: 20, width: 1300, height: 800 }, true);
    saveWindowState(file, state);
    expect(loadWindowState(file)).toEqual(state);
    expect(existsSync(`${file}.tmp`)).toBe(false);
  });

  it('is null when the file does not exist', () => {
    expect(loadWindowState(file)).toBeNull();
  });

  it.each([
    ['not JSON', '{"version":1,"bounds":'],
    ['empty', ''],
    ['a JSON string', '"hello"'],
    ['the wrong version', JSON.stringify({ version: 2, bounds: { x: 0, y: 0, width: 1200, height: 800 }, isMaximized: false })],
    ['non-integer bounds', JSON.stringify({ version: 1, bounds: { x: 0.5, y: 0, width: 1200, height: 800 }, isMaximized: false })],
    ['a zero width', JSON.stringify({ version: 1, bounds: { x: 0, y: 0, width: 0, height: 800 }, isMaximized: false })],
    ['an absurd size', JSON.stringify({ version: 1, bounds: { x: 0, y: 0, width: 1e9, height: 800 }, isMaximized: false })],
    ['a missing field', JSON.stringify({ version: 1, bounds: { x: 0, y: 0, width: 1200 }, isMaximized: false })],
  ])('falls back to defaults when the file is %s', (_label, content) => {
    writeFileSync(file, content);
    const state = loadWindowState(file);
    expect(state).toBeNull();
    expect(computeRestoredWindow(state, [PRIMARY], PRIMARY).bounds).toMatchObject(DEFAULT_WINDOW_SIZE);
  });

  it('is null when the path is a directory', () => {
    expect(loadWindowState(dir)).toBeNull();
  });

  function fakeWindow() {
    const listeners = new Map<string, Array<() => void>>();
    let bounds: Rectangle = { x: 10, y: 10, width: 1200, height: 800 };
    let maximized = false;
    const window: TrackedWindow = {
      on(event, listener) {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
        return window;
      },
      getNormalBounds: () => bounds,
      isMaximized: () => maximized,
    };
    return {
      window,
      emit: (event: string) => (listeners.get(event) ?? []).forEach((listener) => listener()),
      set: (next: Rectangle, isMaximized = false) => {
        bounds = next;
        maximized = isMaximized;
      },
    };
  }

  it('writes once, debounced, after a burst of moves and resizes', () => {
    vi.useFakeTimers();
    const save = vi.fn<(filePath: string, state: WindowState) => void>();
    const fake = fakeWindow();
    trackWindowState(fake.window, file, { debounceMs: 500, save });
    for (let i = 0; i < 20; i += 1) {
      fake.set({ x: i, y: i, width: 1200 + i, height: 800 });
      fake.emit(i % 2 === 0 ? 'move' : 'resize');
    }
    vi.advanceTimersByTime(499);
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith(file, saved({ x: 19, y: 19, width: 1219, height: 800 }));
  });

  it('writes immediately on close, with the normal bounds of a maximized window', () => {
    vi.useFakeTimers();
    const fake = fakeWindow();
    trackWindowState(fake.window, file);
    fake.set({ x: 30, y: 40, width: 1250, height: 760 }, true);
    fake.emit('maximize');
    fake.emit('close');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(saved({ x: 30, y: 40, width: 1250, height: 760 }, true));
  });

  it('survives a failing write', () => {
    const fake = fakeWindow();
    const tracker = trackWindowState(fake.window, path.join(dir, 'missing-folder', 'window-state.json'));
    expect(() => tracker.flush()).not.toThrow();
  });
});
