import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openMirror } from '../../src/core/db/mirror';
import { migrations } from '../../src/core/db/migrations';
import { tableCounts } from '../../src/core/db/table-counts';
import { MoorError } from '../../src/core/errors';
import { tempDir } from '../support/temp-dir';

function expectMoorError(work: () => unknown, code: string): MoorError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(MoorError);
    expect((error as MoorError).code).toBe(code);
    return error as MoorError;
  }
  throw new Error(`expected ${code}`);
}

describe('openMirror', () => {
  it('creates a migrated database in WAL mode with foreign keys on', () => {
    const file = path.join(tempDir(), 'mirror.sqlite');
    const mirror = openMirror(file, { create: true });
    expect(mirror.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(mirror.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(tableCounts(mirror).map((t) => t.table)).toContain('period_final');
    mirror.close();
  });

  it('runs typed queries synchronously and rolls back a failed transaction whole', () => {
    const mirror = openMirror(path.join(tempDir(), 'mirror.sqlite'), { create: true });
    mirror.run(
      mirror.db.insertInto('staff').values({
        last_name: 'Токтогулова',
        first_name: 'Нургүл',
        middle_name: null,
        position: 'deputy',
        kundoluk_pin: null,
        raw: null,
      }),
    );
    expect(() => {
      mirror.transaction(() => {
        mirror.run(mirror.db.updateTable('staff').set({ first_name: 'Жибек' }));
        mirror.run(
          mirror.db
            .insertInto('staff')
            .values({ last_name: 'X', first_name: 'Y', position: 'janitor' as 'admin' }),
        );
      });
    }).toThrow(/CHECK/);
    const rows = mirror.all(mirror.db.selectFrom('staff').select(['first_name', 'position']));
    expect(rows).toEqual([{ first_name: 'Нургүл', position: 'deputy' }]);
    mirror.close();
  });

  it('refuses a missing file when not asked to create it', () => {
    const error = expectMoorError(() => openMirror(path.join(tempDir(), 'none.sqlite')), 'DB_MISSING');
    expect(error.message).toContain('none.sqlite');
  });

  it('refuses a file that is not SQLite and leaves it untouched', () => {
    const file = path.join(tempDir(), 'notes.sqlite');
    fs.writeFileSync(file, 'this is a text file, not a database '.repeat(100));
    const before = fs.readFileSync(file);
    expectMoorError(() => openMirror(file), 'DB_NOT_SQLITE');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses an SQLite database of another program without changing it', () => {
    const file = path.join(tempDir(), 'other.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
    other.close();
    const error = expectMoorError(() => openMirror(file), 'DB_FOREIGN');
    expect(error.message).toContain('invoices');
    const check = new Database(file);
    expect(
      check.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'schema_migration'").pluck().get(),
    ).toBe(0);
    check.close();
  });

  it('refuses a database written by a newer version', () => {
    const file = path.join(tempDir(), 'newer.sqlite');
    openMirror(file, { create: true }).close();
    const sqlite = new Database(file);
    sqlite.prepare('INSERT INTO schema_migration (name, applied_at) VALUES (?, ?)').run('9999_future', 'now');
    sqlite.close();
    const error = expectMoorError(() => openMirror(file), 'DB_NEWER_THAN_APP');
    expect(error.message).toContain('9999_future');
    expectMoorError(() => openMirror(file, { readonly: true }), 'DB_NEWER_THAN_APP');
  });

  it('opens read-only only a database that is fully migrated', () => {
    const file = path.join(tempDir(), 'old.sqlite');
    openMirror(file, { create: true, migrations: migrations.slice(0, 1) }).close();
    if (migrations.length > 1)
      expectMoorError(() => openMirror(file, { readonly: true }), 'DB_NEEDS_UPGRADE');
    openMirror(file).close();
    const readonly = openMirror(file, { readonly: true });
    expect(() => readonly.sqlite.exec('DELETE FROM student')).toThrow(/readonly/);
    readonly.close();
  });
});
