import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { openMirror } from '../../src/core/db/mirror';
import { listBackupRegister } from '../../src/core/registers/backup-register';
import { SETUP, setUpApp } from '../app/fixture';
import { captureIo } from './capture-io';

/**
 * A school set up in the window has its backup passphrase; the command line must hold every
 * backup to it, or a "verified" copy in the register would open for nobody who knows it.
 */
let db: string;
let dir: string;
let right: string;
let wrong: string;
beforeAll(async () => {
  const app = await setUpApp({ school: 'demo-small', roles: ['deputy'] });
  db = app.mirror.path;
  dir = app.dir;
  await app.close();
  right = path.join(dir, 'pass.txt');
  // Saved by a Windows editor: the line ending is not part of the passphrase.
  fs.writeFileSync(right, `${SETUP.backupPassphrase}\r\n`);
  wrong = path.join(dir, 'old-pass.txt');
  fs.writeFileSync(wrong, 'the passphrase of last year\n');
}, 120_000);

async function moor(...args: string[]) {
  const io = captureIo();
  const code = await runCli(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

function registerLines() {
  const mirror = openMirror(db);
  try {
    return listBackupRegister(mirror).map((line) => line.status);
  } finally {
    mirror.close();
  }
}

function newDrive(name: string): string {
  const drive = path.join(dir, name);
  fs.mkdirSync(drive);
  return drive;
}

describe("command-line backups and the school's backup passphrase", () => {
  it('moor backup refuses a passphrase file that is not the school’s, writing nothing; the right one backs up', async () => {
    const drive = newDrive('usb-1');
    const refused = await moor('backup', '--db', db, '--to', drive, '--passphrase-file', wrong);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe('Error: This is not the backup passphrase set for this school.');
    expect(fs.readdirSync(drive)).toEqual([]);
    expect(registerLines()).toEqual([]);

    const made = await moor('backup', '--db', db, '--to', drive, '--passphrase-file', right);
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/^Backup № 1\/\d{4} written and verified:/);
    expect(fs.readdirSync(drive)).toHaveLength(1);
    expect(registerLines()).toEqual(['verified']);
  });

  it('moor close backup refuses it the same way; the right one backs up for the close', async () => {
    expect((await moor('close', 'start', '--db', db, '--period', 'q1')).code).toBe(0);
    const override = ['--day', '1', '--reason', 'Мугалимдер баалардын жыйынтыгын текшерип бүтүштү'];
    expect((await moor('close', 'override', '--db', db, ...override)).code).toBe(0);
    const drive = newDrive('usb-2');
    const backup = ['close', 'backup', '--db', db, '--target', drive, '--passphrase-file'];

    const refused = await moor(...backup, wrong);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe('Error: This is not the backup passphrase set for this school.');
    expect(fs.readdirSync(drive)).toEqual([]);
    expect(registerLines()).toEqual(['verified']);

    const made = await moor(...backup, right);
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/written and verified .*backup register no\. 2\//);
    expect(fs.readdirSync(drive)).toHaveLength(1);
    expect(registerLines()).toEqual(['verified', 'verified']);
  });
});
