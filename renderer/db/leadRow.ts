import type { Lead } from '../../shared/model/lead';
import { leadSearchTokens } from '../../shared/rules/leadSearch';
import { queueKey } from '../../shared/rules/leadQueue';
import type { LeadRow } from './schema';

/** The one place a lead gets the index fields it is stored with. */
export function toLeadRow(lead: Lead): LeadRow {
  return { ...lead, searchTokens: leadSearchTokens(lead), ...queueKey(lead) };
}

export function fromLeadRow(row: LeadRow): Lead {
  const { searchTokens: _tokens, queueBucket: _bucket, queueSort: _sort, ...lead } = row;
  return lead;
}
