import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { SdrDeskDb } from '../../../renderer/db';
import { watchForNewerVersion } from '../../../renderer/db/instance';
import { SCHEMA_VERSIONS } from '../../../renderer/db/schema';
import { makeLead } from '../../helpers/leadFactory';

describe('schema upgrades', () => {
  it('opens a version 1 profile: rows kept, import batch added, search tokens and queue keys rebuilt', async () => {
    const name = `upgrade-${uuidv7()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_VERSIONS[0].stores);
    const { importBatchId: _dropped, ...oldLead } = makeLead({ company: 'Northwind 科技' });
    await v1.table('leads').add({ ...oldLead, searchTokens: ['stale'], queueBucket: 9, queueSort: 0 });
    await v1.table('settings').put({ key: 'language', value: 'zh-CN' });
    v1.close();

    const db = new SdrDeskDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    const row = await db.leads.get(oldLead.id);
    expect(row).toMatchObject({ company: 'Northwind 科技', importBatchId: null, queueBucket: 0 });
    expect(row?.searchTokens).toEqual(expect.arrayContaining(['northwind', '科技']));
    expect(row?.searchTokens).not.toContain('stale');
    expect(await db.leads.where('searchTokens').equals('科技').count()).toBe(1);
    expect(await db.settings.get('language')).toEqual({ key: 'language', value: 'zh-CN' });
    expect(await db.importBatches.count()).toBe(0);
    await db.delete();
  });

  it('closes an older connection instead of blocking a newer one, and tells the user', async () => {
    const name = `versionchange-${uuidv7()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_VERSIONS[0].stores);
    await old.open();
    let superseded = false;
    old.on('versionchange', () => {
      old.close({ disableAutoOpen: true });
      superseded = true;
      return false;
    });
    const current = new SdrDeskDb(name);
    watchForNewerVersion(current, () => undefined);
    await current.open();
    expect(superseded).toBe(true);
    expect(current.verno).toBe(2);
    await current.delete();
  });
});
