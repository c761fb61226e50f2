import path from 'node:path';
import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';

/**
 * Whoever may check backups but not restore them reads only the backups the school's register
 * lists: a folder path typed into the window must not make the core read (and report on) any
 * folder of the computer.
 */
export function assertRegisteredBackup(mirror: Mirror, backupDir: string): void {
  const wanted = path.resolve(backupDir);
  const paths = mirror.all(mirror.db.selectFrom('backup_register').select('path'));
  if (!paths.some((row) => path.resolve(row.path) === wanted)) {
    throw new MoorError(
      'BACKUP_NOT_REGISTERED',
      `"${backupDir}" is not a backup in the backup register; only the administrator checks other folders.`,
      { field: 'backupDir' },
    );
  }
}
