import { SdrDeskDb } from './database';

/** The app's one database connection; tests construct their own SdrDeskDb. */
export const db = new SdrDeskDb();

/**
 * Another window (or a newer app build) wants to upgrade the schema. Close this connection so the
 * upgrade can run instead of corrupting anything, and keep it closed: the caller tells the user to
 * reload, because this window's code no longer matches the data.
 */
export function watchForNewerVersion(database: SdrDeskDb, onSuperseded: () => void): void {
  database.on('versionchange', () => {
    database.close({ disableAutoOpen: true });
    onSuperseded();
    return false;
  });
}
