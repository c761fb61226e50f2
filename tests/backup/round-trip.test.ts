import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup } from '../../src/core/backup/create-backup';
import { restoreBackup } from '../../src/core/backup/restore-backup';
import { fixedClock } from '../../src/core/clock';
import { listBackupRegister } from '../../src/core/registers/backup-register';
import { tempDir } from '../support/temp-dir';
import { deputy, admin } from '../support/actors';
import { PASSPHRASE, smallMirror } from './fixture';

describe('backup round trip', () => {
  it('writes an encrypted, verified backup and registers it', async () => {
    const dir = tempDir();
    const drive = path.join(dir, 'drive');
    fs.mkdirSync(drive);
    const docs = path.join(dir, 'printed');
    fs.mkdirSync(path.join(docs, '7А'), { recursive: true });
    fs.writeFileSync(path.join(docs, '7А', 'Өмүрбеков.pdf'), 'PDF 7А Өмүрбеков');
    const mirror = smallMirror(path.join(dir, 'mirror.sqlite'));
    const result = await createBackup(mirror, {
      targetDir: drive,
      passphrase: PASSPHRASE,
      actor: deputy,
      clock: fixedClock('2026-03-25T09:00:00Z'),
      documentsDir: docs,
      mediumLabel: 'KINGSTON 16GB',
    });
    expect(result.verified).toBe(true);
    expect(result.registerNumber).toBe(1);
    expect(result.documents).toBe(1);
    const files = fs.readdirSync(result.backupPath).sort();
    expect(files).toEqual(['0000.mbk', '0001.mbk', '0002.mbk', 'moor-backup.json']);
    const everything = Buffer.concat(files.map((f) => fs.readFileSync(path.join(result.backupPath, f))));
    const pupil = mirror.first(mirror.db.selectFrom('student').select('last_name').orderBy('id'));
    expect(pupil?.last_name).toMatch(/\p{L}{3,}/u);
    expect(everything.includes(Buffer.from(pupil?.last_name ?? '-'))).toBe(false);
    expect(everything.includes(Buffer.from('Өмүрбеков'))).toBe(false);
    // Whole names only: a 3-byte string like "7А" turns up in a megabyte of ciphertext by chance.
    expect(everything.includes(Buffer.from('7А/Өмүрбеков.pdf'))).toBe(false);
    expect(everything.includes(Buffer.from('PDF 7А Өмүрбеков'))).toBe(false);
    expect(everything.includes(Buffer.from('SQLite format 3'))).toBe(false);
    const [row] = listBackupRegister(mirror);
    expect(row).toMatchObject({
      status: 'verified',
      number: 1,
      year: 2026,
      medium_label: 'KINGSTON 16GB',
      verify_result: 'ok',
    });
    // The register's hash is the file list's, as anyone can check it with sha256sum; its size is all files'.
    const manifest = fs.readFileSync(path.join(result.backupPath, '0000.mbk'));
    expect(row?.sha256).toBe(createHash('sha256').update(manifest).digest('hex'));
    expect(row?.bytes).toBe(everything.length);
    mirror.close();

    const restoredDocs = path.join(dir, 'restored-documents');
    await restoreBackup({
      backupDir: result.backupPath,
      passphrase: PASSPHRASE,
      dbPath: path.join(dir, 'new-pc.sqlite'),
      actor: admin,
      clock: fixedClock('2026-03-26T09:00:00Z'),
      reason: 'new PC',
      documentsTo: restoredDocs,
    });
    expect(fs.readFileSync(path.join(restoredDocs, '7А', 'Өмүрбеков.pdf'), 'utf8')).toBe('PDF 7А Өмүрбеков');
  });
});
