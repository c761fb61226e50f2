import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../src/core/backup/create-backup';
import { restoreBackup } from '../../src/core/backup/restore-backup';
import { verifyBackup } from '../../src/core/backup/verify-backup';
import { fixedClock } from '../../src/core/clock';
import { openMirror } from '../../src/core/db/mirror';
import { listBackupUses } from '../../src/core/registers/backup-register';
import { tempDir } from '../support/temp-dir';
import { deputy, admin } from '../support/actors';
import { failureCode, PASSPHRASE, schoolName, smallMirror, testKdf } from './fixture';

const clock = fixedClock('2026-03-25T09:00:00Z');

/** A fresh copy of the pristine backup, so each case damages its own. */
function copyOf(backup: string, root: string, name: string): string {
  const copy = path.join(root, name);
  fs.cpSync(backup, copy, { recursive: true });
  return copy;
}

function flipBit(file: string, position: number): void {
  const bytes = fs.readFileSync(file);
  const at = position < 0 ? bytes.length + position : position;
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  fs.writeFileSync(file, bytes);
}

describe('a damaged backup, or the wrong passphrase', () => {
  let root: string;
  let pristine: string;

  beforeAll(async () => {
    root = tempDir();
    const drive = path.join(root, 'drive');
    fs.mkdirSync(drive);
    const docs = path.join(root, 'printed');
    fs.mkdirSync(docs);
    fs.writeFileSync(path.join(docs, '7А.pdf'), Buffer.alloc(10_000, 7));
    const mirror = smallMirror(path.join(root, 'source.sqlite'));
    pristine = (
      await createBackup(mirror, {
        targetDir: drive,
        passphrase: PASSPHRASE,
        actor: deputy,
        clock,
        documentsDir: docs,
        keyDerivation: testKdf,
      })
    ).backupPath;
    mirror.close();
  });

  const damages: { name: string; damage: (dir: string) => void; code: string }[] = [
    {
      name: 'a flipped bit in the database',
      damage: (d) => {
        flipBit(path.join(d, '0001.mbk'), 4000);
      },
      code: 'BACKUP_DAMAGED',
    },
    {
      name: 'a flipped bit in the last tag',
      damage: (d) => {
        flipBit(path.join(d, '0001.mbk'), -1);
      },
      code: 'BACKUP_DAMAGED',
    },
    {
      name: 'a flipped bit in a document',
      damage: (d) => {
        flipBit(path.join(d, '0002.mbk'), 100);
      },
      code: 'BACKUP_DAMAGED',
    },
    {
      name: 'a flipped bit in the manifest',
      damage: (d) => {
        flipBit(path.join(d, '0000.mbk'), 40);
      },
      code: 'BACKUP_DAMAGED',
    },
    {
      name: 'a flipped bit in the header',
      damage: (d) => {
        const file = path.join(d, 'moor-backup.json');
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"r": 8', '"r": 9'));
      },
      code: 'BACKUP_DAMAGED',
    },
    {
      name: 'a truncated database file',
      damage: (d) => {
        fs.truncateSync(path.join(d, '0001.mbk'), fs.statSync(path.join(d, '0001.mbk')).size - 100);
      },
      code: 'BACKUP_DAMAGED',
    },
    {
      name: 'a document file cut to its header',
      damage: (d) => {
        fs.truncateSync(path.join(d, '0002.mbk'), 40);
      },
      code: 'BACKUP_DAMAGED',
    },
    {
      name: 'a missing file',
      damage: (d) => {
        fs.rmSync(path.join(d, '0002.mbk'));
      },
      code: 'BACKUP_DAMAGED',
    },
    {
      name: 'two files swapped',
      damage: (d) => {
        fs.renameSync(path.join(d, '0001.mbk'), path.join(d, 'x'));
        fs.renameSync(path.join(d, '0002.mbk'), path.join(d, '0001.mbk'));
        fs.renameSync(path.join(d, 'x'), path.join(d, '0002.mbk'));
      },
      code: 'BACKUP_DAMAGED',
    },
  ];

  for (const [i, { name, damage, code }] of damages.entries()) {
    it(`${name}: verify refuses it with ${code}`, async () => {
      const dir = copyOf(pristine, root, `damaged-${i}`);
      damage(dir);
      expect(
        await failureCode(verifyBackup({ backupDir: dir, passphrase: PASSPHRASE, actor: deputy, clock })),
      ).toBe(code);
    });
  }

  it('the wrong passphrase is told apart from damage', async () => {
    const code = await failureCode(
      verifyBackup({ backupDir: pristine, passphrase: 'not the passphrase', actor: deputy, clock }),
    );
    expect(code).toBe('BACKUP_WRONG_PASSPHRASE');
  });

  it('an inspection is entered in the register of use, failed or not', async () => {
    const mirror = smallMirror(path.join(root, 'inspector.sqlite'));
    await verifyBackup({
      backupDir: pristine,
      passphrase: PASSPHRASE,
      actor: deputy,
      clock,
      mirror,
      reason: 'quarterly check',
    });
    await failureCode(
      verifyBackup({ backupDir: pristine, passphrase: 'wrong words', actor: deputy, clock, mirror }),
    );
    const uses = listBackupUses(mirror);
    expect(uses.map((u) => [u.kind, u.result, u.reason])).toEqual([
      ['inspect', 'ok', 'quarterly check'],
      ['inspect', 'failed', 'verification'],
    ]);
    expect(uses[1]?.detail).toContain('BACKUP_WRONG_PASSPHRASE');
    expect(uses[1]?.backup_id).toBe(uses[0]?.backup_id);
    mirror.close();
  });

  it('a restore from a damaged backup or with the wrong passphrase leaves the mirror as it was', async () => {
    const dbPath = path.join(root, 'live.sqlite');
    smallMirror(dbPath, 'live').close();
    const before = fs.readdirSync(root).filter((f) => f.startsWith('live.sqlite'));
    const damaged = copyOf(pristine, root, 'damaged-for-restore');
    flipBit(path.join(damaged, '0001.mbk'), 2000);
    const restore = (backupDir: string, passphrase: string) =>
      failureCode(
        restoreBackup({ backupDir, passphrase, dbPath, actor: admin, clock, reason: 'disk failure' }),
      );
    expect(await restore(damaged, PASSPHRASE)).toBe('BACKUP_DAMAGED');
    expect(await restore(pristine, 'not the passphrase')).toBe('BACKUP_WRONG_PASSPHRASE');
    expect(schoolName(dbPath)).toContain('live');
    expect(fs.readdirSync(root).filter((f) => f.startsWith('live.sqlite'))).toEqual(before);
    const mirror = openMirror(dbPath);
    expect(listBackupUses(mirror).map((u) => [u.kind, u.result])).toEqual([
      ['restore', 'failed'],
      ['restore', 'failed'],
    ]);
    mirror.close();
  });
});
