import { z } from 'zod';

export const LEAD_KINDS = ['inbound', 'outbound'] as const;
export type LeadKind = (typeof LEAD_KINDS)[number];

export const TEMPERATURES = ['hot', 'warm', 'cold'] as const;
export type Temperature = (typeof TEMPERATURES)[number];

export const LEAD_STATUSES = [
  'new',
  'working',
  'nurturing',
  'mql',
  'sql',
  'returned',
  'disqualified',
  'recycled',
] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const SOURCE_CHANNELS = [
  'website_form',
  'content_download',
  'webinar',
  'event',
  'referral',
  'paid_ads',
  'social',
  'partner',
  'cold_list',
  'other',
] as const;
export type SourceChannel = (typeof SOURCE_CHANNELS)[number];

/** 1 is the most urgent. */
export const PRIORITIES = [1, 2, 3] as const;
export type Priority = (typeof PRIORITIES)[number];

export const MAX_PHONES = 5;

// Error messages are i18n keys (errors.*): the UI shows them in the user's language.
const text = (max: number) => z.string().trim().max(max, { error: 'text.tooLong' });
const E164 = z.string().regex(/^\+[1-9]\d{6,14}$/, { error: 'phone.invalid' });

export const LeadSchema = z.object({
  id: z.uuid(),
  kind: z.enum(LEAD_KINDS),
  company: text(200).min(1, { error: 'required' }),
  contactName: text(100),
  title: text(100),
  phones: z.array(E164).max(MAX_PHONES, { error: 'phone.tooMany' }),
  wechatId: text(64),
  email: z.union([z.literal(''), z.email({ error: 'email.invalid' }).max(254)]),
  industry: text(80),
  region: text(80),
  timeZone: text(64),
  sourceChannel: z.enum(SOURCE_CHANNELS),
  campaign: text(120),
  temperature: z.enum(TEMPERATURES),
  status: z.enum(LEAD_STATUSES),
  owner: text(80),
  priority: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  customFields: z.record(z.string().max(60), z.string().max(2000)),
  tags: z.array(z.string().min(1).max(60)).max(50),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
  /** Null until the first call or touch: drives "speed to lead" for inbound leads. */
  firstContactedAt: z.number().int().nullable(),
  lastContactedAt: z.number().int().nullable(),
  nextCallbackAt: z.number().int().nullable(),
  doNotCall: z.boolean(),
  importBatchId: z.string().nullable(),
});
export type Lead = Readonly<z.infer<typeof LeadSchema>>;

/**
 * Fields a person edits in the lead form or a CSV row fills; the rest is bookkeeping. In the order
 * people think of them (the import's column choices follow it).
 */
export const EDITABLE_LEAD_FIELDS = [
  'company',
  'contactName',
  'title',
  'phones',
  'email',
  'wechatId',
  'industry',
  'region',
  'timeZone',
  'sourceChannel',
  'campaign',
  'temperature',
  'status',
  'owner',
  'priority',
  'kind',
  'tags',
  'customFields',
] as const satisfies readonly (keyof Lead)[];
export type EditableLeadField = (typeof EDITABLE_LEAD_FIELDS)[number];
export type LeadPatch = Partial<Pick<Lead, EditableLeadField>>;

export const LeadPatchSchema = LeadSchema.pick({
  kind: true,
  company: true,
  contactName: true,
  title: true,
  phones: true,
  wechatId: true,
  email: true,
  industry: true,
  region: true,
  timeZone: true,
  sourceChannel: true,
  campaign: true,
  temperature: true,
  status: true,
  owner: true,
  priority: true,
  customFields: true,
  tags: true,
}).partial();
