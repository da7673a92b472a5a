/**
 * A real HTTP server on 127.0.0.1 that answers like the team server's auth routes, plus an echo
 * route. Tests of the main process's team server client run against it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const TOKEN = 'tok_0123456789abcdefghijklmnopqrstuvwxyz-_';
export const EMAIL = 'ada@example.com';
export const PASSWORD = 'correct horse battery';
/** Signing in with this e-mail is answered 429, as the login rate limit does. */
export const LIMITED_EMAIL = 'limited@example.com';
export const USER = { id: 'u-ada', email: EMAIL, name: 'Ada', role: 'sdr', teamId: 't-1' } as const;

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  readonly body: string;
}

/**
 * 'sdr': the team server. 'html': some other web server (200 with a page to everything).
 * 'broken': 500 to everything. 'redirect': 302 to another host. 'no-token': a 200 sign-in
 * without a token (e.g. a server that only does cookies).
 */
export type FixtureMode = 'sdr' | 'html' | 'broken' | 'redirect' | 'no-token';

export interface TeamServerFixture {
  readonly url: string;
  readonly requests: RecordedRequest[];
  mode: FixtureMode;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export async function startTeamServerFixture(): Promise<TeamServerFixture> {
  const requests: RecordedRequest[] = [];
  const state: { mode: FixtureMode } = { mode: 'sdr' };

  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const body = await readBody(request);
    const url = request.url ?? '/';
    requests.push({
      method: request.method ?? '',
      url,
      authorization: request.headers.authorization,
      contentType: request.headers['content-type'],
      body,
    });
    if (state.mode === 'html') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>Welcome to nginx!</title>');
      return;
    }
    if (state.mode === 'broken') return json(response, 500, { error: { code: 'server.error', message: 'boom' } });
    if (state.mode === 'redirect') {
      response.writeHead(302, { location: 'https://elsewhere.example/api/auth/login' });
      response.end();
      return;
    }
    const authorized = request.headers.authorization === `Bearer ${TOKEN}`;
    const route = `${request.method ?? ''} ${url.split('?')[0] ?? ''}`;
    switch (route) {
      case 'POST /api/auth/login': {
        const login = parse(body) as { email?: unknown; password?: unknown; session?: unknown } | null;
        if (login?.email === LIMITED_EMAIL) {
          return json(response, 429, { error: { code: 'rate.limited', message: 'slow down' } }, { 'retry-after': '60' });
        }
        if (login?.email !== EMAIL || login.password !== PASSWORD || login.session !== 'token') {
          return json(response, 401, { error: { code: 'auth.invalid', message: 'Wrong e-mail or password.' } });
        }
        if (state.mode === 'no-token') return json(response, 200, { expiresAt: 1, user: USER });
        return json(response, 200, { token: TOKEN, expiresAt: Date.now() + 86_400_000, user: { ...USER, extra: 'ignored' } });
      }
      case 'POST /api/auth/logout':
        response.writeHead(204);
        response.end();
        return;
      case 'GET /api/echo':
      case 'POST /api/echo':
      case 'PUT /api/echo': {
        if (!authorized) return json(response, 401, { error: { code: 'auth.required', message: 'Sign in again' } });
        const retry = new URL(url, 'http://x').searchParams.get('retryAfter');
        return json(response, 200, { method: request.method, body: parse(body) }, retry === null ? {} : { 'retry-after': retry });
      }
      case 'GET /api/text':
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end('not json');
        return;
      case 'GET /api/huge':
        return json(response, 200, { filler: 'x'.repeat(200_000) });
      case 'GET /api/slow':
        // Never answers; the client's deadline has to give up.
        return;
      default:
        return json(response, 404, { error: { code: 'not.found', message: 'no such route' } });
    }
  };

  const server: Server = createServer((request, response) => {
    answer(request, response).catch(() => {
      response.statusCode = 500;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get mode() {
      return state.mode;
    },
    set mode(mode: FixtureMode) {
      state.mode = mode;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An address nothing listens on: a server started, its port noted, then closed. */
export async function unusedLocalUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
