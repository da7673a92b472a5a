import type { LeadInput } from '../../../shared/model/leadInput';
import { columnLabel } from './columnMapping';
import type { ColumnMapping, ColumnTarget, LeadColumnTarget } from './types';
import { mapEnumValue, type EnumField } from './valueDictionary';

/** A row turned into parseLeadInput's input, plus where each value came from for the report. */
export interface RowInput {
  readonly input: LeadInput;
  /** CSV column of each non-blank phone, in the order parseLeadInput numbers them (phones.N). */
  readonly phoneSources: readonly { readonly column: string; readonly raw: string }[];
}

export interface MappedColumn {
  readonly index: number;
  readonly target: Exclude<ColumnTarget, 'ignore'>;
  /** Header as the user sees it, for the report. */
  readonly column: string;
  /** Custom-field name: the header, cut to the model's 60 characters and made unique. */
  readonly customKey: string;
}

/** Resolves a mapping once per file rather than once per row. */
export function mappedColumns(mapping: ColumnMapping, headers: readonly string[]): MappedColumn[] {
  const usedKeys = new Set<string>();
  const columns: MappedColumn[] = [];
  mapping.forEach((target, index) => {
    if (target === 'ignore') return;
    const column = columnLabel(headers, index);
    let customKey = column.slice(0, 60);
    for (let n = 2; usedKeys.has(customKey); n++) customKey = `${column.slice(0, 55)} (${n})`;
    usedKeys.add(customKey);
    columns.push({ index, target, column, customKey });
  });
  return columns;
}

const ENUM_FIELDS: ReadonlySet<LeadColumnTarget> = new Set<LeadColumnTarget>(['kind', 'temperature', 'status', 'sourceChannel', 'priority']);

/** One cell may hold several numbers or tags: "138 0013 8000 / 010-6552 9988", "SaaS、制造". */
const PHONE_SEPARATORS = /[;；,，、/|\n]+/;
const TAG_SEPARATORS = /[;；,，、|\n]+/;

/**
 * Maps one CSV row onto lead input. Enumeration cells are translated through the value dictionary
 * ("热" → hot); an unknown source channel becomes "other" with the original text kept as a custom
 * field, because source lists are open-ended and one odd value should not cost the SDR the lead.
 * Other unknown enumeration values pass through unchanged so parseLeadInput reports them.
 */
export function rowToLeadInput(cells: readonly string[], columns: readonly MappedColumn[], ownerName: string): RowInput {
  const single: Partial<Record<LeadColumnTarget, string>> = {};
  const phones: { column: string; raw: string }[] = [];
  const tags: string[] = [];
  const customFields: Record<string, string> = {};

  for (const { index, target, column, customKey } of columns) {
    const cell = (cells[index] ?? '').trim();
    if (cell === '') continue;
    if (target === 'custom') {
      customFields[customKey] = cell;
    } else if (target === 'phones') {
      for (const raw of cell.split(PHONE_SEPARATORS)) if (raw.trim() !== '') phones.push({ column, raw: raw.trim() });
    } else if (target === 'tags') {
      tags.push(...cell.split(TAG_SEPARATORS));
    } else if (ENUM_FIELDS.has(target)) {
      const mapped = mapEnumValue(target as EnumField, cell);
      if (mapped !== null) single[target] = mapped;
      else if (target === 'sourceChannel') {
        single[target] = 'other';
        customFields[customKey] = cell;
      } else single[target] = cell;
    } else {
      single[target] = cell;
    }
  }

  const input: LeadInput = {
    ...single,
    owner: single.owner ?? ownerName,
    phones: phones.map((p) => p.raw),
    tags,
    customFields,
  };
  return { input, phoneSources: phones };
}
