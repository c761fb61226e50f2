import fs from 'node:fs';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type Compilable } from 'kysely';
import { MoorError } from '../errors';
import { migrate, pendingMigrations } from './migrate';
import { migrations } from './migrations';
import type { Migration } from './migrations/migration';
import type { DB } from './schema';

/**
 * The open mirror database. Queries are built with Kysely (typed, dialect-neutral) and
 * executed synchronously on better-sqlite3: a transaction is a plain synchronous function,
 * so nothing else can interleave with it and no async transaction spans the sync driver.
 */
export interface Mirror {
  readonly path: string;
  readonly sqlite: Database.Database;
  readonly db: Kysely<DB>;
  all<R>(query: Compilable<R>): R[];
  first<R>(query: Compilable<R>): R | undefined;
  run(query: Compilable): { changes: number; lastInsertRowid: number };
  transaction<T>(work: () => T): T;
  close(): void;
}

export interface OpenOptions {
  /** Create the file when it does not exist (commands that only read say false). */
  create?: boolean;
  readonly?: boolean;
  /** For migration tests: the list to migrate to instead of the full one. */
  migrations?: readonly Migration[];
}

const STATEMENT_CACHE_LIMIT = 500;

export function openMirror(path: string, options: OpenOptions = {}): Mirror {
  const create = options.create ?? false;
  if (path !== ':memory:' && !create && !fs.existsSync(path)) {
    throw new MoorError('DB_MISSING', `No mirror database at ${path}. Check the path, or create one first.`, {
      path,
    });
  }
  const sqlite = new Database(path, { readonly: options.readonly ?? false, fileMustExist: !create });
  try {
    prepareConnection(sqlite, path, options);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return wrap(path, sqlite);
}

function prepareConnection(sqlite: Database.Database, path: string, options: OpenOptions): void {
  try {
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = NORMAL');
    }
    assertOurs(sqlite, path);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'SQLITE_NOTADB') {
      throw new MoorError(
        'DB_NOT_SQLITE',
        `${path} is not a Мөөр mirror database (it is not an SQLite file).`,
        {
          path,
        },
      );
    }
    throw error;
  }
  const known = options.migrations ?? migrations;
  if (options.readonly) {
    const pending = pendingMigrations(sqlite, known);
    if (pending.length > 0) {
      throw new MoorError(
        'DB_NEEDS_UPGRADE',
        `${path} must be upgraded by this version of Мөөр before it can be read (open it once for writing).`,
        { path, pending: pending.map((m) => m.name) },
      );
    }
    return;
  }
  migrate(sqlite, known);
}

/** A database with tables but no migration history was made by something else: leave it alone. */
function assertOurs(sqlite: Database.Database, path: string): void {
  const tables = sqlite
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
    .all()
    .map((r) => r.name);
  if (tables.length > 0 && !tables.includes('schema_migration')) {
    throw new MoorError(
      'DB_FOREIGN',
      `${path} is an SQLite database but not a Мөөр mirror (it has tables ${tables.slice(0, 5).join(', ')}). ` +
        'It was not changed.',
      { path },
    );
  }
}

function wrap(path: string, sqlite: Database.Database): Mirror {
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= STATEMENT_CACHE_LIMIT) statements.clear();
      statement = sqlite.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    path,
    sqlite,
    db,
    all<R>(query: Compilable<R>): R[] {
      const compiled = query.compile();
      return prepare(compiled.sql).all(...compiled.parameters) as R[];
    },
    first<R>(query: Compilable<R>): R | undefined {
      const compiled = query.compile();
      return prepare(compiled.sql).get(...compiled.parameters) as R | undefined;
    },
    run(query: Compilable) {
      const compiled = query.compile();
      const statement = prepare(compiled.sql);
      if (statement.reader) {
        const rows = statement.all(...compiled.parameters);
        return { changes: rows.length, lastInsertRowid: 0 };
      }
      const result = statement.run(...compiled.parameters);
      return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) };
    },
    transaction<T>(work: () => T): T {
      return sqlite.transaction(work)();
    },
    close() {
      statements.clear();
      sqlite.close();
    },
  };
}
