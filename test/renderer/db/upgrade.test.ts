import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { SdrDeskDb, toLeadRow } from '../../../renderer/db';
import { watchForNewerVersion } from '../../../renderer/db/instance';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../../renderer/db/schema';
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
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const row = await db.leads.get(oldLead.id);
    expect(row).toMatchObject({ company: 'Northwind 科技', importBatchId: null, queueBucket: 0 });
    expect(row?.searchTokens).toEqual(expect.arrayContaining(['northwind', '科技']));
    expect(row?.searchTokens).not.toContain('stale');
    expect(await db.leads.where('searchTokens').equals('科技').count()).toBe(1);
    expect(await db.settings.get('language')).toEqual({ key: 'language', value: 'zh-CN' });
    expect(await db.importBatches.count()).toBe(0);
    await db.delete();
  });

  it('opens a version 2 profile: leads, outbox and settings kept; the call tables answer their new indexes', async () => {
    const name = `upgrade-v2-${uuidv7()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_VERSIONS[0].stores);
    v2.version(2).stores(SCHEMA_VERSIONS[1].stores);
    const lead = makeLead({ company: 'Contoso 咨询' });
    await v2.table('leads').add(toLeadRow(lead));
    await v2.table('outbox').add({ seq: 1, clientId: uuidv7(), id: uuidv7(), name: 'lead.create', args: { lead }, hlc: 'x', createdAt: 1 });
    await v2.table('settings').put({ key: 'ownerName', value: '王芳' });
    v2.close();

    const db = new SdrDeskDb(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.leads.get(lead.id)).toMatchObject({ company: 'Contoso 咨询' });
    expect(await db.outbox.count()).toBe(1);
    expect(await db.settings.get('ownerName')).toEqual({ key: 'ownerName', value: '王芳' });
    expect(db.tables.map((t) => t.name)).not.toContain('tags');
    expect(await db.calls.where('[leadId+startedAt]').between([lead.id, 0], [lead.id, Infinity]).count()).toBe(0);
    expect(await db.calls.where('isOpen').equals(1).count()).toBe(0);
    expect(await db.notes.where('[leadId+createdAt]').between([lead.id, 0], [lead.id, Infinity]).count()).toBe(0);
    expect(await db.drafts.count()).toBe(0);
    // v4: the queue waiting for the first sync is kept; refused changes have their table.
    expect(await db.rejections.where('leadId').equals(lead.id).count()).toBe(0);
    // v5: reviews, their read marks and the review workspace's offline cache start empty.
    expect(await db.reviews.where('callId').equals(lead.id).count()).toBe(0);
    expect(await db.reviewReads.count()).toBe(0);
    expect(await db.reviewCache.orderBy('openedAt').count()).toBe(0);
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
    expect(current.verno).toBe(CURRENT_SCHEMA_VERSION);
    await current.delete();
  });
});
