import Database from 'better-sqlite3';
import { MoorError } from '../errors';

/**
 * Makes a database file self-contained (no -wal beside it) and checks it is whole and is a Мөөр
 * mirror. Used on the snapshot before it is encrypted and on the copy decrypted from a backup.
 */
export type IntegrityCheck = 'full' | 'quick';

export function checkDatabaseFile(
  path: string,
  where: string,
  check: IntegrityCheck = 'full',
): { migrations: string[] } {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { fileMustExist: true });
  } catch (error) {
    throw new MoorError('BACKUP_DAMAGED', `The database in ${where} cannot be opened: ${String(error)}`, {
      where,
    });
  }
  try {
    sqlite.pragma('journal_mode = DELETE');
    const problems = sqlite
      .prepare(check === 'full' ? 'PRAGMA integrity_check(20)' : 'PRAGMA quick_check(20)')
      .pluck()
      .all() as string[];
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new MoorError(
        'BACKUP_DAMAGED',
        `The database in ${where} is not whole: ${problems.slice(0, 3).join('; ')}`,
        {
          where,
          problems,
        },
      );
    }
    const hasHistory = sqlite
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'")
      .get();
    if (hasHistory === undefined) {
      throw new MoorError('BACKUP_NOT_MOOR', `The database in ${where} is not a Мөөр mirror.`, { where });
    }
    const migrations = sqlite
      .prepare<[], { name: string }>('SELECT name FROM schema_migration ORDER BY rowid')
      .all()
      .map((row) => row.name);
    return { migrations };
  } catch (error) {
    if (error instanceof MoorError) throw error;
    throw new MoorError('BACKUP_DAMAGED', `The database in ${where} is not readable: ${String(error)}`, {
      where,
    });
  } finally {
    sqlite.close();
  }
}
