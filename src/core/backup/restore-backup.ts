import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../auth/actor';
import { assertAllowed } from '../auth/permissions';
import type { Clock } from '../clock';
import { type Mirror, openMirror } from '../db/mirror';
import { isMoorError, MoorError } from '../errors';
import { registerBackupUse } from '../registers/backup-register';
import type { BackupProgress } from './backup-progress';
import { carryRegisters } from './carry-registers';
import { localWriteError } from './drive-errors';
import { lockMirrorForReplace } from './mirror-lock';
import { type BackupContents, peekBackupId, readBackup } from './read-backup';
import { restoringPath, restoringProcess } from './restoring-file';
import { nodeTargetFs, type TargetFs } from './target-fs';

/** The points a restore passes; a test kills the process at each to show the mirror is never half-replaced. */
export type RestoreStep = 'verified' | 'pre-restore-copied' | 'registers-carried' | 'ready' | 'replaced';

export interface RestoreBackupOptions {
  backupDir: string;
  passphrase: string;
  /** The mirror database file to replace. Close every connection to it first. */
  dbPath: string;
  actor: Actor;
  clock: Clock;
  /** Why the backup is restored, for the register of use. */
  reason: string;
  /** Where to put the backup's printed documents, if wanted; files already there are kept. */
  documentsTo?: string;
  /** Put the printed documents back into the print folder they were backed up from; files already there are kept. */
  documentsWherePrinted?: boolean;
  fs?: TargetFs;
  signal?: AbortSignal;
  onProgress?: (progress: BackupProgress) => void;
  onStep?: (step: RestoreStep) => void;
}

export interface RestoreResult {
  contents: BackupContents;
  dbPath: string;
  /** The mirror as it was before the restore, kept beside it; null when there was none. */
  preRestorePath: string | null;
  registerRowsCarried: number;
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** Flushes a file (opened for writing) or a folder (read-only: a folder cannot be opened to write). */
function fsyncPath(target: string, flags: 'r+' | 'r'): void {
  const fd = fs.openSync(target, flags);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncFile(file: string): void {
  fsyncPath(file, 'r+');
}

function fsyncDir(dir: string): void {
  // Windows cannot open a folder to flush it; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  fsyncPath(dir, 'r');
}

/** Temporary copies left by a restore that was killed: plain databases, so they do not linger. */
function removeLeftovers(dbPath: string): void {
  for (const name of fs.readdirSync(path.dirname(dbPath))) {
    if (restoringProcess(dbPath, name) !== null)
      fs.rmSync(path.join(path.dirname(dbPath), name), { force: true });
  }
}

function openCurrent(dbPath: string): Mirror | null {
  if (!fs.existsSync(dbPath)) return null;
  try {
    return openMirror(dbPath);
  } catch {
    // A mirror that cannot be opened is often why a backup is restored: keep its files, replace it.
    return null;
  }
}

async function keepPreRestoreCopy(dbPath: string, current: Mirror | null, at: Date): Promise<string | null> {
  if (!fs.existsSync(dbPath)) return null;
  const copy = `${dbPath}.pre-restore-${stamp(at)}.sqlite`;
  if (current) {
    await current.sqlite.backup(copy);
  } else {
    fs.copyFileSync(dbPath, copy, fs.constants.COPYFILE_EXCL);
    if (fs.existsSync(`${dbPath}-wal`))
      fs.copyFileSync(`${dbPath}-wal`, `${copy}-wal`, fs.constants.COPYFILE_EXCL);
  }
  fsyncFile(copy);
  return copy;
}

/**
 * Restores a backup over the mirror: verifies it completely into a new file beside the mirror,
 * brings it to this version's schema, keeps the current mirror as a pre-restore copy, carries the
 * registers over, records the use, and only then renames the new file over the old one. Until that
 * rename the old mirror is untouched; after it the new one is complete. A failed restore is entered
 * in the current mirror's register of use.
 */
export async function restoreBackup(options: RestoreBackupOptions): Promise<RestoreResult> {
  const { actor, clock, dbPath } = options;
  assertAllowed(actor, 'backup.restore');
  if (options.reason.trim() === '') {
    throw new MoorError('BAD_INPUT', 'Say why the backup is restored: the register of use records it.', {
      field: 'reason',
    });
  }
  const targetFs = options.fs ?? nodeTargetFs;
  removeLeftovers(dbPath);
  const temp = restoringPath(dbPath);
  try {
    return await replaceMirror(options, targetFs, temp);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    fs.rmSync(`${temp}-wal`, { force: true });
    fs.rmSync(`${temp}-shm`, { force: true });
    // Reading the drive reports its own faults; anything else failed on this computer.
    const failure = isMoorError(error) ? error : localWriteError(error, dbPath);
    const current = openCurrent(dbPath);
    if (current) {
      try {
        registerBackupUse(
          current,
          {
            kind: 'restore',
            backupId: await peekBackupId(targetFs, options.backupDir),
            path: options.backupDir,
            reason: options.reason,
            result: 'failed',
            detail: `${failure.code}: ${failure.message}`,
          },
          actor,
          clock(),
        );
      } finally {
        current.close();
      }
    }
    throw failure;
  }
}

async function replaceMirror(
  options: RestoreBackupOptions,
  targetFs: TargetFs,
  temp: string,
): Promise<RestoreResult> {
  const { actor, clock, dbPath } = options;
  const contents = await readBackup(options.backupDir, options.passphrase, {
    fs: targetFs,
    databaseTo: temp,
    documentsTo: options.documentsTo,
    documentsWherePrinted: options.documentsWherePrinted,
    signal: options.signal,
    onProgress: options.onProgress,
  });
  options.onStep?.('verified');
  const restored = openMirror(temp);
  let preRestorePath: string | null = null;
  let registerRowsCarried = 0;
  let currentOpened = false;
  try {
    const current = openCurrent(dbPath);
    currentOpened = current !== null;
    try {
      preRestorePath = await keepPreRestoreCopy(dbPath, current, clock());
      options.onStep?.('pre-restore-copied');
      if (current) registerRowsCarried = carryRegisters(restored.sqlite, dbPath);
      options.onStep?.('registers-carried');
    } finally {
      current?.close();
    }
    registerBackupUse(
      restored,
      {
        kind: 'restore',
        backupId: contents.backupId,
        path: options.backupDir,
        reason: options.reason,
        result: 'ok',
        detail: `sha256 ${contents.sha256}; backup of ${contents.createdAt}; ${registerRowsCarried} register lines kept`,
        preRestorePath,
      },
      actor,
      clock(),
    );
    restored.sqlite.pragma('journal_mode = DELETE');
  } finally {
    restored.close();
  }
  fsyncFile(temp);
  options.onStep?.('ready');
  const lock = currentOpened ? lockMirrorForReplace(dbPath) : null;
  try {
    fs.rmSync(`${dbPath}-wal`, { force: true });
    fs.rmSync(`${dbPath}-shm`, { force: true });
    fs.renameSync(temp, dbPath);
    fsyncDir(path.dirname(path.resolve(dbPath)));
  } finally {
    lock?.close();
  }
  options.onStep?.('replaced');
  return { contents, dbPath, preRestorePath, registerRowsCarried };
}
