/**
 * sdrdesk:// links reach the app three ways: in argv at launch (Windows, Linux), in a second
 * instance's argv (forwarded by the single-instance lock), or as macOS 'open-url'. All go through
 * the parser; valid targets wait until the page has loaded, then go to the renderer.
 */
import type { App, WebContents } from 'electron';
import path from 'node:path';
import { EventChannel } from '../../../shared/ipc/channels';
import { DEEP_LINK_SCHEME, parseDeepLink, type DeepLinkTarget } from '../../../shared/ipc/deepLink';
import { sendToRenderer } from '../ipc/sendToRenderer';
import { log } from '../log';

/** The part of WebContents the router uses. */
export interface RendererContents extends Pick<WebContents, 'send' | 'isDestroyed'> {
  once(event: 'did-finish-load', listener: () => void): unknown;
}

export interface DeepLinkRouter {
  /** Parses a raw link and delivers it, or logs and drops it. */
  open(rawUrl: string): void;
  /**
   * The page that receives links. Call it before loading the page: links are held until its
   * first 'did-finish-load' (the preload keeps them until the renderer subscribes).
   */
  attach(contents: RendererContents): void;
}

const MAX_PENDING = 10;

export function createDeepLinkRouter(): DeepLinkRouter {
  const pending: DeepLinkTarget[] = [];
  let target: RendererContents | null = null;
  let ready = false;

  const flush = (): void => {
    if (target === null || !ready) return;
    for (const link of pending.splice(0)) sendToRenderer(target, EventChannel.deepLink, link);
  };

  return {
    open(rawUrl) {
      const parsed = parseDeepLink(rawUrl);
      if (!parsed.ok) {
        log.warn(`Ignored deep link (${parsed.reason})`);
        return;
      }
      if (pending.length < MAX_PENDING) pending.push(parsed.target);
      flush();
    },
    attach(contents) {
      target = contents;
      ready = false;
      contents.once('did-finish-load', () => {
        ready = true;
        flush();
      });
    },
  };
}

/**
 * Registers sdrdesk:// with the OS. When run unpackaged (`electron .`), the OS must start
 * Electron with the app's folder, so that path is passed along.
 */
export function registerDeepLinkScheme(
  app: Pick<App, 'setAsDefaultProtocolClient'>,
  runtime: { readonly defaultApp: boolean; readonly execPath: string; readonly argv: readonly string[] },
): void {
  const appEntry = runtime.argv[1];
  const registered =
    runtime.defaultApp && appEntry !== undefined
      ? app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, runtime.execPath, [path.resolve(appEntry)])
      : app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  if (!registered) log.warn(`Could not register ${DEEP_LINK_SCHEME}:// with the OS`);
}
