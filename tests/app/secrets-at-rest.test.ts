import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../src/core/auth/users';
import { createBackup } from '../../src/core/backup/create-backup';
import { testKdf } from '../backup/fixture';
import { callAs, SETUP, setUpApp, type AppFixture } from './fixture';

const TOKEN = 'kundoluk-bearer-7f3a9c1e5b2d4f6a8c0e';
let app: AppFixture;
let backupDir: string;

/** Every file's bytes under a folder, read whole. */
function filesUnder(dir: string): { file: string; bytes: Buffer }[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).flatMap((name) => {
    const file = path.join(dir, name);
    return fs.statSync(file).isFile() ? [{ file, bytes: fs.readFileSync(file) }] : [];
  });
}

/** Where a secret lies in plain (UTF-8 or UTF-16, as SQLite may store text) among the files. */
function plainIn(files: { file: string; bytes: Buffer }[], secret: string): string[] {
  const forms = [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le')];
  return files.filter(({ bytes }) => forms.some((form) => bytes.includes(form))).map(({ file }) => file);
}

/** The table and column of every text cell of the mirror that holds the secret. */
function cellsHolding(secret: string): string[] {
  const { sqlite } = app.mirror;
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
    name: string;
  }[];
  return tables.flatMap(({ name }) => {
    const rows = sqlite.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[];
    return rows.flatMap((row) =>
      Object.entries(row)
        .filter(([, value]) => typeof value === 'string' && value.includes(secret))
        .map(([column]) => `${name}.${column}${name === 'app_setting' ? `:${String(row.key)}` : ''}`),
    );
  });
}

beforeAll(async () => {
  app = await setUpApp({ school: 'demo-small', now: '2025-11-20T08:00:00Z' });
  for (const login of ['admin', 'deputy', 'secretary', 'director']) {
    await app.service.invoke(`client-${login}`, 'auth.signIn', { login, password: `${login}-password` });
  }
  await callAs(app.service, app.users.admin, app.clock(), 'settings.update', {
    defaultLanguage: 'ky',
    documentLanguage: 'ky',
    idleMinutes: 10,
    updateUrl: null,
    kundoluk: { mode: 'api', url: 'http://127.0.0.1:9/api/', login: null },
    kundolukToken: TOKEN,
  });
  const drive = path.join(app.dir, 'drive');
  fs.mkdirSync(drive);
  backupDir = (
    await createBackup(app.mirror, {
      targetDir: drive,
      passphrase: SETUP.backupPassphrase,
      actor: actorOf(app.users.deputy),
      clock: app.clock,
      keyDerivation: testKdf,
    })
  ).backupPath;
});
afterAll(async () => {
  await app.close();
});

describe('secrets at rest', () => {
  it('leaves no passphrase and no password in plain in the mirror, its WAL or a backup', () => {
    const files = [
      ...filesUnder(backupDir),
      ...filesUnder(app.dir).filter((f) => f.file.includes('mirror.sqlite')),
    ];
    expect(files.some((f) => f.file.endsWith('mirror.sqlite-wal'))).toBe(true);
    const secrets = [
      SETUP.backupPassphrase,
      ...['admin', 'deputy', 'secretary', 'director'].map((l) => `${l}-password`),
    ];
    for (const secret of secrets) {
      expect({ secret, files: plainIn(files, secret) }).toEqual({ secret, files: [] });
      expect({ secret, cells: cellsHolding(secret) }).toEqual({ secret, cells: [] });
    }
  });

  it('keeps the Kundoluk token out of the mirror, its WAL and every backup file: the secret store holds it', () => {
    const files = [
      ...filesUnder(backupDir),
      ...filesUnder(app.dir).filter((f) => f.file.includes('mirror.sqlite')),
    ];
    expect({ files: plainIn(files, TOKEN), cells: cellsHolding(TOKEN) }).toEqual({ files: [], cells: [] });
    expect(app.service.context.secrets.get('kundoluk.token')).toBe(TOKEN);
  });
});
