import { referenceTables } from '../../db/journal-tables';
import type { Mirror } from '../../db/mirror';
import type { SyncSource } from '../../db/schema';
import { MoorError } from '../../errors';
import { getSetting } from '../../settings/app-settings';
import type { Row, SyncBatch } from '../batch';
import { columnNames, rowKey, type BundleTable } from '../bundle/columns';
import { describeValue } from '../describe-value';
import { rowProblem, type DomainContext, type RowProblem } from './row-rules';

/**
 * Kundoluk is known to send entries the journal's rules refuse (a mark "0", lesson 99): such an
 * entry is left out with a warning and the mirror keeps what it had. A bundle or a workbook is a
 * file someone can correct, so one bad row refuses the whole file.
 */
const skipsBadEntries: Readonly<Record<SyncSource, boolean>> = {
  kundoluk: true,
  bundle: false,
  workbook: false,
};

type EntryTable = 'lesson' | 'mark' | 'attendance' | 'period_final';
const entryLists: readonly [EntryTable, 'lessons' | 'marks' | 'attendance' | 'finals'][] = [
  ['lesson', 'lessons'],
  ['mark', 'marks'],
  ['attendance', 'attendance'],
  ['period_final', 'finals'],
];

function rowsOfValues(table: BundleTable, rows: readonly (readonly unknown[])[]): Row[] {
  const names = columnNames(table);
  return rows.map((values) => Object.fromEntries(names.map((n, i) => [n, values[i] as Row[string]])));
}

function domainContext(mirror: Mirror, batch: SyncBatch): DomainContext {
  const years = new Map<number, { startsOn: string; endsOn: string }>();
  const addYear = (row: Row) =>
    years.set(row.id as number, { startsOn: String(row.starts_on), endsOn: String(row.ends_on) });
  for (const row of mirror.sqlite.prepare('SELECT id, starts_on, ends_on FROM academic_year').all() as Row[])
    addYear(row);
  const bulkYears = batch.bulk?.find((b) => b.table === 'academic_year');
  for (const row of bulkYears ? rowsOfValues('academic_year', bulkYears.rows) : []) addYear(row);
  for (const row of batch.reference.academic_year ?? []) addYear(row);
  return { scale: getSetting(mirror, 'markScale'), years };
}

export interface InvalidRow {
  table: BundleTable;
  row: Row;
  problem: RowProblem;
}

function refusal(name: string, source: SyncSource, bad: InvalidRow): MoorError {
  const key = rowKey(bad.table, bad.row);
  const value = bad.row[bad.problem.column];
  return new MoorError(
    'SYNC_INVALID_ROW',
    `${name}, table ${bad.table}, row ${String(key)}, column ${bad.problem.column}: expected ${bad.problem.expected}, ` +
      `found ${describeValue(value)}. Nothing was changed.`,
    {
      source,
      file: name,
      table: bad.table,
      row: String(key),
      column: bad.problem.column,
      expected: bad.problem.expected,
      found: describeValue(value),
    },
  );
}

/** Refuses two different rows under one key; drops exact repeats, which change nothing. */
function withoutRepeats(name: string, source: SyncSource, table: BundleTable, rows: readonly Row[]): Row[] {
  const seen = new Map<string | number, string>();
  const kept: Row[] = [];
  for (const row of rows) {
    const key = rowKey(table, row);
    const content = JSON.stringify(columnNames(table).map((c) => row[c] ?? null));
    const before = seen.get(key);
    if (before === undefined) {
      seen.set(key, content);
      kept.push(row);
    } else if (before !== content) {
      throw new MoorError(
        'SYNC_DUPLICATE_ROW',
        `${name}, table ${table}, row ${String(key)}: two different rows carry this id. Nothing was changed.`,
        { source, file: name, table, row: String(key) },
      );
    }
  }
  return kept;
}

/**
 * The one domain validation every source goes through before anything is written: real
 * calendar dates inside the school year, marks of the school's scale with their numbers, lesson
 * numbers of a school day, bounded late minutes, names present, one content per id. A source that
 * must be corrected is refused with the row named; for Kundoluk a bad entry is left out, the
 * mirror's own copy kept, and a warning says so.
 */
export function validateBatch(mirror: Mirror, batch: SyncBatch, name: string, source: SyncSource): void {
  const context = domainContext(mirror, batch);
  for (const { table, rows } of batch.bulk ?? []) {
    for (const row of withoutRepeats(name, source, table, rowsOfValues(table, rows))) {
      const problem = rowProblem(table, row, context);
      if (problem !== undefined) throw refusal(name, source, { table, row, problem });
    }
  }
  for (const table of referenceTables) {
    const rows = batch.reference[table];
    if (rows === undefined) continue;
    batch.reference[table] = withoutRepeats(name, source, table, rows);
    for (const row of batch.reference[table]) {
      const problem = rowProblem(table, row, context);
      if (problem !== undefined) throw refusal(name, source, { table, row, problem });
    }
  }
  const skipped: InvalidRow[] = [];
  for (const [table, list] of entryLists) {
    const rows = withoutRepeats(name, source, table, batch[list]);
    const kept: Row[] = [];
    for (const row of rows) {
      const problem = rowProblem(table, row, context);
      if (problem === undefined) kept.push(row);
      else if (skipsBadEntries[source]) skipped.push({ table, row, problem });
      else throw refusal(name, source, { table, row, problem });
    }
    batch[list] = kept;
  }
  if (skipped.length > 0) keepMirrorCopies(mirror, batch, skipped, name);
}

/**
 * Puts the mirror's own row back in place of each entry left out, so leaving an entry out never
 * removes what the mirror had; entries of a lesson left out that the mirror never had go with it.
 */
function keepMirrorCopies(
  mirror: Mirror,
  batch: SyncBatch,
  skipped: readonly InvalidRow[],
  name: string,
): void {
  const droppedLessons = new Set<number>();
  for (const bad of skipped) {
    const id = bad.row.id as number;
    const columns = columnNames(bad.table)
      .map((c) => `"${c}"`)
      .join(', ');
    const own = mirror.sqlite.prepare(`SELECT ${columns} FROM "${bad.table}" WHERE id = ?`).get(id) as
      Row | undefined;
    const list = entryLists.find(([t]) => t === bad.table)?.[1];
    if (own !== undefined && list !== undefined) batch[list].push(own);
    else if (bad.table === 'lesson') droppedLessons.add(id);
    batch.warnings.push(
      `${name} sent ${bad.table} ${String(id)} with ${bad.problem.column} ${describeValue(bad.row[bad.problem.column])}; ` +
        `expected ${bad.problem.expected}. It was left out` +
        (own === undefined ? '.' : '; the mirror keeps its own copy.'),
    );
  }
  if (droppedLessons.size === 0) return;
  const orphaned = (row: Row) => droppedLessons.has(row.lesson_id as number);
  const dropped = batch.marks.filter(orphaned).length + batch.attendance.filter(orphaned).length;
  batch.marks = batch.marks.filter((row) => !orphaned(row));
  batch.attendance = batch.attendance.filter((row) => !orphaned(row));
  if (dropped > 0) {
    batch.warnings.push(`${dropped} marks and absences of the lessons left out were left out with them.`);
  }
}
