/**
 * shared/ compiles without DOM or Node typings, yet every runtime it runs in (Node, Chromium,
 * Electron) has the WHATWG URL class. This declares just the parts shared/ reads.
 */

export interface ParsedUrl {
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
}

type UrlConstructor = new (input: string) => ParsedUrl;

const UrlClass = (globalThis as unknown as { readonly URL: UrlConstructor }).URL;

/** The parsed URL, or null when the WHATWG parser rejects the input. */
export function parseUrl(input: string): ParsedUrl | null {
  try {
    return new UrlClass(input);
  } catch {
    // The URL constructor signals "not a URL" only by throwing; null is that answer.
    return null;
  }
}
