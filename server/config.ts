import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(5173),
  HOST: z.string().default('127.0.0.1'),
  WEB_ROOT: z.string().default(fileURLToPath(new URL('../dist/renderer', import.meta.url))),
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
