import type Database from 'better-sqlite3';
import { MoorError } from '../errors';
import type { Migration } from './migrations/migration';

function appliedNames(sqlite: Database.Database): string[] {
  const hasHistory =
    sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'").get() !==
    undefined;
  if (!hasHistory) return [];
  return sqlite
    .prepare<[], { name: string }>('SELECT name FROM schema_migration ORDER BY rowid')
    .all()
    .map((row) => row.name);
}

/**
 * The migrations this code knows and the database has not had yet. Refuses a database that
 * has steps this code does not know: it was written by a newer version.
 */
export function pendingMigrations(sqlite: Database.Database, known: readonly Migration[]): Migration[] {
  const applied = new Set(appliedNames(sqlite));
  const knownNames = new Set(known.map((m) => m.name));
  const unknown = [...applied].filter((name) => !knownNames.has(name));
  if (unknown.length > 0) {
    throw new MoorError(
      'DB_NEWER_THAN_APP',
      `This database was written by a newer version of Мөөр (it has schema step ${unknown.join(', ')}, ` +
        'which this version does not know). Update Мөөр before opening it; the file was not changed.',
      { unknown },
    );
  }
  return known.filter((m) => !applied.has(m.name));
}

/**
 * Applies the pending migrations in list order, each in its own transaction, so a failure
 * leaves the database at the last complete step.
 */
export function migrate(
  sqlite: Database.Database,
  known: readonly Migration[],
  now: () => string = () => new Date().toISOString(),
): string[] {
  const pending = pendingMigrations(sqlite, known);
  if (pending.length === 0) return [];
  sqlite.exec(
    'CREATE TABLE IF NOT EXISTS schema_migration (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)',
  );
  const record = sqlite.prepare('INSERT INTO schema_migration (name, applied_at) VALUES (?, ?)');
  for (const migration of pending) {
    sqlite.transaction(() => {
      migration.up(sqlite);
      record.run(migration.name, now());
    })();
  }
  return pending.map((m) => m.name);
}
