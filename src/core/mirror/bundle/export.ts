import fs from 'node:fs';
import type { Mirror } from '../../db/mirror';
import { columnNames, type BundleTable } from './columns';
import { journalTables } from '../../db/journal-tables';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle, type BundleTableData } from './format';

export interface ExportRange {
  from: string;
  to: string;
}

const historyTables: ReadonlySet<BundleTable> = new Set(['sync_run', 'mirror_change']);

/** The rows of one table a bundle carries, as arrays in the bundle's column order. */
function selectRows(mirror: Mirror, table: BundleTable, range: ExportRange | undefined): unknown[][] {
  const columns = columnNames(table);
  const list = (alias: string) => columns.map((c) => `${alias}."${c}"`).join(', ');
  let sql = `SELECT ${list('t')} FROM "${table}" t`;
  const params: string[] = [];
  if (range !== undefined) {
    if (historyTables.has(table)) return [];
    if (table === 'lesson') sql += ' WHERE t.date BETWEEN ? AND ?';
    if (table === 'mark' || table === 'attendance') {
      sql += ' JOIN lesson l ON l.id = t.lesson_id WHERE l.date BETWEEN ? AND ?';
    }
    if (table === 'period_final') {
      sql += ' JOIN reporting_period p ON p.id = t.period_id WHERE p.ends_on BETWEEN ? AND ?';
    }
    if (sql.includes('?')) params.push(range.from, range.to);
  }
  sql += ` ORDER BY ${table === 'subgroup_member' || table === 'frozen_scope' ? 't.rowid' : 't.id'}`;
  return mirror.sqlite
    .prepare(sql)
    .raw(true)
    .all(...params) as unknown[][];
}

/** Everything the mirror holds (or, with a range, its reference data and the entries dated inside). */
export function collectBundle(mirror: Mirror, at: Date, range?: ExportRange): Bundle {
  const tables = {} as Record<BundleTable, BundleTableData>;
  for (const table of journalTables) {
    tables[table] = { columns: columnNames(table), rows: selectRows(mirror, table, range) };
  }
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: at.toISOString(),
    scope: range ?? null,
    tables,
  };
}

/**
 * Writes a bundle as JSON, one row a line, without building the whole text in memory
 * (a large school's year is a few hundred megabytes).
 */
export function writeBundleFile(bundle: Bundle, file: string): void {
  const temporary = `${file}.part`;
  const fd = fs.openSync(temporary, 'w');
  try {
    const { tables, ...head } = bundle;
    const headText = JSON.stringify(head);
    fs.writeSync(fd, `${headText.slice(0, -1)},"tables":{`);
    journalTables.forEach((table, t) => {
      const data = tables[table];
      fs.writeSync(
        fd,
        `${t === 0 ? '' : ','}\n${JSON.stringify(table)}:{"columns":${JSON.stringify(data.columns)},"rows":[`,
      );
      const chunk: string[] = [];
      data.rows.forEach((row, r) => {
        chunk.push(`${r === 0 ? '' : ','}\n${JSON.stringify(row)}`);
        if (chunk.length === 5000) fs.writeSync(fd, chunk.splice(0).join(''));
      });
      fs.writeSync(fd, `${chunk.join('')}]}`);
    });
    fs.writeSync(fd, '}}\n');
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
}
