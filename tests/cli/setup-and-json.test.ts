import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { appVersion } from '../../src/core/app-version';
import { createAppService } from '../../src/core/app/service';
import { openMirror } from '../../src/core/db/mirror';
import { tempDir } from '../support/temp-dir';
import { captureIo } from './capture-io';

async function moor(...args: string[]) {
  const io = captureIo();
  const code = await runCli(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

/** A school set up by `moor setup`, in a folder named as a Kyrgyz user's profile would be. */
async function setUpFromCommandLine(dir: string) {
  const db = path.join(dir, 'мектеп.sqlite');
  fs.writeFileSync(path.join(dir, 'pass.txt'), 'a long school passphrase\r\n');
  fs.writeFileSync(path.join(dir, 'admin.txt'), 'admin-password-1\n');
  const result = await moor(
    'setup',
    '--db',
    db,
    '--school-ky',
    '№ 5 орто мектеп',
    '--school-ru',
    'Средняя школа № 5',
    '--year',
    '2025-2026',
    '--passphrase-file',
    path.join(dir, 'pass.txt'),
    '--admin-login',
    'it',
    '--admin-name',
    'Асанов Бакыт',
    '--admin-password-file',
    path.join(dir, 'admin.txt'),
  );
  return { db, result };
}

describe('moor setup', () => {
  it('sets up a mirror as the window does: its admin signs in, its backups are held to the passphrase', async () => {
    const dir = tempDir();
    const { db, result } = await setUpFromCommandLine(dir);
    expect(result).toMatchObject({ code: 0, err: '' });
    const mirror = openMirror(db);
    const service = createAppService({ mirror });
    const signIn = await service.invoke('w', 'auth.signIn', { login: 'it', password: 'admin-password-1' });
    expect(signIn).toMatchObject({ ok: true, value: { user: { role: 'admin' } } });
    const years = await service.call('w', 'settings.years', {});
    expect(years.ok && years.value.map((y) => y.label)).toEqual(['2025-2026']);
    mirror.close();

    fs.writeFileSync(path.join(dir, 'wrong.txt'), 'not the school passphrase');
    const refused = await moor(
      'backup',
      '--db',
      db,
      '--to',
      dir,
      '--passphrase-file',
      path.join(dir, 'wrong.txt'),
    );
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/passphrase/i);

    const again = await setUpFromCommandLine(dir);
    expect(again.result.code).toBe(1);
    expect(again.result.err).toContain('already set up');
  });

  it('names a missing option and a malformed year as bad usage', async () => {
    const missing = await moor('setup', '--db', path.join(tempDir(), 'x.sqlite'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Missing --year');
    const year = await moor('setup', '--db', path.join(tempDir(), 'x.sqlite'), '--year', '2025');
    expect(year.code).toBe(2);
    expect(year.err).toContain('--year must be like 2025-2026');
  });
});

describe('the command line for scripts', () => {
  it('prints its version, documents its exit codes and puts an unknown command’s help on stderr', async () => {
    expect(await moor('--version')).toEqual({ code: 0, out: appVersion(), err: '' });
    const help = await moor('help');
    expect(help.out).toContain('Exit codes:');
    expect(help.out).toMatch(/2 {2}bad usage/);
    const unknown = await moor('frobnicate');
    expect(unknown).toMatchObject({ code: 2, out: '' });
    expect(unknown.err).toContain('Unknown command "frobnicate"');
    expect(unknown.err).toContain('Exit codes:');
  });

  it('answers info, changes and close status as JSON', async () => {
    const dir = tempDir();
    const { db } = await setUpFromCommandLine(dir);
    const info = await moor('info', '--db', db, '--json');
    const parsed = JSON.parse(info.out) as { mirror: string; tables: { table: string; rows: number }[] };
    expect(parsed.mirror).toBe(db);
    expect(parsed.tables.find((t) => t.table === 'app_user')?.rows).toBe(1);
    const changes = await moor('changes', '--db', db, '--json');
    expect(JSON.parse(changes.out)).toEqual([]);
    const status = await moor('close', 'status', '--db', db, '--json');
    expect(status.code).toBe(1);
    expect(status.out).toBe('');
    expect(status.err).toMatch(/close/i);
  });
});
