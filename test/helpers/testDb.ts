import { v7 as uuidv7 } from 'uuid';
import { SdrDeskDb } from '../../renderer/db/database';

/** A fresh database in fake-indexeddb per test; delete it when done. */
export async function openTestDb(): Promise<SdrDeskDb> {
  const db = new SdrDeskDb(`test-${uuidv7()}`);
  await db.open();
  return db;
}
