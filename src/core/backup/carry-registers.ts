import type Database from 'better-sqlite3';
import { MoorError } from '../errors';

/**
 * The registers record things that happened in the world (copies on drives, papers in the archive,
 * documents handed over); restoring an older journal must not erase them. Before a restored
 * database takes the mirror's place, the current registers are copied into it: a row the current
 * mirror has replaces the restored one with the same id, rows only the backup has are kept.
 * A reference to journal data the restored database does not have becomes empty; the register
 * keeps its own text (class, period, names), so the line still reads in full.
 */
const carried: readonly { table: string; journalRefs: Readonly<Record<string, string>> }[] = [
  { table: 'backup_register', journalRefs: { period_id: 'reporting_period' } },
  { table: 'backup_use', journalRefs: {} },
  {
    table: 'archive_register',
    journalRefs: { academic_year_id: 'academic_year', class_id: 'class', period_id: 'reporting_period' },
  },
  { table: 'handover_log', journalRefs: { from_staff_id: 'staff', to_staff_id: 'staff' } },
  { table: 'handover_item', journalRefs: {} },
];

function columns(sqlite: Database.Database, table: string): string[] {
  return sqlite
    .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
    .all()
    .map((row) => row.name);
}

/** Copies the registers of the database at `currentPath` into `restored`; returns the number of rows copied. */
export function carryRegisters(restored: Database.Database, currentPath: string): number {
  restored.prepare('ATTACH DATABASE ? AS current_mirror').run(currentPath);
  // Register rows are copied as they are, so their links to each other hold once all are in;
  // the check below refuses the restore if any link is left dangling.
  restored.pragma('foreign_keys = OFF');
  try {
    const copied = restored.transaction(() => {
      let rows = 0;
      for (const { table, journalRefs } of carried) {
        const names = columns(restored, table);
        const select = names.map((name) => {
          const target = journalRefs[name];
          return target === undefined
            ? `"${name}"`
            : `CASE WHEN "${name}" IN (SELECT id FROM main."${target}") THEN "${name}" END`;
        });
        rows += restored
          .prepare(
            `INSERT OR REPLACE INTO main."${table}" (${names.map((n) => `"${n}"`).join(', ')}) ` +
              `SELECT ${select.join(', ')} FROM current_mirror."${table}"`,
          )
          .run().changes;
      }
      const dangling = carried.flatMap(({ table }) =>
        restored.prepare<[], { table: string }>(`PRAGMA main.foreign_key_check("${table}")`).all(),
      );
      if (dangling.length > 0) {
        throw new MoorError(
          'RESTORE_REGISTERS_CONFLICT',
          'The registers in the backup and in the current mirror disagree (lines with the same number point to ' +
            'different records), so the restore was stopped and the mirror was not changed.',
          { tables: [...new Set(dangling.map((d) => d.table))] },
        );
      }
      return rows;
    })();
    return copied;
  } finally {
    restored.pragma('foreign_keys = ON');
    restored.exec('DETACH DATABASE current_mirror');
  }
}
