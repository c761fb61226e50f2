import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../src/core/backup/create-backup';
import { restoreBackup } from '../../src/core/backup/restore-backup';
import { verifyBackup } from '../../src/core/backup/verify-backup';
import { fixedClock } from '../../src/core/clock';
import { openMirror } from '../../src/core/db/mirror';
import type { MoorError } from '../../src/core/errors';
import { listBackupUses } from '../../src/core/registers/backup-register';
import { tempDir } from '../support/temp-dir';
import { deputy, admin } from '../support/actors';
import { faultyFs } from './faulty-fs';
import { failure, PASSPHRASE, schoolName, smallMirror, testKdf } from './fixture';

const clock = fixedClock('2026-03-25T09:00:00Z');

/** A backup (with one printed copy) of a mirror named 'backed-up'; the live mirror is then renamed 'live'. */
let backupDir: string;
let template: string;

beforeAll(async () => {
  const root = tempDir();
  const drive = path.join(root, 'drive');
  const printed = path.join(root, 'printed');
  fs.mkdirSync(drive);
  fs.mkdirSync(printed);
  fs.writeFileSync(path.join(printed, '8А.pdf'), Buffer.alloc(20_000, 8));
  template = path.join(root, 'template.sqlite');
  const mirror = smallMirror(template, 'backed-up');
  backupDir = (
    await createBackup(mirror, {
      targetDir: drive,
      passphrase: PASSPHRASE,
      actor: deputy,
      clock,
      documentsDir: printed,
      keyDerivation: testKdf,
    })
  ).backupPath;
  mirror.run(mirror.db.updateTable('school').set({ name_ky: '№95 гимназия (live)' }));
  mirror.sqlite.pragma('journal_mode = DELETE');
  mirror.close();
});

/** A PC with the live mirror, ready to be restored over. */
function livePc(): { dir: string; dbPath: string } {
  const dir = tempDir();
  const dbPath = path.join(dir, 'mirror.sqlite');
  fs.copyFileSync(template, dbPath);
  return { dir, dbPath };
}

function usesOf(dbPath: string) {
  const mirror = openMirror(dbPath);
  try {
    return listBackupUses(mirror).map((u) => ({ kind: u.kind, result: u.result, detail: u.detail }));
  } finally {
    mirror.close();
  }
}

/** The IT person restores the backup over the live mirror; the restore is expected to fail. */
function failedRestore(
  dbPath: string,
  extra: Pick<Parameters<typeof restoreBackup>[0], 'fs' | 'documentsTo'>,
): Promise<MoorError> {
  const options = {
    backupDir,
    passphrase: PASSPHRASE,
    dbPath,
    actor: admin,
    clock,
    reason: 'disk failure',
  };
  return failure(restoreBackup({ ...options, ...extra }));
}

describe('faults while a backup is read back', () => {
  it('the drive removed during a restore: a clear error, the mirror as it was, the failure registered', async () => {
    const { dir, dbPath } = livePc();
    const error = await failedRestore(dbPath, {
      fs: faultyFs({ kind: 'removed-on-read', afterBytes: 40_000 }),
    });
    expect(error.code).toBe('BACKUP_DRIVE_LOST');
    expect(error.message).toMatch(/stopped answering.*Reconnect it and try again/);
    expect(schoolName(dbPath)).toContain('live');
    expect(fs.readdirSync(dir)).toEqual(['mirror.sqlite']);
    expect(usesOf(dbPath)).toEqual([
      { kind: 'restore', result: 'failed', detail: expect.stringContaining('BACKUP_DRIVE_LOST') as string },
    ]);
  });

  it('the drive removed during an inspection: a clear error, entered in the register of use', async () => {
    const { dbPath } = livePc();
    const mirror = openMirror(dbPath);
    try {
      const error = await failure(
        verifyBackup({
          backupDir,
          passphrase: PASSPHRASE,
          actor: deputy,
          clock,
          mirror,
          fs: faultyFs({ kind: 'removed-on-read', afterBytes: 40_000 }),
        }),
      );
      expect(error.code).toBe('BACKUP_DRIVE_LOST');
    } finally {
      mirror.close();
    }
    expect(usesOf(dbPath).map((u) => [u.kind, u.result])).toEqual([['inspect', 'failed']]);
  });

  it('a place on this computer that cannot be written is named as such, not as a drive fault', async () => {
    const { dir, dbPath } = livePc();
    const blocked = path.join(dir, 'documents');
    fs.writeFileSync(blocked, 'a file where the folder of documents should go');
    const error = await failedRestore(dbPath, { documentsTo: blocked });
    expect(error.code).toBe('LOCAL_WRITE_FAILED');
    expect(error.message).toContain(blocked);
    expect(error.message).toMatch(/on this computer.*The mirror was not changed/);
    expect(schoolName(dbPath)).toContain('live');
    expect(fs.readdirSync(dir).sort()).toEqual(['documents', 'mirror.sqlite']);
  });
});
