import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { openMirror } from '../../src/core/db/mirror';
import { SETUP, setUpApp, type AppFixture } from '../app/fixture';

let app: AppFixture;
let db: string;
/** Whether the installation still holds the mirror (the restore closes it first). */
let open = true;
const commandLine = `${os.userInfo().username} (command line)`;

async function moor(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The audit log's actors after entry `after`, as stored. */
function actorsSince(after: number): string[] {
  return (
    app.mirror.sqlite.prepare('SELECT actor FROM audit_log WHERE id > ? ORDER BY id').all(after) as {
      actor: string;
    }[]
  ).map((row) => row.actor);
}

function lastEntry(): number {
  return (app.mirror.sqlite.prepare('SELECT max(id) AS id FROM audit_log').get() as { id: number }).id;
}

function file(name: string, text: string): string {
  const written = path.join(app.dir, name);
  fs.writeFileSync(written, text);
  return written;
}

/** `--as director` is refused, and what runs without it is recorded as the command line. */
async function expectCommandLine(args: string[], recordsSomething: boolean): Promise<void> {
  const before = lastEntry();
  const believed = await moor(...args, '--as', 'director');
  expect(believed.code).toBe(2);
  expect(believed.err).toMatch(/recorded as the computer's user/);
  expect(actorsSince(before)).toEqual([]);
  const ran = await moor(...args);
  expect(ran.err).toBe('');
  expect(ran.code).toBe(0);
  const recorded = actorsSince(before);
  if (recordsSomething) expect(recorded.length).toBeGreaterThan(0);
  for (const actor of recorded) {
    expect(actor).toContain(commandLine);
    expect(actor).not.toMatch(/^director:|Директор Бакыт/);
  }
}

beforeAll(async () => {
  app = await setUpApp({ school: 'demo-small', now: '2025-11-20T08:00:00Z' });
  db = app.mirror.path;
});
afterAll(async () => {
  if (open) await app.close();
});

describe('every command records the command line as what it is', () => {
  it('sync', async () => {
    const bundle = path.join(app.dir, 'school.json');
    expect((await moor('export-bundle', '--db', db, '--out', bundle)).code).toBe(0);
    await expectCommandLine(['sync', '--db', db, '--bundle', bundle], true);
  });

  it('report', async () => {
    await expectCommandLine(['report', 'attendance', '--db', db, '--period', '1'], false);
  });

  it('print', async () => {
    const out = path.join(app.dir, 'copies');
    await expectCommandLine(['print', '--db', db, '--period', '1', '--class', '8А', '--out', out], true);
  });

  it('backup and verify, into the registers too', async () => {
    const drive = path.join(app.dir, 'drive');
    fs.mkdirSync(drive);
    const pass = file('pass.txt', `${SETUP.backupPassphrase}\n`);
    await expectCommandLine(['backup', '--db', db, '--to', drive, '--passphrase-file', pass], true);
    const [backup] = fs.readdirSync(drive);
    const backupDir = path.join(drive, backup ?? '');
    await expectCommandLine(['verify', '--backup', backupDir, '--passphrase-file', pass, '--db', db], true);
    const register = app.mirror.sqlite.prepare('SELECT actor, actor_name FROM backup_register').all();
    expect(register.length).toBeGreaterThan(0);
    for (const row of register) expect(JSON.stringify(row)).toContain(commandLine);
  });
});

describe('the archive settings are read by anyone, changed only by an admin who signs in', () => {
  it('prints them; refuses a change without sign-in and from a director; the admin changes them', async () => {
    const read = await moor('settings', 'archive', '--db', db);
    expect(read.code).toBe(0);
    expect(read.out).toMatch(/class_copy\s+5 years/);
    const change = ['settings', 'archive', '--db', db, '--kind', 'class_copy', '--years', '7'];
    const before = lastEntry();
    const anonymous = await moor(...change);
    expect(anonymous.code).toBe(2);
    expect(anonymous.err).toMatch(/"settings archive" is recorded only for a person who signs in/);
    const director = await moor(
      ...change,
      ...['--user', 'director', '--password-file', file('d.txt', 'director-password\n')],
    );
    expect(director.code).toBe(1);
    expect(director.err).toMatch(/may not do/);
    expect(actorsSince(before).filter((actor) => !actor.startsWith('director:'))).toEqual([]);
    const admin = await moor(
      ...change,
      ...['--user', 'admin', '--password-file', file('a.txt', 'admin-password\n')],
    );
    expect(admin.err).toBe('');
    expect(admin.out).toMatch(/class_copy\s+7 years/);
    expect(actorsSince(before).at(-1)).toContain('Админ Админов');
  });
});

describe('a restore replaces everything: only an admin who signs in', () => {
  it('refuses --as, no sign-in, a wrong password and a director; restores for the admin', async () => {
    const drive = path.join(app.dir, 'drive-restore');
    fs.mkdirSync(drive);
    const pass = file('pass.txt', `${SETUP.backupPassphrase}\n`);
    expect((await moor('backup', '--db', db, '--to', drive, '--passphrase-file', pass)).code).toBe(0);
    const backupDir = path.join(drive, fs.readdirSync(drive)[0] ?? '');
    // The running installation keeps the mirror open; a restore wants it closed.
    await app.close();
    open = false;
    const restore = [
      'restore',
      '--backup',
      backupDir,
      '--db',
      db,
      '--passphrase-file',
      pass,
      '--reason',
      'drill',
    ];

    const asDirector = await moor(...restore, '--as', 'director');
    expect(asDirector.code).toBe(2);
    const anonymous = await moor(...restore);
    expect(anonymous.code).toBe(2);
    expect(anonymous.err).toMatch(/"restore" is recorded only for a person who signs in/);
    const wrong = await moor(...restore, '--user', 'admin', '--password-file', file('w.txt', 'nope\n'));
    expect(wrong.err).toMatch(/login or the password is wrong/);
    const director = await moor(
      ...restore,
      ...['--user', 'director', '--password-file', file('d.txt', 'director-password\n')],
    );
    expect(director.code).toBe(1);
    expect(director.err).toMatch(/may not do "backup.restore"/);
    expect(fs.readdirSync(app.dir).some((f) => f.includes('pre-restore'))).toBe(false);

    const admin = await moor(
      ...restore,
      '--user',
      'admin',
      '--password-file',
      file('a.txt', 'admin-password\n'),
    );
    expect(admin.err).toBe('');
    expect(admin.code).toBe(0);
    const restored = openMirror(db);
    try {
      const use = restored.sqlite
        .prepare("SELECT actor, actor_name FROM backup_use WHERE kind = 'restore' ORDER BY id DESC LIMIT 1")
        .get();
      expect(use).toMatchObject({ actor_name: 'Админ Админов' });
    } finally {
      restored.close();
    }
  });
});
