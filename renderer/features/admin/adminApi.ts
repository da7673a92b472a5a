import { z } from 'zod';
import { ROLES, type Role } from '../../../shared/model/account';
import type { ServerTransport } from '../../platform/server';
import { call } from '../../platform/serverApi';

export type { ApiProblem, ApiResult, FieldProblem } from '../../platform/serverApi';

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
