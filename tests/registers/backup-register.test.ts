import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup } from '../../src/core/backup/create-backup';
import { fixedClock } from '../../src/core/clock';
import { listBackupRegister } from '../../src/core/registers/backup-register';
import { PASSPHRASE, smallMirror, testKdf } from '../backup/fixture';
import { tempDir } from '../support/temp-dir';
import { deputy } from '../support/actors';

describe('backup register numbering', () => {
  it('numbers backups per calendar year, failed attempts included, from 1 again in January', async () => {
    const dir = tempDir();
    const drive = path.join(dir, 'drive');
    fs.mkdirSync(drive);
    const mirror = smallMirror(path.join(dir, 'mirror.sqlite'));
    const backup = (iso: string, targetDir = drive) =>
      createBackup(mirror, {
        targetDir,
        passphrase: PASSPHRASE,
        actor: deputy,
        clock: fixedClock(iso),
        keyDerivation: testKdf,
      });
    await backup('2025-12-30T09:00:00');
    await expect(backup('2025-12-31T09:00:00', path.join(dir, 'unplugged'))).rejects.toMatchObject({
      code: 'BACKUP_TARGET_MISSING',
    });
    await backup('2026-01-03T09:00:00');
    await backup('2026-01-04T09:00:00');
    expect(listBackupRegister(mirror).map((r) => [r.year, r.number, r.status])).toEqual([
      [2025, 1, 'verified'],
      [2025, 2, 'failed'],
      [2026, 1, 'verified'],
      [2026, 2, 'verified'],
    ]);
    expect(listBackupRegister(mirror, { year: 2026 })).toHaveLength(2);
    const [first] = listBackupRegister(mirror);
    expect(first).toMatchObject({ encrypted: 1, actor_name: deputy.name, verify_result: 'ok' });
    expect(first?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first?.bytes).toBeGreaterThan(1_000_000);
    mirror.close();
  });
});
