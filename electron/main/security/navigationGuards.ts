/**
 * The page may never leave app://desk/, open windows or embed <webview>s. Links to the outside
 * world go to the OS through the external-link opener (which applies its own allowlist).
 */
import type { WebContents } from 'electron';
import { isAppUrl } from './appOrigin';

export interface PreventableNavigation {
  readonly url: string;
  preventDefault(): void;
}

/** Navigations within the app are fine (a reload, a route); anything else is stopped. */
export function blockForeignNavigation(event: PreventableNavigation): void {
  if (!isAppUrl(event.url)) event.preventDefault();
}

export function windowOpenHandler(
  openExternalLink: (url: string) => void,
): (details: { readonly url: string }) => { action: 'deny' } {
  return ({ url }) => {
    // Never a new Electron window; the opener decides whether the OS may open it.
    if (!isAppUrl(url)) openExternalLink(url);
    return { action: 'deny' };
  };
}

export function guardWebContents(contents: WebContents, openExternalLink: (url: string) => void): void {
  contents.on('will-navigate', blockForeignNavigation);
  contents.on('will-redirect', blockForeignNavigation);
  contents.on('will-frame-navigate', blockForeignNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(windowOpenHandler(openExternalLink));
}
