import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('127.0.0.1'),
  WEB_ROOT: z.string().default(fileURLToPath(new URL('../dist/renderer', import.meta.url))),
  /** Where the embedded SQLite database lives when DATABASE_URL is not set. */
  DATA_DIR: z.string().min(1).default(fileURLToPath(new URL('../data', import.meta.url))),
  /** postgres://… for teams that run several server instances on one PostgreSQL. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// URL (leave it unset for the embedded SQLite database)' })
    .optional(),
  /** With ADMIN_PASSWORD, creates the admin account on first start. */
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(10, { error: 'must be at least 10 characters' }).optional(),
});

export type ServerConfig = z.infer<typeof EnvSchema>;

/** Reads the environment; a bad value stops start-up with the variable's name. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): ServerConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Bad server configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
