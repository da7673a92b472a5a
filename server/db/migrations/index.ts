import type { Migration } from 'kysely';
import * as accounts from './001_accounts';
import * as sync from './002_sync';
import * as review from './003_review';

/**
 * Every migration the server has shipped, in order. Numbered names sort as they run; a name
 * stays here for good once released, so any database of any age can be brought up to date.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '001_accounts': accounts,
  '002_sync': sync,
  '003_review': review,
};
