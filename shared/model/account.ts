import { z } from 'zod';

export const ROLES = ['sdr', 'lead', 'sales', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const email = z.email({ error: 'email.invalid' }).max(254).transform((e) => e.toLowerCase());
/** Long enough to resist guessing; no composition rules (NIST SP 800-63B). */
const password = z.string().min(10, { error: 'password.tooShort' }).max(200, { error: 'password.tooLong' });

export const LoginBodySchema = z.strictObject({ email, password: z.string().min(1).max(200) });
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const CreateTeamBodySchema = z.strictObject({ name: z.string().trim().min(1).max(120) });

export const CreateUserBodySchema = z.strictObject({
  email,
  name: z.string().trim().min(1).max(80),
  role: z.enum(ROLES),
  /** Admins belong to no team; everyone else to exactly one. */
  teamId: z.uuid().nullable(),
  password,
});
export type CreateUserBody = z.infer<typeof CreateUserBodySchema>;

export interface AccountView {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly teamId: string | null;
}
