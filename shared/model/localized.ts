import { z } from 'zod';

/** Team-defined labels (dispositions, tags, criteria, product lines) in both UI languages. */
export const LocalizedSchema = z.object({
  en: z.string().trim().min(1).max(120),
  'zh-CN': z.string().trim().min(1).max(120),
});
export type Localized = Readonly<z.infer<typeof LocalizedSchema>>;

export function localize(label: Localized, language: string): string {
  return language === 'zh-CN' ? label['zh-CN'] : label.en;
}

/** Ids in team data (questions, options, tags, rules): lower-case slugs, stable across versions. */
export const SlugSchema = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, { error: 'must be a lower-case id (a-z, 0-9, . _ -)' });
