import { referenceTables, schoolTables, type ReferenceTable } from '../../db/journal-tables';
import type { Mirror } from '../../db/mirror';
import { MoorError } from '../../errors';
import type { FinalScope, LessonScope, Row, SyncBatch } from '../batch';
import type { PreparedSource } from '../run-sync';
import { tableIo } from '../table-io';
import { columnNames, type BundleTable } from './columns';
import type { ValidBundle } from './validate';

/** A table's validated rows as the pipeline compares them: column name to value. */
function rowsOf(bundle: ValidBundle, table: BundleTable): Row[] {
  const names = columnNames(table);
  return bundle.tables[table].map((values) => {
    const row: Row = {};
    for (let c = 0; c < names.length; c++) row[names[c] as string] = values[c] as Row[string];
    return row;
  });
}

function holdsJournal(mirror: Mirror): boolean {
  return schoolTables.some((t) => mirror.sqlite.prepare(`SELECT 1 FROM "${t}" LIMIT 1`).get() !== undefined);
}

interface SchoolIdentity {
  id: number;
  name_ky: string;
  name_ru: string;
  kundoluk_code: string | null;
}

function sameSchool(ours: SchoolIdentity, theirs: Row): boolean {
  if (ours.id !== theirs.id) return false;
  return ours.kundoluk_code !== null && theirs.kundoluk_code !== null
    ? ours.kundoluk_code === theirs.kundoluk_code
    : ours.name_ky === theirs.name_ky || ours.name_ru === theirs.name_ru;
}

/**
 * The school's identity: a bundle of another school must not land in this mirror. Every school
 * the bundle brings must be this mirror's school, under its id; only a mirror with no school yet
 * takes whichever school comes.
 */
function assertSameSchool(mirror: Mirror, bundle: ValidBundle, name: string): void {
  const ours = mirror.sqlite
    .prepare<[], SchoolIdentity>('SELECT id, name_ky, name_ru, kundoluk_code FROM school ORDER BY id')
    .all();
  const held = ours[0];
  if (held === undefined) return;
  for (const theirs of rowsOf(bundle, 'school')) {
    if (ours.some((school) => sameSchool(school, theirs))) continue;
    const bundleSchool = `${String(theirs.name_ky)} / ${String(theirs.name_ru)}`;
    const mirrorSchool = `${held.name_ky} / ${held.name_ru}`;
    throw new MoorError(
      'BUNDLE_FOREIGN',
      `${name} belongs to another school (${bundleSchool}); this mirror holds ${mirrorSchool}. Nothing was changed.`,
      { file: name, bundleSchool, mirrorSchool },
    );
  }
}

function partialScope(bundle: ValidBundle, range: { from: string; to: string }): SyncBatch['scope'] {
  const classes = rowsOf(bundle, 'class');
  const lessons: LessonScope[] = classes.map((c) => ({ classId: c.id as number, ...range }));
  const finals: FinalScope[] = [];
  for (const period of rowsOf(bundle, 'reporting_period')) {
    const ends = String(period.ends_on);
    if (ends < range.from || ends > range.to) continue;
    for (const c of classes) {
      if (c.academic_year_id === period.academic_year_id) {
        finals.push({ classId: c.id as number, periodId: period.id as number });
      }
    }
  }
  return { lessons, finals };
}

/**
 * A bundle as a sync source. Rows keep their ids (a bundle comes from a Мөөр mirror); a bundle
 * without a scope is the whole mirror. Its own sync history is taken over only by a mirror
 * that has none yet, so two histories are never interleaved.
 */
export function bundleSource(bundle: ValidBundle, name: string): PreparedSource {
  let takeHistory = false;
  return {
    source: 'bundle',
    name,
    build(mirror) {
      assertSameSchool(mirror, bundle, name);
      const warnings: string[] = [];
      const hasHistory = mirror.sqlite.prepare('SELECT 1 FROM sync_run LIMIT 1').get() !== undefined;
      const bringsHistory = bundle.tables.sync_run.length > 0 || bundle.tables.mirror_change.length > 0;
      takeHistory = bringsHistory && !hasHistory;
      if (bringsHistory && hasHistory) {
        warnings.push(
          `${name} carries its own sync history (${bundle.tables.sync_run.length} runs); this mirror keeps its own.`,
        );
      }
      if (bundle.scope === null && !holdsJournal(mirror)) {
        // A new mirror: nothing to compare with, so the rows go in as they are (the fast path).
        return {
          bulk: schoolTables.map((table) => ({ table, rows: bundle.tables[table] })),
          reference: {},
          lessons: [],
          marks: [],
          attendance: [],
          finals: [],
          scope: { lessons: [], finals: [] },
          warnings,
          judgeFirstSight: false,
        };
      }
      const reference: Partial<Record<ReferenceTable, Row[]>> = {};
      for (const table of referenceTables) reference[table] = rowsOf(bundle, table);
      return {
        reference,
        lessons: rowsOf(bundle, 'lesson'),
        marks: rowsOf(bundle, 'mark'),
        attendance: rowsOf(bundle, 'attendance'),
        finals: rowsOf(bundle, 'period_final'),
        scope: bundle.scope === null ? 'everything' : partialScope(bundle, bundle.scope),
        warnings,
        judgeFirstSight: false,
      };
    },
    afterApply(mirror) {
      const frozen = tableIo(mirror, 'frozen_scope');
      const known = new Set(
        mirror.sqlite
          .prepare<[], { k: string }>("SELECT class_id || ':' || period_id AS k FROM frozen_scope")
          .all()
          .map((r) => r.k),
      );
      for (const row of bundle.tables.frozen_scope) {
        if (!known.has(`${String(row[0])}:${String(row[1])}`)) frozen.insertValues(row);
      }
      if (!takeHistory) return;
      const runs = tableIo(mirror, 'sync_run');
      for (const row of bundle.tables.sync_run) runs.insertValues(row);
      const changes = tableIo(mirror, 'mirror_change');
      for (const row of bundle.tables.mirror_change) changes.insertValues(row);
    },
  };
}
