import { MAX_PHONES, type LeadPatch } from '../../../shared/model/lead';
import type { LeadFields } from '../../../shared/model/leadInput';

const TEXT_FIELDS = ['company', 'contactName', 'title', 'wechatId', 'email', 'industry', 'region', 'timeZone', 'campaign', 'owner'] as const;
const MAX_TAGS = 50;

/**
 * What an imported row adds to a lead it duplicates. The lead an SDR already works is the better
 * record, so the import never overwrites a non-empty value: it fills empty text fields, adds phone
 * numbers and tags the lead lacks (up to the model's limits) and custom fields it does not have.
 * Enumerations (kind, source, temperature, status, priority) always hold a value, so they are
 * never changed. An empty result means the row brought nothing new.
 */
export function mergePatch(target: LeadFields, incoming: LeadFields): LeadPatch {
  const patch: { -readonly [K in keyof LeadPatch]: LeadPatch[K] } = {};
  for (const field of TEXT_FIELDS) {
    if (target[field].trim() === '' && incoming[field].trim() !== '') patch[field] = incoming[field];
  }
  const phones = union(target.phones, incoming.phones, MAX_PHONES);
  if (phones.length > target.phones.length) patch.phones = phones;
  const tags = union(target.tags, incoming.tags, MAX_TAGS);
  if (tags.length > target.tags.length) patch.tags = tags;

  const added = Object.entries(incoming.customFields).filter(([key, value]) => (target.customFields[key] ?? '').trim() === '' && value.trim() !== '');
  if (added.length > 0) patch.customFields = { ...target.customFields, ...Object.fromEntries(added) };
  return patch;
}

export function isEmptyPatch(patch: LeadPatch): boolean {
  return Object.keys(patch).length === 0;
}

function union(existing: readonly string[], extra: readonly string[], max: number): string[] {
  const result = [...existing];
  for (const value of extra) {
    if (result.length >= max) break;
    if (!result.includes(value)) result.push(value);
  }
  return result;
}
