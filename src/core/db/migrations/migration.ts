import type Database from 'better-sqlite3';

/**
 * One schema step. Migrations are append-only: once released, a migration is never edited;
 * a change to the schema is a new migration at the end of the list in `index.ts`.
 */
export interface Migration {
  readonly name: string;
  up(sqlite: Database.Database): void;
}
