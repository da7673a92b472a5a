import type { Lead, LeadPatch } from '../../../shared/model/lead';
import { newLead, type LeadFields } from '../../../shared/model/leadInput';
import { leadDedupeKeys } from '../../../shared/rules/leadSearch';
import { mergePatch } from './mergePatch';
import type { DuplicateMode, RowIssue, ValidRow } from './types';

export interface PlanOptions {
  readonly batchId: string;
  readonly now: number;
  readonly mode: DuplicateMode;
  readonly newId: () => string;
}

export interface ImportPlan {
  readonly created: readonly Lead[];
  /** Existing leads the file adds something to; rows that added nothing still count as merged. */
  readonly merged: readonly { readonly id: string; readonly patch: LeadPatch }[];
  readonly mergedRows: number;
  /** Duplicates skipped (mode `skip`), one per row. */
  readonly skipped: readonly RowIssue[];
}

type Target =
  | { readonly kind: 'new'; readonly rowNumber: number; lead: Lead }
  | { readonly kind: 'existing'; readonly lead: Lead; fields: LeadFields; patch: LeadPatch };

/**
 * Decides, row by row in file order, which rows become new leads and which are duplicates of a lead
 * that exists or of an earlier row, by normalised phone and e-mail (leadDedupeKeys). `existing`
 * holds the stored leads sharing any key with the file. In merge mode a duplicate row fills the
 * first lead it matches (mergePatch); a later row can match through a number an earlier row added.
 */
export function planImport(rows: readonly ValidRow[], existing: readonly Lead[], options: PlanOptions): ImportPlan {
  const byKey = new Map<string, Target>();
  for (const lead of existing) {
    const target: Target = { kind: 'existing', lead, fields: lead, patch: {} };
    for (const key of leadDedupeKeys(lead)) if (!byKey.has(key)) byKey.set(key, target);
  }
  const created: Lead[] = [];
  const news: Extract<Target, { kind: 'new' }>[] = [];
  const mergedTargets: Extract<Target, { kind: 'existing' }>[] = [];
  const skipped: RowIssue[] = [];
  let mergedRows = 0;

  for (const row of rows) {
    const keys = leadDedupeKeys(row.fields);
    const matchKey = keys.find((k) => byKey.has(k));
    const match = matchKey === undefined ? undefined : byKey.get(matchKey);
    if (match === undefined || matchKey === undefined) {
      const target: Target = { kind: 'new', rowNumber: row.rowNumber, lead: leadOfRow(row, options) };
      news.push(target);
      register(byKey, keys, target);
      continue;
    }
    if (options.mode === 'skip') {
      skipped.push(duplicateIssue(row.rowNumber, matchKey, match));
      continue;
    }
    mergedRows++;
    if (match.kind === 'new') {
      match.lead = { ...match.lead, ...mergePatch(match.lead, row.fields) };
      register(byKey, leadDedupeKeys(match.lead), match);
    } else {
      const patch = mergePatch(match.fields, row.fields);
      if (Object.keys(patch).length === 0) continue;
      if (Object.keys(match.patch).length === 0) mergedTargets.push(match);
      match.fields = { ...match.fields, ...patch };
      match.patch = { ...match.patch, ...patch };
      register(byKey, leadDedupeKeys(match.fields), match);
    }
  }
  for (const target of news) created.push(target.lead);
  return { created, merged: mergedTargets.map((t) => ({ id: t.lead.id, patch: t.patch })), mergedRows, skipped };
}

function register(byKey: Map<string, Target>, keys: readonly string[], target: Target): void {
  for (const key of keys) if (!byKey.has(key)) byKey.set(key, target);
}

function leadOfRow(row: ValidRow, { batchId, now, newId }: PlanOptions): Lead {
  // Staggered by row so that "oldest first" lists the file in its own order.
  return newLead(row.fields, newId(), now + (row.rowNumber - 2), batchId);
}

/** Keys are 't:<E.164 digits>' or 'e:<email>' (shared/rules/leadSearch.ts). */
function duplicateIssue(rowNumber: number, key: string, match: Target): RowIssue {
  const isPhone = key.startsWith('t:');
  const base = { rowNumber, field: isPhone ? 'phones' : 'email', column: null, value: isPhone ? `+${key.slice(2)}` : key.slice(2) };
  return match.kind === 'new'
    ? { ...base, reason: { scope: 'import', code: 'duplicateInFile', params: { row: match.rowNumber } } }
    : { ...base, reason: { scope: 'import', code: 'duplicateExisting', params: { company: match.lead.company } } };
}
