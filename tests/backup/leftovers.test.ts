import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup } from '../../src/core/backup/create-backup';
import { verifyBackup } from '../../src/core/backup/verify-backup';
import {
  cleanBackupLeftovers,
  cleanLeftoversAtStart,
  cleanPartialFiles,
} from '../../src/core/backup/leftovers';
import { fixedClock } from '../../src/core/clock';
import { registerLayout } from '../../src/core/registers/register-layouts';
import { listBackupRegister, registerBackupStart } from '../../src/core/registers/backup-register';
import { deputy } from '../support/actors';
import { tempDir } from '../support/temp-dir';
import { failure, PASSPHRASE, smallMirror, testKdf } from './fixture';

/** The id of a process that has ended: what a killed backup or print leaves its files named after. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

const clock = fixedClock('2026-03-25T10:00:00Z');

describe('leftovers of a crash', () => {
  it('at start: a stale plain snapshot and a half-written print are removed, a line still "writing" becomes interrupted, its drive folder goes', async () => {
    const dir = tempDir();
    const mirror = smallMirror(path.join(dir, 'mirror.sqlite'));
    const drive = path.join(dir, 'drive');
    fs.mkdirSync(drive);
    const backupId = '0123abcd-0000-4000-8000-000000000000';
    const finalDir = path.join(drive, 'moor-backup-20260325-093000-0123abcd');
    mirror.transaction(() =>
      registerBackupStart(
        mirror,
        { backupId, path: finalDir, periodId: null, mediumLabel: 'USB', mediumSerial: null },
        deputy,
        new Date('2026-03-25T09:30:00Z'),
      ),
    );
    const pid = deadPid();
    const snapshot = path.join(dir, `.moor-backup-${pid}-0123abcd-Xy12Zq`);
    fs.mkdirSync(snapshot);
    fs.writeFileSync(path.join(snapshot, 'snapshot.sqlite'), 'pupils');
    const oldStyle = path.join(dir, '.moor-backup-AbC123');
    fs.mkdirSync(oldStyle);
    const partialBackup = path.join(drive, '.moor-backup-20260325-093000-0123abcd.partial');
    fs.mkdirSync(partialBackup);
    const printed = path.join(dir, 'printed', '8А');
    fs.mkdirSync(printed, { recursive: true });
    fs.writeFileSync(path.join(printed, `8А-1.pdf.${pid}.part`), 'half');
    const alive = path.join(printed, `8Б-1.pdf.${process.pid}.part`);
    fs.writeFileSync(alive, 'being written now');

    const cleaned = await cleanLeftoversAtStart(mirror, { clock, printFolder: path.join(dir, 'printed') });

    // Only this school's folder: the system's temp folder is shared with whatever else runs.
    expect(cleaned.snapshots.filter((p) => p.startsWith(dir)).sort()).toEqual([snapshot, oldStyle].sort());
    expect(cleaned.interrupted).toEqual(['1/2026']);
    expect(cleaned.partialBackups).toEqual([partialBackup]);
    expect(cleaned.partialFiles).toEqual([path.join(printed, `8А-1.pdf.${pid}.part`)]);
    for (const gone of [snapshot, oldStyle, partialBackup, ...cleaned.partialFiles])
      expect(fs.existsSync(gone)).toBe(false);
    expect(fs.existsSync(alive)).toBe(true);
    expect(listBackupRegister(mirror)[0]).toMatchObject({
      status: 'failed',
      failure_code: 'BACKUP_INTERRUPTED',
      finished_at: '2026-03-25T10:00:00.000Z',
    });
    const again = await cleanLeftoversAtStart(mirror, { clock, printFolder: path.join(dir, 'printed') });
    expect(again).toEqual({ snapshots: [], interrupted: [], partialBackups: [], partialFiles: [] });
    mirror.close();
  });

  it("removes a killed verification's plain copy from the temp folder at start and before the next verification", async () => {
    const dir = tempDir();
    const mirror = smallMirror(path.join(dir, 'mirror.sqlite'));
    const plainCopy = (folder: string, pid: number) => {
      const copy = fs.mkdtempSync(path.join(folder, `.moor-verify-${pid}-`));
      fs.writeFileSync(path.join(copy, 'backup.sqlite'), 'pupils');
      return copy;
    };
    const killed = plainCopy(os.tmpdir(), deadPid());
    const running = plainCopy(os.tmpdir(), process.pid);
    try {
      const cleaned = await cleanLeftoversAtStart(mirror, { clock, printFolder: path.join(dir, 'printed') });
      expect(cleaned.snapshots).toContain(killed);
      expect(fs.existsSync(killed)).toBe(false);
      expect(fs.existsSync(running)).toBe(true);

      const work = path.join(dir, 'work');
      fs.mkdirSync(work);
      const again = plainCopy(work, deadPid());
      await expect(
        verifyBackup({
          backupDir: path.join(dir, 'no-backup-here'),
          passphrase: PASSPHRASE,
          workDir: work,
          actor: deputy,
          clock,
        }),
      ).rejects.toThrow();
      expect(fs.readdirSync(work)).toEqual([]);
      expect(fs.existsSync(again)).toBe(false);
    } finally {
      fs.rmSync(running, { recursive: true, force: true });
      mirror.close();
    }
  });

  it('leaves alone a backup a live process is making', async () => {
    const dir = tempDir();
    const mirror = smallMirror(path.join(dir, 'mirror.sqlite'));
    const backupId = '9876fedc-0000-4000-8000-000000000000';
    mirror.transaction(() =>
      registerBackupStart(
        mirror,
        {
          backupId,
          path: path.join(dir, 'moor-backup-x'),
          periodId: null,
          mediumLabel: null,
          mediumSerial: null,
        },
        deputy,
        new Date('2026-03-25T09:30:00Z'),
      ),
    );
    // A running process: this test's own parent is alive for as long as the test runs.
    const live = path.join(dir, `.moor-backup-${process.ppid}-9876fedc-AAAAAA`);
    fs.mkdirSync(live);
    const cleaned = await cleanBackupLeftovers(mirror, { clock });
    expect(cleaned.snapshots).toEqual([]);
    expect(cleaned.interrupted).toEqual([]);
    expect(fs.existsSync(live)).toBe(true);
    expect(listBackupRegister(mirror)[0]?.status).toBe('writing');
    mirror.close();
  });

  it('a backup removes what an earlier killed backup left on its drive and keeps no plain snapshot after it', async () => {
    const dir = tempDir();
    const mirror = smallMirror(path.join(dir, 'mirror.sqlite'));
    const drive = path.join(dir, 'drive');
    fs.mkdirSync(drive);
    const stale = path.join(drive, '.moor-backup-20260324-080000-aaaabbbb.partial');
    fs.mkdirSync(stale);
    const work = path.join(dir, 'work');
    fs.mkdirSync(work);
    await createBackup(mirror, {
      targetDir: drive,
      passphrase: PASSPHRASE,
      actor: deputy,
      clock,
      keyDerivation: testKdf,
      workDir: work,
    });
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.readdirSync(work)).toEqual([]);
    mirror.close();
  });

  it("keeps a failed backup's reason as a code and details, printed in the register's language", async () => {
    const dir = tempDir();
    const mirror = smallMirror(path.join(dir, 'mirror.sqlite'));
    const missing = path.join(dir, 'no-such-drive');
    await failure(
      createBackup(mirror, {
        targetDir: missing,
        passphrase: PASSPHRASE,
        actor: deputy,
        clock,
        keyDerivation: testKdf,
      }),
    );
    const line = listBackupRegister(mirror)[0];
    expect(line?.failure_code).toBe('BACKUP_TARGET_MISSING');
    expect(JSON.parse(line?.failure_reason ?? '')).toMatchObject({ targetDir: missing });
    const cells = registerLayout(mirror, { kind: 'backup', language: 'ky', createdAt: new Date() })
      .rows.flat()
      .map(String);
    expect(cells.join(' ')).toContain('папка же диск табылган жок');
    expect(cells.join(' ')).not.toMatch(/does not exist/);
    mirror.close();
  });

  it('removes only files named after a process that has ended', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.pdf.1.part.txt'), 'not ours');
    expect(await cleanPartialFiles(dir)).toEqual([]);
  });
});
