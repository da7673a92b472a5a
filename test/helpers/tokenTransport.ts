import { AccountViewSchema } from '../../shared/model/account';
import { ServerUnreachableError, SignInError, type ServerResponse, type ServerTransport } from '../../renderer/platform/server';

/**
 * What the desktop main process does, in a test: fetch with a bearer token kept in memory.
 * `fault` lets a test break the next requests the way networks and servers break.
 */
export type Fault = 'unreachable' | 'lostResponse' | 'status503' | 'status429' | 'duplicate';

export interface TestTransport extends ServerTransport {
  baseUrl: string;
  readonly faults: Fault[];
  readonly requests: { method: string; path: string; status: number | 'unreachable' }[];
}

export function tokenTransport(baseUrl: string): TestTransport {
  let token: string | null = null;
  const send = async (method: string, path: string, body?: unknown): Promise<ServerResponse> => {
    let response: Response;
    try {
      response = await fetch(`${transport.baseUrl}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? null : JSON.stringify(body),
      });
    } catch {
      throw new ServerUnreachableError();
    }
    const text = await response.text();
    const retryAfter = Number(response.headers.get('retry-after'));
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null, retryAfterSeconds: retryAfter > 0 ? retryAfter : null };
  };
  const transport: TestTransport = {
    baseUrl,
    faults: [],
    requests: [],
    fixedServerUrl: null,
    signIn: async (serverUrl, email, password) => {
      transport.baseUrl = serverUrl;
      const res = await send('POST', '/api/auth/login', { email, password, session: 'token' });
      if (res.status === 401) throw new SignInError('auth.invalid', 'Wrong e-mail or password.');
      const body = res.body as { token: string; user: unknown };
      token = body.token;
      return { serverUrl, user: AccountViewSchema.parse(body.user) };
    },
    signOut: async () => {
      await send('POST', '/api/auth/logout').catch(() => undefined);
      token = null;
    },
    request: async (method, path, body) => {
      const fault = transport.faults.shift();
      const log = (status: number | 'unreachable') => transport.requests.push({ method, path, status });
      if (fault === 'unreachable') {
        log('unreachable');
        throw new ServerUnreachableError();
      }
      if (fault === 'status503' || fault === 'status429') {
        const status = fault === 'status503' ? 503 : 429;
        log(status);
        return { status, body: { error: { code: 'server.error', message: 'Try later' } }, retryAfterSeconds: fault === 'status429' ? 1 : null };
      }
      if (fault === 'duplicate') await send(method, path, body);
      const res = await send(method, path, body);
      if (fault === 'lostResponse') {
        log('unreachable');
        throw new ServerUnreachableError('The answer was lost.');
      }
      log(res.status);
      return res;
    },
  };
  return transport;
}
