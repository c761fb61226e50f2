import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup } from '../../src/core/backup/create-backup';
import { restoreBackup } from '../../src/core/backup/restore-backup';
import { fixedClock } from '../../src/core/clock';
import { deputy, itAdmin, PASSPHRASE, schoolName, smallMirror, tempDir, testKdf } from './fixture';

const clock = fixedClock('2026-03-25T09:00:00Z');

describe('restore under another writer', () => {
  it('refuses while another program holds the mirror open, even with its WAL empty, and changes nothing', async () => {
    const root = tempDir();
    const drive = path.join(root, 'drive');
    fs.mkdirSync(drive);
    const dbPath = path.join(root, 'mirror.sqlite');
    const mirror = smallMirror(dbPath, 'backed-up');
    const { backupPath } = await createBackup(mirror, {
      targetDir: drive,
      passphrase: PASSPHRASE,
      actor: deputy,
      clock,
      keyDerivation: testKdf,
    });
    mirror.run(mirror.db.updateTable('school').set({ name_ky: '№95 гимназия (live)' }));
    mirror.close();

    const script = path.join(import.meta.dirname, 'open-writer-child.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, dbPath], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let output = '';
    const said = (word: string) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (output.includes(word)) resolve();
        };
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          check();
        });
        check();
      });
    await said('open\n');
    try {
      await expect(
        restoreBackup({
          backupDir: backupPath,
          passphrase: PASSPHRASE,
          dbPath,
          actor: itAdmin,
          clock,
          reason: 'the PC’s disk failed',
        }),
      ).rejects.toMatchObject({ code: 'MIRROR_IN_USE' });
    } finally {
      child.stdin.write('go\n');
      await said('wrote\n');
    }
    // The other program's write went to the mirror at its path, not to a file deleted under it.
    expect(schoolName(dbPath)).toContain('live');
    const row = JSON.stringify(
      (await import('better-sqlite3'))
        .default(dbPath, { readonly: true })
        .prepare('SELECT name_ru FROM school')
        .get(),
    );
    expect(row).toContain('written by the other program');
  });
});
