import { isMoorError, MoorError } from '../errors';

function errno(error: unknown): string | undefined {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

/**
 * Turns a file-system failure on the backup drive into a message the person at the PC can act on.
 * `where` names the folder or file that was being written or read.
 */
export function driveError(error: unknown, where: string): MoorError {
  if (isMoorError(error)) return error;
  const code = errno(error);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return new MoorError(
        'BACKUP_DRIVE_FULL',
        `The drive is full: the backup did not fit in ${where}. Free space on the drive or use a larger one; ` +
          'nothing was changed in the database.',
        { where, errno: code },
      );
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return new MoorError(
        'BACKUP_DRIVE_READONLY',
        `Cannot write to ${where}: the drive is read-only or writing there is not allowed. ` +
          'Check the drive’s write-protect switch or pick another folder.',
        { where, errno: code },
      );
    case 'EIO':
    case 'ENODEV':
    case 'ENXIO':
    case 'ENOENT':
    case 'ESTALE':
      return new MoorError(
        'BACKUP_DRIVE_LOST',
        `The drive stopped answering while ${where} was being used (was it removed?). ` +
          'Reconnect it and try again; the database was not changed.',
        { where, errno: code },
      );
    default:
      return new MoorError(
        'BACKUP_IO',
        `Could not use ${where}: ${error instanceof Error ? error.message : String(error)}`,
        { where, errno: code },
      );
  }
}

/**
 * A failure writing on this computer while a backup is restored or inspected (the new mirror,
 * its documents, the pre-restore copy): named as such, so nobody looks for it on the backup drive.
 */
export function localWriteError(error: unknown, where: string): MoorError {
  if (isMoorError(error)) return error;
  const code = errno(error);
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG' || code === 'SQLITE_FULL') {
    return new MoorError(
      'LOCAL_DISK_FULL',
      `This computer's disk is full: ${where} could not be written. Free space on it and try again; ` +
        'the mirror was not changed.',
      { where, errno: code },
    );
  }
  return new MoorError(
    'LOCAL_WRITE_FAILED',
    `Could not write ${where} on this computer (${error instanceof Error ? error.message : String(error)}). ` +
      'The mirror was not changed.',
    { where, errno: code },
  );
}
