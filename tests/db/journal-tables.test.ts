import { afterAll, describe, expect, it } from 'vitest';
import { journalTables } from '../../src/core/db/journal-tables';
import { openMirror } from '../../src/core/db/mirror';

/**
 * The tables of the migrated schema that hold no journal data: what the app records about its own
 * work (applied migrations, closes, printed documents, registers, audit, users and settings). A
 * bundle does not carry them and the demo school does not fill them. A new table must be named
 * either here or in the journal list.
 */
const notJournalTables = [
  'schema_migration',
  'audit_log',
  'close_run',
  'close_class',
  'close_override',
  'close_day',
  'close_item',
  'audit_head',
  'document',
  'backup_register',
  'backup_use',
  'archive_register',
  'handover_log',
  'handover_item',
  'app_user',
  'app_setting',
  'year_summary_signoff',
  'year_summary_draft',
  'kundoluk_sync',
  'sync_coverage',
];

const mirror = openMirror(':memory:', { create: true });
afterAll(() => {
  mirror.close();
});

function schemaTables(): string[] {
  return mirror.sqlite
    .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all();
}

function parentsOf(table: string): string[] {
  return mirror.sqlite
    .prepare<[], { table: string }>(`SELECT "table" FROM pragma_foreign_key_list('${table}')`)
    .all()
    .map((fk) => fk.table);
}

describe('journal tables', () => {
  it('name each table once', () => {
    expect(new Set(journalTables).size).toBe(journalTables.length);
  });

  it('are every table of the migrated schema that holds journal data', () => {
    const journal: string[] = [...journalTables];
    expect(journal.filter((t) => notJournalTables.includes(t))).toEqual([]);
    expect([...journal, ...notJournalTables].sort()).toEqual(schemaTables().sort());
  });

  it('come in an order where every foreign key points to an earlier table', () => {
    const misplaced = journalTables.flatMap((table, index) =>
      parentsOf(table)
        .filter((parent) => !(journalTables.slice(0, index) as readonly string[]).includes(parent))
        .map((parent) => `${table} -> ${parent}`),
    );
    expect(misplaced).toEqual([]);
  });
});
