import type { WebContents } from 'electron';

type Listener = (...args: unknown[]) => void;

/** Records the listeners and window-open handler a guard installs, and lets a test fire them. */
export interface FakeWebContents {
  readonly contents: WebContents;
  readonly listeners: Map<string, Listener[]>;
  windowOpenHandler(): ((details: { url: string }) => { action: string }) | null;
  emit(event: string, ...args: unknown[]): void;
}

export function fakeWebContents(): FakeWebContents {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const fake = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return fake;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  };
  return {
    // Only the members above are used by the code under test.
    contents: fake as unknown as WebContents,
    listeners,
    windowOpenHandler: () => openHandler,
    emit(event, ...args) {
      for (const listener of listeners.get(event) ?? []) listener(...args);
    },
  };
}

/** An Electron-style event whose preventDefault() a test can observe. */
export function preventableEvent(url: string): { url: string; defaultPrevented: boolean; preventDefault(): void } {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}
