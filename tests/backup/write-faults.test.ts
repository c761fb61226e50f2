import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../src/core/backup/create-backup';
import { verifyBackup } from '../../src/core/backup/verify-backup';
import { fixedClock } from '../../src/core/clock';
import type { Mirror } from '../../src/core/db/mirror';
import { tableCounts } from '../../src/core/db/table-counts';
import { listBackupRegister } from '../../src/core/registers/backup-register';
import { tempDir } from '../support/temp-dir';
import { deputy } from '../support/actors';
import { type Fault, faultyFs } from './faulty-fs';
import { failureCode, PASSPHRASE, smallMirror, testKdf } from './fixture';

const clock = fixedClock('2026-03-25T09:00:00Z');

function journalCounts(mirror: Mirror) {
  const registers = new Set(['backup_register', 'backup_use', 'audit_log']);
  return tableCounts(mirror).filter((c) => !registers.has(c.table));
}

describe('backup to a failing drive', () => {
  let dir: string;
  let drive: string;
  let mirror: Mirror;
  let earlier: string;

  beforeEach(async () => {
    dir = tempDir();
    drive = path.join(dir, 'drive');
    fs.mkdirSync(drive);
    mirror = smallMirror(path.join(dir, 'mirror.sqlite'));
    earlier = (
      await createBackup(mirror, {
        targetDir: drive,
        passphrase: PASSPHRASE,
        actor: deputy,
        clock,
        keyDerivation: testKdf,
      })
    ).backupPath;
  });

  afterEach(() => {
    mirror.close();
  });

  const cases: { name: string; fault: Fault; code: string }[] = [
    { name: 'a full drive', fault: { kind: 'full', freeBytes: 20_000 }, code: 'BACKUP_DRIVE_FULL' },
    {
      name: 'a drive removed mid-write',
      fault: { kind: 'removed', afterBytes: 30_000 },
      code: 'BACKUP_DRIVE_LOST',
    },
    { name: 'a read-only drive', fault: { kind: 'readonly' }, code: 'BACKUP_DRIVE_READONLY' },
    {
      name: 'a drive that returns a flipped bit when read back',
      fault: { kind: 'flip-on-read', file: '0001.mbk', position: 5000 },
      code: 'BACKUP_DAMAGED',
    },
    {
      // The read-back reuses the key it wrote with, but only after the header read back is checked.
      name: 'a drive that returns a flipped bit in the header when read back',
      fault: { kind: 'flip-on-read', file: 'moor-backup.json', position: 120 },
      code: 'BACKUP_DAMAGED',
    },
  ];

  for (const { name, fault, code } of cases) {
    it(`${name}: a clear error, registered as failed, nothing lost`, async () => {
      const before = journalCounts(mirror);
      const faulty = faultyFs(fault);
      expect(
        await failureCode(
          createBackup(mirror, {
            targetDir: drive,
            passphrase: PASSPHRASE,
            actor: deputy,
            clock,
            fs: faulty,
            keyDerivation: testKdf,
          }),
        ),
      ).toBe(code);

      const [first, second] = listBackupRegister(mirror);
      expect(first?.status).toBe('verified');
      expect(second).toMatchObject({ number: 2, status: 'failed', failure_code: code });
      expect(second?.failure_reason).toMatch(/\w/);
      if (fault.kind === 'flip-on-read') expect(second?.verified_at).not.toBeNull();
      expect(journalCounts(mirror)).toEqual(before);
      expect(mirror.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      if (fault.kind !== 'removed') expect(fs.readdirSync(drive)).toEqual([path.basename(earlier)]);
      const stillGood = await verifyBackup({
        backupDir: earlier,
        passphrase: PASSPHRASE,
        actor: deputy,
        clock,
      });
      expect(stillGood.migrations.length).toBeGreaterThan(0);
    });
  }

  it('a cancelled backup is registered as failed and leaves nothing on the drive', async () => {
    const controller = new AbortController();
    const work = createBackup(mirror, {
      targetDir: drive,
      passphrase: PASSPHRASE,
      actor: deputy,
      clock,
      signal: controller.signal,
      keyDerivation: testKdf,
      onProgress: (p) => {
        if (p.phase === 'write') controller.abort();
      },
    });
    expect(await failureCode(work)).toBe('BACKUP_CANCELLED');
    expect(listBackupRegister(mirror, { status: 'failed' })).toHaveLength(1);
    expect(fs.readdirSync(drive)).toEqual([path.basename(earlier)]);
  });

  it('a folder that does not exist is a clear error', async () => {
    const code = await failureCode(
      createBackup(mirror, {
        targetDir: path.join(dir, 'no-such-drive'),
        passphrase: PASSPHRASE,
        actor: deputy,
        clock,
      }),
    );
    expect(code).toBe('BACKUP_TARGET_MISSING');
    expect(listBackupRegister(mirror, { status: 'failed' })[0]?.failure_reason).toContain('no-such-drive');
  });
});
