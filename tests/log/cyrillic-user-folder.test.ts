import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { createAppService } from '../../src/core/app/service';
import { openMirror } from '../../src/core/db/mirror';
import { createDemoSchool } from '../../src/core/demo/create-demo-school';
import { beginRun, endRun } from '../../src/core/log/last-run';
import { closeLog, LOG_FILE, openLog } from '../../src/core/log/log';
import { SETUP } from '../app/fixture';
import { captureIo } from '../cli/capture-io';
import { tempDir } from '../support/temp-dir';

afterEach(() => {
  closeLog();
});

/** `C:\Users\Айгүл Асанова\AppData\Roaming\Мөөр` as this machine's file system can have it. */
function userDataFolder(): string {
  const dir = path.join(tempDir(), 'C:', 'Users', 'Айгүл Асанова', 'AppData', 'Roaming', 'Мөөр');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

describe('a user-data folder with a Cyrillic user name and spaces', () => {
  it('holds the mirror, the log and the run marker; backups, registers and the diagnostics go to Cyrillic folders', async () => {
    const userData = userDataFolder();
    const logs = path.join(userData, 'logs');
    openLog(logs);
    expect(beginRun(logs, new Date())).toBeNull();
    const db = path.join(userData, 'moor.sqlite');
    const mirror = openMirror(db, { create: true });
    createDemoSchool(mirror, { size: 'small' });
    const service = createAppService({ mirror });
    expect((await service.invoke('window:1', 'setup.complete', SETUP)).ok).toBe(true);
    const diagnostics = path.join(userData, 'Жүктөөлөр', 'Мөөр диагностика.zip');
    fs.mkdirSync(path.dirname(diagnostics));
    const saved = await service.call('window:1', 'diagnostics.save', { path: diagnostics });
    expect(saved).toMatchObject({ ok: true });
    mirror.close();

    const passFile = path.join(userData, 'купуя сөз.txt');
    fs.writeFileSync(passFile, SETUP.backupPassphrase);
    const drive = path.join(userData, 'Резервдик көчүрмө');
    fs.mkdirSync(drive);
    const io = captureIo();
    expect(await runCli(['backup', '--db', db, '--to', drive, '--passphrase-file', passFile], io)).toBe(0);
    const [backup] = fs.readdirSync(drive);
    expect(backup).toMatch(/^moor-backup-/);
    const verify = captureIo();
    const backupDir = path.join(drive, backup ?? '');
    expect(
      await runCli(['verify', '--backup', backupDir, '--passphrase-file', passFile, '--json'], verify),
    ).toBe(0);
    expect(JSON.parse(verify.stdout.join('\n'))).toMatchObject({ whole: true });
    const register = path.join(userData, 'Реестрлер', 'резервдик көчүрмөлөр.pdf');
    fs.mkdirSync(path.dirname(register));
    const printed = captureIo();
    expect(
      await runCli(['registers', 'print', '--db', db, '--kind', 'backup', '--out', register], printed),
    ).toBe(0);
    expect(fs.readFileSync(register).subarray(0, 5).toString()).toBe('%PDF-');
    endRun(logs);

    const zip = unzipSync(fs.readFileSync(diagnostics));
    expect(Object.keys(zip).sort()).toEqual([
      'crash-dumps.json',
      'logs/',
      'logs/moor.log',
      'mirror-tables.json',
      'settings.json',
      'status.json',
      'versions.json',
    ]);
    const settings = strFromU8(zip['settings.json'] ?? new Uint8Array());
    expect(settings).toContain('"backupPassphraseVerifier": "[redacted]"');
    expect(settings).not.toContain('scrypt');
    const tables = JSON.parse(strFromU8(zip['mirror-tables.json'] ?? new Uint8Array())) as {
      table: string;
      rows: number;
    }[];
    expect(tables.find((t) => t.table === 'student')?.rows).toBeGreaterThan(0);
    expect(fs.readFileSync(path.join(logs, LOG_FILE), 'utf8')).toContain('cli backup exited 0');
  }, 120_000);
});
