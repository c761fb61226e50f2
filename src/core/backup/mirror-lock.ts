import fs from 'node:fs';
import Database from 'better-sqlite3';
import { MoorError } from '../errors';

const inUse = (dbPath: string) =>
  new MoorError(
    'MIRROR_IN_USE',
    `${dbPath} is open in another program (Мөөр itself, perhaps). Close it and restore again; nothing was changed.`,
    { dbPath },
  );

/**
 * Takes the mirror for itself before a restore replaces the file: a program that keeps it open
 * would go on writing to the replaced file and lose every later write. Leaving WAL mode needs the
 * only connection to the file, so it fails while anyone else has the mirror open (even with an
 * empty WAL); the exclusive lock then keeps newcomers out until the returned connection is closed,
 * after the new file is in place. Null when there is no mirror yet.
 */
export function lockMirrorForReplace(dbPath: string): Database.Database | null {
  if (!fs.existsSync(dbPath)) return null;
  const db = new Database(dbPath, { timeout: 0 });
  try {
    const mode = db.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw inUse(dbPath);
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT;');
    return db;
  } catch (error) {
    db.close();
    if (error instanceof MoorError) throw error;
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw inUse(dbPath);
    throw error;
  }
}
