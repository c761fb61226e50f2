import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup } from '../../src/core/backup/create-backup';
import { restoreBackup } from '../../src/core/backup/restore-backup';
import { fixedClock } from '../../src/core/clock';
import { admin, deputy } from '../support/actors';
import { tempDir } from '../support/temp-dir';
import { failureCode, PASSPHRASE, smallBackup, smallMirror, testKdf } from './fixture';

const clock = fixedClock('2026-03-26T09:00:00Z');
const printedFiles = {
  'Q1-2025-8А-ky-1a2b3c4d.pdf': '%PDF 8А',
  'Q1-2025-8А-ky-1a2b3c4d.xlsx': 'xlsx 8А',
  'summary/Y-2025-5Б-ru-9f8e7d6c.pdf': '%PDF 5Б',
};

function restore(backupDir: string, extra: { documentsTo?: string; documentsWherePrinted?: boolean }) {
  return restoreBackup({
    backupDir,
    passphrase: PASSPHRASE,
    dbPath: path.join(tempDir(), 'mirror.sqlite'),
    actor: admin,
    clock,
    reason: 'the PC’s disk failed',
    ...extra,
  });
}

describe('restoring the printed copies of a backup', () => {
  it('puts them back into their print folder, keeping every file already there, never overwriting', async () => {
    const backup = await smallBackup(printedFiles);
    const printed = path.join(path.dirname(path.dirname(backup.backupPath)), 'printed');
    // After the backup: one copy is lost, one is replaced by a newer file of the same name.
    fs.rmSync(path.join(printed, 'summary'), { recursive: true });
    fs.writeFileSync(path.join(printed, 'Q1-2025-8А-ky-1a2b3c4d.xlsx'), 'xlsx 8А, newer');

    const result = await restore(backup.backupPath, { documentsWherePrinted: true });
    expect(result.contents.documentsWrittenTo).toBe(path.resolve(printed));
    expect(result.contents.documentsKept).toEqual([
      'Q1-2025-8А-ky-1a2b3c4d.pdf',
      'Q1-2025-8А-ky-1a2b3c4d.xlsx',
    ]);
    expect(fs.readFileSync(path.join(printed, 'summary/Y-2025-5Б-ru-9f8e7d6c.pdf'), 'utf8')).toBe('%PDF 5Б');
    expect(fs.readFileSync(path.join(printed, 'Q1-2025-8А-ky-1a2b3c4d.xlsx'), 'utf8')).toBe('xlsx 8А, newer');
    // Nothing half-written is left beside them.
    expect(fs.readdirSync(printed, { recursive: true }).sort()).toEqual([
      'Q1-2025-8А-ky-1a2b3c4d.pdf',
      'Q1-2025-8А-ky-1a2b3c4d.xlsx',
      'summary',
      'summary/Y-2025-5Б-ru-9f8e7d6c.pdf',
    ]);
  });

  it('or into a chosen folder, where files already there are kept too', async () => {
    const backup = await smallBackup(printedFiles);
    const chosen = path.join(tempDir(), 'restored');
    fs.mkdirSync(chosen);
    fs.writeFileSync(path.join(chosen, 'Q1-2025-8А-ky-1a2b3c4d.pdf'), 'a newer print');
    const result = await restore(backup.backupPath, { documentsTo: chosen });
    expect(result.contents.documentsKept).toEqual(['Q1-2025-8А-ky-1a2b3c4d.pdf']);
    expect(fs.readFileSync(path.join(chosen, 'Q1-2025-8А-ky-1a2b3c4d.pdf'), 'utf8')).toBe('a newer print');
    expect(fs.readFileSync(path.join(chosen, 'Q1-2025-8А-ky-1a2b3c4d.xlsx'), 'utf8')).toBe('xlsx 8А');
  });

  it('a backup that does not say where its copies came from asks for a folder, changing nothing', async () => {
    const dir = tempDir();
    const mirror = smallMirror(path.join(dir, 'mirror.sqlite'));
    fs.mkdirSync(path.join(dir, 'drive'));
    // Made without a print folder, its manifest names none, as a backup made before it was kept.
    const { backupPath } = await createBackup(mirror, {
      targetDir: path.join(dir, 'drive'),
      passphrase: PASSPHRASE,
      actor: deputy,
      clock,
      keyDerivation: testKdf,
    });
    mirror.close();
    const dbPath = path.join(dir, 'restored.sqlite');
    const code = await failureCode(
      restoreBackup({
        backupDir: backupPath,
        passphrase: PASSPHRASE,
        dbPath,
        actor: admin,
        clock,
        reason: 'the PC’s disk failed',
        documentsWherePrinted: true,
      }),
    );
    expect(code).toBe('BACKUP_DOCUMENTS_UNPLACED');
    expect(fs.existsSync(dbPath)).toBe(false);
  });
});
