import type { AccountView } from '../../shared/model/account';

/** An answer from the team server, whatever its status: the sync engine decides what it means. */
export interface ServerResponse {
  readonly status: number;
  readonly body: unknown;
  /** From a 429 or 503's Retry-After header, in seconds. */
  readonly retryAfterSeconds: number | null;
}

export interface ServerSession {
  readonly serverUrl: string;
  readonly user: AccountView;
}

/** The server could not be reached at all (no network, server down, DNS): retry later. */
export class ServerUnreachableError extends Error {
  constructor(message = 'The team server cannot be reached.') {
    super(message);
    this.name = 'ServerUnreachableError';
  }
}

/** Sign-in refused: wrong password, rate limited, or a URL that is not an SDR Desk server. */
export class SignInError extends Error {
  constructor(
    readonly code: 'auth.invalid' | 'rate.limited' | 'server.invalid' | 'url.invalid' | 'server.error',
    message: string,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

/**
 * How the renderer talks to the team server. In Electron the main process does the HTTP and keeps
 * the session token in safeStorage (the page never sees it); in a browser, fetch with an HttpOnly
 * cookie set by the server the page came from.
 */
export interface ServerTransport {
  /** Browser mode can only talk to the server that served the page: its URL is fixed. */
  readonly fixedServerUrl: string | null;
  signIn(serverUrl: string, email: string, password: string): Promise<ServerSession>;
  /** Forgets the session here and revokes it on the server when it can be reached. */
  signOut(): Promise<void>;
  /** An API request with the session; throws ServerUnreachableError when there is no answer. */
  request(method: 'GET' | 'POST' | 'PUT', path: `/api/${string}`, body?: unknown): Promise<ServerResponse>;
}
