import { z } from 'zod';
import { ServerUnreachableError, type ServerTransport } from './server';

const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * Why a request did not do what was asked. 'unreachable': no answer at all (retry later);
 * 'signedOut': 401, the session ended; 'forbidden': 403; 'refused': the server named the problem
 * (code, message and, for a bad body, each bad field); 'failed': anything else.
 */
export type ApiProblem =
  | { readonly kind: 'unreachable' }
  | { readonly kind: 'signedOut' }
  | { readonly kind: 'forbidden' }
  | { readonly kind: 'refused'; readonly status: number; readonly code: string; readonly message: string; readonly fields: readonly FieldProblem[] }
  | { readonly kind: 'failed'; readonly message: string };

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: ApiProblem };

/** One request to the team server, its answer checked against `schema`; never throws. */
export async function call<T>(server: ServerTransport, method: 'GET' | 'POST' | 'PUT', path: `/api/${string}`, body: unknown, schema: z.ZodType<T>): Promise<ApiResult<T>> {
  let response;
  try {
    response = await server.request(method, path, body);
  } catch (error) {
    if (error instanceof ServerUnreachableError) return { ok: false, problem: { kind: 'unreachable' } };
    return { ok: false, problem: { kind: 'failed', message: error instanceof Error ? error.message : String(error) } };
  }
  const { status } = response;
  if (status >= 200 && status < 300) {
    const parsed = schema.safeParse(response.body);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problem: { kind: 'failed', message: `Unexpected answer from the server (${status}).` } };
  }
  if (status === 401) return { ok: false, problem: { kind: 'signedOut' } };
  if (status === 403) return { ok: false, problem: { kind: 'forbidden' } };
  const error = ErrorBodySchema.safeParse(response.body);
  if (!error.success) return { ok: false, problem: { kind: 'failed', message: `The server answered ${status}.` } };
  const { code, message, fields = [] } = error.data.error;
  return { ok: false, problem: { kind: 'refused', status, code, message, fields } };
}

