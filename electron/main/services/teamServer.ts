/**
 * The desktop app's side of the team server. The main process does the HTTP so that the session
 * token never enters the page: a compromised page could use the session while the app runs, but
 * could not carry the token away. The token is kept encrypted by safeStorage in userData (or only
 * in memory when the OS offers no real encryption); it is never written in clear.
 *
 * Every failure leaves here as an IpcFailure: UNREACHABLE, SIGN_IN_REFUSED (message = the
 * SignInRefusal), INVALID_ARGUMENT, or INTERNAL.
 */
import { rm } from 'node:fs/promises';
import { z } from 'zod';
import type { ServerReply, ServerSessionInfo } from '../../../shared/ipc/schemas';
import {
  API_PATH_PREFIX,
  checkServerUrl,
  isApiPath,
  MAX_SERVER_URL_LENGTH,
  type SignInRefusal,
} from '../../../shared/ipc/teamServer';
import { AccountViewSchema, type AccountView } from '../../../shared/model/account';
import { IpcFailure } from '../ipc/ipcFailure';
import { log } from '../log';
import { canEncryptSecrets, readSecretFile, writePrivateFile, type SecretVault } from './secretFiles';

export const TEAM_SESSION_FILE = 'team-session.json';

/** What the team server hands out (and accepts in `Authorization: Bearer`). */
const TOKEN = /^[A-Za-z0-9_-]{20,200}$/;

export interface TeamServerOptions {
  /** Node's global fetch in the app; injected so tests can count or fail calls. */
  readonly fetch: typeof fetch;
  readonly safeStorage: SecretVault;
  readonly platform: string;
  /** userData/team-session.json in the app. */
  readonly sessionFilePath: string;
  /** How long a request may wait for the whole answer before the server counts as unreachable. */
  readonly timeoutMs?: number;
  /** The largest answer read into memory. */
  readonly maxAnswerBytes?: number;
}

export interface TeamServerClient {
  signIn(serverUrl: string, email: string, password: string): Promise<ServerSessionInfo>;
  signOut(): Promise<void>;
  request(method: 'GET' | 'POST' | 'PUT', apiPath: string, body?: unknown): Promise<ServerReply>;
  session(): Promise<ServerSessionInfo | null>;
}

const DEFAULT_TIMEOUT_MS = 60_000;
// Sync pages are the largest answers; this is far above them and still harmless to hold in memory.
const DEFAULT_MAX_ANSWER_BYTES = 32 * 1024 * 1024;
// A sign-in answer is a token and an account; anything much larger is not an SDR Desk server.
const MAX_SIGN_IN_ANSWER_BYTES = 64 * 1024;

const loginAnswerSchema = z.object({ token: z.string().regex(TOKEN), user: AccountViewSchema });

function isServerOrigin(value: string): boolean {
  const checked = checkServerUrl(value);
  return checked.ok && checked.origin === value;
}

// Read back from disk, where anything may have happened to it: every field is checked again.
const storedSessionSchema = z.strictObject({
  version: z.literal(1),
  serverUrl: z.string().max(MAX_SERVER_URL_LENGTH).refine(isServerOrigin, 'not a server origin'),
  user: AccountViewSchema,
  encryptedToken: z.base64().max(8192),
});
type StoredSession = z.infer<typeof storedSessionSchema>;

interface LiveSession {
  readonly serverUrl: string;
  readonly user: AccountView;
  readonly token: string;
}

/**
 * What the server itself answers a request without a session. Signed out there is no server to
 * ask, and the browser build gets exactly this answer, so the sync engine has one case to handle.
 */
const SIGNED_OUT_REPLY: ServerReply = {
  status: 401,
  body: { error: { code: 'auth.required', message: 'Not signed in to a team server on this computer.' } },
  retryAfterSeconds: null,
};

// '.invalid' never resolves (RFC 2606); nothing is ever sent to it.
const SIGNED_OUT_ORIGIN = 'https://signed-out.invalid';

class AnswerTooLarge extends Error {
  constructor() {
    super('The team server answer is too large');
    this.name = 'AnswerTooLarge';
  }
}

const unreachable = (): IpcFailure => new IpcFailure('UNREACHABLE', 'The team server cannot be reached');
const refused = (refusal: SignInRefusal): IpcFailure => new IpcFailure('SIGN_IN_REFUSED', refusal);

/** The whole body as text; stops reading (and refuses) past maxBytes instead of buffering it all. */
async function readAnswer(response: Response, maxBytes: number): Promise<string> {
  if (Number(response.headers.get('content-length')) > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new AnswerTooLarge();
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AnswerTooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Same as the browser build: an answer that is not JSON has no body the app can read.
    return null;
  }
}

/** `${origin}${apiPath}` when the parsed URL is still an /api/ path on that server. */
function apiUrl(origin: string, apiPath: string): string {
  if (!isApiPath(apiPath)) throw new IpcFailure('INVALID_ARGUMENT', 'path: must be an /api/ path');
  const url = new URL(`${origin}${apiPath}`);
  // The parser resolves dot segments, percent-encoded ones ('%2e%2e') included: '/api/../admin'
  // passes the text check but is '/admin' once parsed. What is sent is what is checked here.
  if (url.origin !== origin || !url.pathname.startsWith(API_PATH_PREFIX)) {
    throw new IpcFailure('INVALID_ARGUMENT', 'path: must stay an /api/ path on the team server');
  }
  return url.href;
}

