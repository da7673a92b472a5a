import { z } from 'zod';

export const ROLES = ['sdr', 'lead', 'sales', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const email = z.email({ error: 'email.invalid' }).max(254).transform((e) => e.toLowerCase());
/** Long enough to resist guessing; no composition rules (NIST SP 800-63B). */
const password = z.string().min(10, { error: 'password.tooShort' }).max(200, { error: 'password.tooLong' });

export const LoginBodySchema = z.strictObject({
  email,
  password: z.string().min(1).max(200),
  /**
   * 'token' (the desktop app's main process keeps it in safeStorage) or 'cookie' (browser mode:
   * an HttpOnly cookie that page scripts cannot read).
   */
  session: z.enum(['token', 'cookie']).default('token'),
});
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

export const TeamWebhookBodySchema = z.strictObject({
  /** https://… (http:// only for this machine, for testing); null turns the webhook off. */
  url: z
    .url({ protocol: /^https?$/, error: 'url.invalid' })
    .max(2000)
    .refine((u) => u.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(u), { error: 'url.httpsRequired' })
    .nullable(),
});


export const AccountViewSchema = z.object({
  id: z.string().min(1).max(80),
  email: z.string().max(254),
  name: z.string().max(80),
  role: z.enum(ROLES),
  teamId: z.string().max(80).nullable(),
});
export type AccountView = Readonly<z.infer<typeof AccountViewSchema>>;
