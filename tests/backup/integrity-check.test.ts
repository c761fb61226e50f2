import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { openMirror } from '../../src/core/db/mirror';
import { listBackupRegister } from '../../src/core/registers/backup-register';
import { captureIo } from '../cli/capture-io';
import { tempDir } from '../support/temp-dir';
import { PASSPHRASE, smallMirror } from './fixture';

/**
 * A mirror whose index no longer matches its table: the pages and b-trees are whole, so SQLite's
 * quick_check passes it, and only the full integrity_check finds the rows the index lacks.
 */
function mirrorWithStaleIndex(file: string): void {
  smallMirror(file).close();
  const sqlite = new Database(file);
  sqlite.exec(`
    CREATE TABLE probe (a INTEGER, b INTEGER);
    INSERT INTO probe VALUES (1, 10), (2, 20), (3, 30);
    CREATE INDEX probe_by ON probe (a);
  `);
  // Changing the schema table by hand is refused unless SQLite's defensive mode is switched off.
  sqlite.unsafeMode(true);
  sqlite.pragma('writable_schema = ON');
  sqlite
    .prepare("UPDATE sqlite_master SET sql = 'CREATE INDEX probe_by ON probe (b)' WHERE name = 'probe_by'")
    .run();
  sqlite.close();
}

describe('the integrity check of a backup', () => {
  it('quick by default; --full-check also finds an index that disagrees with its table', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'mirror.sqlite');
    mirrorWithStaleIndex(db);
    const drive = path.join(dir, 'drive');
    fs.mkdirSync(drive);
    const passFile = path.join(dir, 'pass.txt');
    fs.writeFileSync(passFile, `${PASSPHRASE}\n`);
    const backup = ['backup', '--db', db, '--to', drive, '--passphrase-file', passFile];

    const quick = captureIo();
    expect(await runCli(backup, quick)).toBe(0);
    expect(quick.stdout[0]).toBe(`Backup № 1/${new Date().getFullYear()} written and verified:`);

    const full = captureIo();
    expect(await runCli([...backup, '--full-check'], full)).toBe(1);
    expect(full.stderr.join('\n')).toMatch(/snapshot of the mirror is not whole: .*probe_by/);
    // The failed attempt is registered with its reason and leaves nothing on the drive.
    expect(fs.readdirSync(drive)).toHaveLength(1);
    const mirror = openMirror(db);
    const [first, second] = listBackupRegister(mirror);
    mirror.close();
    expect(first?.status).toBe('verified');
    expect(second?.status).toBe('failed');
    expect(second?.failure_reason).toMatch(/not whole: .*probe_by/);
  });
});