export function createTeamServerClient(options: TeamServerOptions): TeamServerClient {
  const { safeStorage, sessionFilePath: file } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxAnswerBytes = options.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES;

  /** Throws UNREACHABLE when no complete answer arrives, AnswerTooLarge past maxBytes. */
  const send = async (
    url: string,
    method: string,
    token: string | null,
    body: unknown,
    maxBytes: number,
  ): Promise<ServerReply> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    // One deadline for the connection and the whole body: a server that stalls mid-answer is as
    // unreachable as one that never answers.
    const signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await options.fetch(url, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        // A redirect is answered, not followed: following it could carry the password or the
        // token to another host, or from https to http.
        redirect: 'manual',
        signal,
      });
    } catch {
      throw unreachable();
    }
    let text: string;
    try {
      text = await readAnswer(response, maxBytes);
    } catch (error) {
      if (error instanceof AnswerTooLarge) throw error;
      throw unreachable();
    }
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      status: response.status,
      body: parseJson(text),
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    };
  };

  const canEncrypt = (): boolean => canEncryptSecrets(safeStorage, options.platform);

  const forgetFile = async (): Promise<void> => {
    await rm(file, { force: true });
  };

  const load = async (): Promise<LiveSession | null> => {
    const saved = await readSecretFile({
      vault: safeStorage,
      platform: options.platform,
      file,
      schema: storedSessionSchema,
      ciphertext: (stored) => stored.encryptedToken,
      isValid: (token) => TOKEN.test(token),
      what: 'team server session',
      consequence: 'signed out of the team server',
    });
    return saved && { serverUrl: saved.stored.serverUrl, user: saved.stored.user, token: saved.secret };
  };

  const save = async (session: LiveSession): Promise<void> => {
    try {
      if (!canEncrypt()) {
        log.warn(
          'safeStorage cannot encrypt on this system: the team server session is kept in memory only and ends when the app quits',
        );
        // An older saved session must not come back at the next start in place of this one.
        await forgetFile();
        return;
      }
      const stored: StoredSession = {
        version: 1,
        serverUrl: session.serverUrl,
        user: session.user,
        encryptedToken: safeStorage.encryptString(session.token).toString('base64'),
      };
      await writePrivateFile(file, JSON.stringify(stored));
    } catch (error) {
      // The sign-in itself worked; only keeping it across restarts failed.
      log.warn('Cannot save the team server session; it lasts until the app quits', error);
    }
  };

  // Read once, on first use, then kept in memory; sign-in and sign-out replace it.
  let current: Promise<LiveSession | null> | null = null;
  const currentSession = (): Promise<LiveSession | null> => {
    current ??= load();
    return current;
  };

  return {
    async signIn(serverUrl, email, password) {
      const checked = checkServerUrl(serverUrl);
      if (!checked.ok) throw refused('url.invalid');
      let answer: ServerReply;
      try {
        answer = await send(
          `${checked.origin}/api/auth/login`,
          'POST',
          null,
          { email, password, session: 'token' },
          MAX_SIGN_IN_ANSWER_BYTES,
        );
      } catch (error) {
        if (error instanceof AnswerTooLarge) throw refused('server.invalid');
        throw error;
      }
      if (answer.status === 401) throw refused('auth.invalid');
      if (answer.status === 429) throw refused('rate.limited');
      if (answer.status >= 500) throw refused('server.error');
      const login = loginAnswerSchema.safeParse(answer.body);
      if (answer.status !== 200 || !login.success) throw refused('server.invalid');
      const signedIn: LiveSession = { serverUrl: checked.origin, user: login.data.user, token: login.data.token };
      current = Promise.resolve(signedIn);
      await save(signedIn);
      return { serverUrl: signedIn.serverUrl, user: signedIn.user };
    },

    async signOut() {
      const signedIn = await currentSession();
      current = Promise.resolve(null);
      if (signedIn !== null) {
        // Best effort: unanswered, the token stays valid on the server until it expires, but
        // nothing here remembers it any more.
        await send(`${signedIn.serverUrl}/api/auth/logout`, 'POST', signedIn.token, undefined, MAX_SIGN_IN_ANSWER_BYTES).catch(
          () => undefined,
        );
      }
      // A failure here is reported (INTERNAL): the user must not believe a kept session is gone.
      await forgetFile();
    },

    async request(method, apiPath, body) {
      if (method === 'GET' && body !== undefined) throw new IpcFailure('INVALID_ARGUMENT', 'body: a GET request takes no body');
      const signedIn = await currentSession();
      // Signed out, the path is checked against a placeholder, so a bad one fails the same way.
      const url = apiUrl(signedIn?.serverUrl ?? SIGNED_OUT_ORIGIN, apiPath);
      if (signedIn === null) return SIGNED_OUT_REPLY;
      try {
        return await send(url, method, signedIn.token, body, maxAnswerBytes);
      } catch (error) {
        if (!(error instanceof AnswerTooLarge)) throw error;
        log.error(`The team server answered ${method} ${apiPath} with more than ${maxAnswerBytes} bytes`);
        throw new IpcFailure('INTERNAL', 'The team server answer is too large');
      }
    },

    async session() {
      const signedIn = await currentSession();
      return signedIn === null ? null : { serverUrl: signedIn.serverUrl, user: signedIn.user };
    },
  };
}
