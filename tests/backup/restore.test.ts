import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup } from '../../src/core/backup/create-backup';
import { restoreBackup } from '../../src/core/backup/restore-backup';
import { fixedClock } from '../../src/core/clock';
import { openMirror } from '../../src/core/db/mirror';
import { addArchiveEntry, listArchiveRegister } from '../../src/core/registers/archive-register';
import { listBackupRegister, listBackupUses } from '../../src/core/registers/backup-register';
import { tempDir } from '../support/temp-dir';
import { deputy, admin, secretary } from '../support/actors';
import { PASSPHRASE, schoolName, smallMirror, testKdf } from './fixture';

const clock = fixedClock('2026-03-25T09:00:00Z');

/** A backup of a mirror named 'backed-up', then the live mirror renamed 'live' and backed up once more. */
async function scene(): Promise<{ root: string; backupDir: string; dbPath: string }> {
  const root = tempDir();
  const drive = path.join(root, 'drive');
  fs.mkdirSync(drive);
  const dbPath = path.join(root, 'mirror.sqlite');
  const mirror = smallMirror(dbPath, 'backed-up');
  const options = { targetDir: drive, passphrase: PASSPHRASE, actor: deputy, clock, keyDerivation: testKdf };
  const { backupPath } = await createBackup(mirror, options);
  mirror.run(mirror.db.updateTable('school').set({ name_ky: '№95 гимназия (live)' }));
  await createBackup(mirror, options);
  mirror.close();
  return { root, backupDir: backupPath, dbPath };
}

function integrity(dbPath: string): string {
  const mirror = openMirror(dbPath);
  try {
    return String(mirror.sqlite.pragma('integrity_check', { simple: true }));
  } finally {
    mirror.close();
  }
}

describe('restore', () => {
  it('replaces the mirror, keeps the pre-restore copy, keeps the registers, records the use', async () => {
    const { root, backupDir, dbPath } = await scene();
    const docs = path.join(root, 'restored-documents');
    const result = await restoreBackup({
      backupDir,
      passphrase: PASSPHRASE,
      dbPath,
      actor: admin,
      clock,
      reason: 'the PC’s disk failed',
      documentsTo: docs,
    });
    expect(schoolName(dbPath)).toContain('backed-up');
    expect(result.preRestorePath).not.toBeNull();
    expect(schoolName(result.preRestorePath ?? '')).toContain('live');
    expect(integrity(dbPath)).toBe('ok');
    const mirror = openMirror(dbPath);
    // The second backup was made after the restored one: the register still lists it.
    expect(listBackupRegister(mirror).map((r) => [r.number, r.status])).toEqual([
      [1, 'verified'],
      [2, 'verified'],
    ]);
    const [use] = listBackupUses(mirror);
    expect(use).toMatchObject({
      kind: 'restore',
      result: 'ok',
      reason: 'the PC’s disk failed',
      backup_register_id: 1,
      pre_restore_path: result.preRestorePath,
    });
    mirror.close();
    expect(fs.readdirSync(root).filter((f) => f.includes('.restoring-'))).toEqual([]);
  });

  it('keeps register lines made after the backup, even when they point to journal rows the backup lacks', async () => {
    const { backupDir, dbPath } = await scene();
    const live = openMirror(dbPath);
    live.run(
      live.db
        .insertInto('class')
        .values({ id: 50, academic_year_id: 1, grade: 11, letter: 'В', language: 'ru' }),
    );
    const entry = addArchiveEntry(live, {
      actor: secretary,
      clock,
      classId: 50,
      periodId: 3,
      documentTitle: 'Класстык журналдын көчүрмөсү',
      pages: 12,
      receivedOn: '2026-03-30',
      handedOverBy: 'Төлөгөнов Нурлан',
      receivedBy: secretary.name,
    });
    live.close();
    await restoreBackup({
      backupDir,
      passphrase: PASSPHRASE,
      dbPath,
      actor: admin,
      clock,
      reason: 'drill',
    });
    const restored = openMirror(dbPath);
    expect(restored.first(restored.db.selectFrom('class').select('id').where('id', '=', 50))).toBeUndefined();
    const [kept] = listArchiveRegister(restored);
    expect(kept).toMatchObject({ id: entry.id, class_id: null, class_label: '11В класс', period_id: 3 });
    expect(restored.sqlite.pragma('foreign_key_check')).toEqual([]);
    restored.close();
  });

  it('a deputy may not restore: only the IT person', async () => {
    const { backupDir, dbPath } = await scene();
    await expect(
      restoreBackup({ backupDir, passphrase: PASSPHRASE, dbPath, actor: deputy, clock, reason: 'try' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('restores onto a PC that has no mirror yet', async () => {
    const { root, backupDir } = await scene();
    const fresh = path.join(root, 'new-pc.sqlite');
    const result = await restoreBackup({
      backupDir,
      passphrase: PASSPHRASE,
      dbPath: fresh,
      actor: admin,
      clock,
      reason: 'new PC',
    });
    expect(result.preRestorePath).toBeNull();
    expect(schoolName(fresh)).toContain('backed-up');
  });
});

function runChild(args: string[], killAfterMs?: number): Promise<string> {
  const script = path.join(import.meta.dirname, 'restore-child.ts');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      // The delay counts from the moment the restore starts, not from the slower start of the process.
      if (killAfterMs !== undefined && output.startsWith('started\n') && !timer) {
        timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(signal ?? `exit ${code}: ${output}`);
    });
  });
}

describe('a restore killed at any point leaves the old mirror or the new one, never a broken one', () => {
  const points = [
    'verify',
    'verified',
    'pre-restore-copied',
    'registers-carried',
    'ready',
    'replaced',
    'never',
  ];
  for (const point of points) {
    it(`killed at ${point}`, async () => {
      const { backupDir, dbPath } = await scene();
      const ending = await runChild([backupDir, dbPath, PASSPHRASE, point]);
      expect(ending).toBe(point === 'never' ? 'exit 0: started\nrestored\n' : 'SIGKILL');
      const replaced = point === 'replaced' || point === 'never';
      expect(schoolName(dbPath)).toContain(replaced ? 'backed-up' : 'live');
      expect(integrity(dbPath)).toBe('ok');
    });
  }

  it('killed from outside at an arbitrary moment', async () => {
    const { backupDir, dbPath } = await scene();
    for (const delay of [5, 25, 50, 100]) {
      const ending = await runChild([backupDir, dbPath, PASSPHRASE, 'never'], delay);
      expect(['SIGKILL', 'exit 0: started\nrestored\n']).toContain(ending);
      expect(schoolName(dbPath)).toMatch(/backed-up|live/);
      expect(integrity(dbPath)).toBe('ok');
    }
  });
});
