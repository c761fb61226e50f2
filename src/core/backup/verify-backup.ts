import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '../auth/actor';
import { assertAllowed } from '../auth/permissions';
import type { Clock } from '../clock';
import type { Mirror } from '../db/mirror';
import { isMoorError } from '../errors';
import { registerBackupUse } from '../registers/backup-register';
import type { BackupProgress } from './backup-progress';
import { driveError } from './drive-errors';
import { cleanVerifyCopies, verifyFolderPrefix } from './leftovers';
import { type BackupContents, peekBackupId, readBackup } from './read-backup';
import { nodeTargetFs, type TargetFs } from './target-fs';

export interface VerifyBackupOptions {
  backupDir: string;
  passphrase: string;
  actor: Actor;
  clock: Clock;
  /** When given, the inspection is entered in this mirror's register of use. */
  mirror?: Mirror;
  /** Why the backup is inspected, for the register of use. */
  reason?: string;
  fs?: TargetFs;
  /** A local folder for the decrypted database while it is checked; by default the system's temp folder. */
  workDir?: string;
  signal?: AbortSignal;
  onProgress?: (progress: BackupProgress) => void;
}

/**
 * Inspects a backup: reads every file back, checks every hash and the database's integrity, and
 * says what it holds. Nothing is written anywhere but a temporary local copy, removed afterwards.
 */
export async function verifyBackup(options: VerifyBackupOptions): Promise<BackupContents> {
  assertAllowed(options.actor, 'backup.verify');
  const targetFs = options.fs ?? nodeTargetFs;
  const workDir = options.workDir ?? os.tmpdir();
  await cleanVerifyCopies([workDir]);
  const work = await fs.mkdtemp(path.join(workDir, verifyFolderPrefix()));
  const register = (result: 'ok' | 'failed', backupId: string | null, detail: string) => {
    if (!options.mirror) return;
    registerBackupUse(
      options.mirror,
      {
        kind: 'inspect',
        backupId,
        path: options.backupDir,
        reason: options.reason ?? 'verification',
        result,
        detail,
      },
      options.actor,
      options.clock(),
    );
  };
  try {
    const contents = await readBackup(options.backupDir, options.passphrase, {
      fs: targetFs,
      databaseTo: path.join(work, 'backup.sqlite'),
      signal: options.signal,
      onProgress: options.onProgress,
    });
    register(
      'ok',
      contents.backupId,
      `sha256 ${contents.sha256}; ${contents.files} files, ${contents.bytes} bytes`,
    );
    return contents;
  } catch (error) {
    const failure = isMoorError(error) ? error : driveError(error, options.backupDir);
    register(
      'failed',
      await peekBackupId(targetFs, options.backupDir),
      `${failure.code}: ${failure.message}`,
    );
    throw failure;
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}
