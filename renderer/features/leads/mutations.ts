import { v7 as uuidv7 } from 'uuid';
import { db, mutate } from '../../db';
import { EDITABLE_LEAD_FIELDS, type Lead, type LeadPatch } from '../../../shared/model/lead';
import { newLead, type LeadFields } from '../../../shared/model/leadInput';

export async function createLead(fields: LeadFields, now: number = Date.now()): Promise<Lead> {
  const lead = newLead(fields, uuidv7(), now);
  await mutate(db, 'lead.create', { lead }, now);
  return lead;
}

/**
 * Sends only the fields that changed, so a concurrent edit of another field on another machine
 * survives the merge (last writer wins per field).
 */
export async function updateLead(before: Lead, fields: LeadFields, now: number = Date.now()): Promise<boolean> {
  const patch = changedFields(before, fields);
  if (Object.keys(patch).length === 0) return false;
  await mutate(db, 'lead.update', { id: before.id, patch, base: baseOf(before, patch), updatedAt: now }, now);
  return true;
}

export function changedFields(before: Lead, fields: LeadFields): LeadPatch {
  const patch: Record<string, unknown> = {};
  for (const key of EDITABLE_LEAD_FIELDS) {
    if (JSON.stringify(before[key]) !== JSON.stringify(fields[key])) patch[key] = fields[key];
  }
  return patch as LeadPatch;
}

/** A change made outside the lead form (the suggested temperature applied, say). */
export async function updateLeadPatch(before: Lead, patch: LeadPatch, now: number = Date.now()): Promise<void> {
  await mutate(db, 'lead.update', { id: before.id, patch, base: baseOf(before, patch), updatedAt: now }, now);
}

/** What the user saw before editing: the server tells a concurrent edit from a sequential one by it. */
function baseOf(before: Lead, patch: LeadPatch): LeadPatch {
  return Object.fromEntries(Object.keys(patch).map((key) => [key, before[key as keyof LeadPatch]])) as LeadPatch;
}
