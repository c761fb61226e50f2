import path from 'node:path';
import { isMoorError, MoorError } from '../errors';

function errno(error: unknown): string | undefined {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

/** What a file-system failure means for the person who chose the folder: the one reading of errno codes. */
type FolderFault = 'full' | 'readonly' | 'lost';

function folderFault(code: string | undefined): FolderFault | undefined {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return 'full';
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return 'readonly';
    case 'EIO':
    case 'ENODEV':
    case 'ENXIO':
    case 'ENOENT':
    case 'ESTALE':
      return 'lost';
    default:
      return undefined;
  }
}

/**
 * Turns a file-system failure on the backup drive into a message the person at the PC can act on.
 * `where` names the folder or file that was being written or read.
 */
export function driveError(error: unknown, where: string): MoorError {
  if (isMoorError(error)) return error;
  const code = errno(error);
  switch (folderFault(code)) {
    case 'full':
      return new MoorError(
        'BACKUP_DRIVE_FULL',
        `The drive is full: the backup did not fit in ${where}. Free space on the drive or use a larger one; ` +
          'nothing was changed in the database.',
        { where, errno: code },
      );
    case 'readonly':
      return new MoorError(
        'BACKUP_DRIVE_READONLY',
        `Cannot write to ${where}: the drive is read-only or writing there is not allowed. ` +
          'Check the drive’s write-protect switch or pick another folder.',
        { where, errno: code },
      );
    case 'lost':
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

/** The folder a failed file-system call was about: the folder itself, or the one the file is in. */
function folderOf(error: Error & { path: string; syscall?: unknown }): string {
  return error.syscall === 'mkdir' || error.syscall === 'scandir' ? error.path : path.dirname(error.path);
}

/**
 * A failure writing where the person asked for files (printed copies, an export, a register):
 * told in the same three ways as a backup drive's, naming the folder. Not a file-system failure
 * with a known meaning: undefined, and it stays an unexpected error.
 */
export function folderWriteError(error: unknown): MoorError | undefined {
  if (!(error instanceof Error) || !('path' in error) || typeof error.path !== 'string') return undefined;
  const code = errno(error);
  const where = folderOf(error as Error & { path: string; syscall?: unknown });
  switch (folderFault(code)) {
    case 'full':
      return new MoorError('EXPORT_FOLDER_FULL', `There is no room left in ${where}.`, {
        where,
        errno: code,
      });
    case 'readonly':
      return new MoorError(
        'EXPORT_FOLDER_READONLY',
        `${where} cannot be written (read-only or not allowed).`,
        {
          where,
          errno: code,
        },
      );
    case 'lost':
      return new MoorError(
        'EXPORT_FOLDER_LOST',
        `${where} is gone or stopped answering (was the drive removed?).`,
        {
          where,
          errno: code,
        },
      );
    default:
      return undefined;
  }
}

/** An error as the person is told it: a coded one as it is, a known file-system failure read as one. */
export function knownError(error: unknown): MoorError | undefined {
  return isMoorError(error) ? error : folderWriteError(error);
}
