import { db } from '../../db';
import { fromLeadRow } from '../../db/leadRow';
import type { Lead } from '../../../shared/model/lead';
import { leadDedupeKeys } from '../../../shared/rules/leadSearch';

/** The lead this number belongs to; when several share it, the one touched most recently. */
export async function leadForNumber(e164: string): Promise<Lead | null> {
  const [key] = leadDedupeKeys({ phones: [e164], email: '' });
  if (key === undefined) return null;
  const rows = await db.leads.where('searchTokens').equals(key).toArray();
  const leads = rows.map(fromLeadRow).filter((lead) => lead.phones.includes(e164));
  leads.sort((a, b) => (b.lastContactedAt ?? b.updatedAt) - (a.lastContactedAt ?? a.updatedAt));
  return leads[0] ?? null;
}

