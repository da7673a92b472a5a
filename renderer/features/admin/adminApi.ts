import { z } from 'zod';
import { ROLES, type Role } from '../../../shared/model/account';
import { ServerUnreachableError, type ServerTransport } from '../../platform/server';

export const TeamSummarySchema = z.object({ id: z.string(), name: z.string(), crmWebhookUrl: z.string().nullable() });
export type TeamSummary = Readonly<z.infer<typeof TeamSummarySchema>>;

export const UserSummarySchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  teamId: z.string().nullable(),
  disabled: z.boolean().default(false),
});
export type UserSummary = Readonly<z.infer<typeof UserSummarySchema>>;

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

async function call<T>(server: ServerTransport, method: 'GET' | 'POST' | 'PUT', path: `/api/${string}`, body: unknown, schema: z.ZodType<T>): Promise<ApiResult<T>> {
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

export const listTeams = (server: ServerTransport) => call(server, 'GET', '/api/admin/teams', undefined, z.array(TeamSummarySchema));

export const listUsers = (server: ServerTransport) => call(server, 'GET', '/api/admin/users', undefined, z.array(UserSummarySchema));

export const createTeam = (server: ServerTransport, name: string) =>
  call(server, 'POST', '/api/admin/teams', { name }, z.object({ id: z.string(), name: z.string() }).transform((t): TeamSummary => ({ ...t, crmWebhookUrl: null })));

export interface NewUser {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** null for an admin, who belongs to no team. */
  readonly teamId: string | null;
  readonly password: string;
}

export const createUser = (server: ServerTransport, user: NewUser) =>
  call(server, 'POST', '/api/admin/users', user, UserSummarySchema.omit({ disabled: true }).transform((u): UserSummary => ({ ...u, disabled: false })));

/** A new URL comes with a new signing secret, which the server shows this once. */
export const setCrmWebhook = (server: ServerTransport, teamId: string, url: string | null) =>
  call(server, 'PUT', `/api/teams/${encodeURIComponent(teamId)}/crm-webhook`, { url }, z.object({ url: z.string().nullable(), secret: z.string().nullable() }));

export const publishPlaybook = (server: ServerTransport, teamId: string, text: string) =>
  call(server, 'PUT', `/api/teams/${encodeURIComponent(teamId)}/playbook`, { text }, z.object({ publishedAt: z.number(), version: z.number() }));
