import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { makeLead as baseLead } from '../../helpers/leadFactory';
import type { Lead } from '../../../shared/model/lead';
import { inThreadCsvRunner } from '../../../renderer/features/import/csvRunner';
import type { RunImportOptions } from '../../../renderer/features/import/runImport';

/** Bytes of a UTF-8 CSV (no BOM) from lines, joined with CRLF as Excel writes them. */
export function csvBytes(lines: readonly string[]): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}

export function fixtureBytes(name: string): Uint8Array<ArrayBuffer> {
  // Vitest runs from the repository root (where vitest.config.ts is).
  return new Uint8Array(readFileSync(resolve(process.cwd(), 'test/fixtures/import', name)));
}

export const T0 = Date.UTC(2025, 2, 3, 1, 0, 0);

/** Options for importLeadsFromFile with a fixed clock and the in-thread runner (jsdom has no Worker). */
export function importOptions(overrides: Partial<RunImportOptions> = {}): Omit<RunImportOptions, 'mapping'> {
  return {
    fileName: 'leads.csv',
    duplicates: 'skip',
    defaultKind: 'outbound',
    defaultPhoneRegion: 'CN',
    ownerName: '王芳',
    clock: () => T0,
    runner: inThreadCsvRunner,
    ...overrides,
  };
}

/** A lead already in the store before an import: working, with no contact details unless given. */
export function makeLead(overrides: Partial<Lead> = {}): Lead {
  return baseLead({
    company: '杭州云帆智能科技有限公司',
    contactName: '',
    title: '',
    phones: [],
    email: '',
    industry: '',
    region: '',
    timeZone: '',
    status: 'working',
    createdAt: T0 - 86_400_000,
    updatedAt: T0 - 86_400_000,
    ...overrides,
  });
}
