import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Mirror } from '../../src/core/db/mirror';
import { MoorError } from '../../src/core/errors';
import { bundleTables, type BundleTable } from '../../src/core/mirror/bundle/columns';
import type { Bundle } from '../../src/core/mirror/bundle/format';
import { emptyBatch, type Row, type SyncBatch } from '../../src/core/mirror/batch';
import { runSync } from '../../src/core/mirror/run-sync';
import { syncBundleFile } from '../../src/core/mirror/sync-bundle';
import type { SyncSource } from '../../src/core/db/schema';
import { tempDir } from '../support/temp-dir';
import { context, emptyMirror, fingerprint } from './helpers';
import { bundleOf } from './tiny-bundle';

let dir: string;
const opened: Mirror[] = [];
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  for (const m of opened.splice(0)) m.close();
});

function school(): Bundle {
  const bundle = bundleOf({
    students: 2,
    lessons: [
      { day: 2, marks: ['5', '4'] },
      { day: 3, marks: ['3', null] },
    ],
  });
  const cells = bundleTables.attendance.map((c) => c.name);
  const late = { id: 1, lesson_id: 2, student_id: 2, kind: 'late', reason: null, late_minutes: 5 };
  bundle.tables.attendance.rows.push(
    cells.map((c) =>
      c in late ? late[c as keyof typeof late] : c === 'entered_at' ? '2025-09-03T09:00:00Z' : null,
    ),
  );
  return bundle;
}

function withCell(table: BundleTable, row: number, column: string, value: unknown): Bundle {
  const bundle = school();
  const index = bundleTables[table].findIndex((c) => c.name === column);
  (bundle.tables[table].rows[row] as unknown[])[index] = value;
  return bundle;
}

function importInto(mirror: Mirror, bundle: Bundle, name = 'school.json') {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(bundle));
  return syncBundleFile(mirror, file, context());
}

function refusal(run: () => unknown): MoorError {
  try {
    run();
  } catch (error) {
    if (error instanceof MoorError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('one domain validation for every source', () => {
  const garbage: [BundleTable, number, string, unknown][] = [
    ['lesson', 0, 'date', '2025-09-31'],
    ['lesson', 0, 'date', '2030-01-10'],
    ['enrollment', 0, 'joined_on', '2025-00-10'],
    ['reporting_period', 0, 'ends_on', '2025-10-32'],
    ['reporting_period', 0, 'ends_on', '2026-08-30'],
    ['mark', 0, 'value', '0'],
    ['mark', 0, 'value', '7'],
    ['mark', 0, 'value', 'abc'],
    ['mark', 0, 'numeric_value', 13.27],
    ['lesson', 0, 'lesson_number', -1],
    ['lesson', 0, 'lesson_number', 0],
    ['lesson', 0, 'lesson_number', 99],
    ['lesson', 0, 'lesson_number', 1e9],
    ['attendance', 0, 'late_minutes', -5],
    ['attendance', 0, 'late_minutes', 100000],
    ['student', 0, 'last_name', ''],
    ['student', 0, 'first_name', 'Өм\u0000үр'],
    ['subject', 0, 'name_ru', '   '],
  ];

  for (const [table, row, column, value] of garbage) {
    it(`refuses ${table}.${column} = ${JSON.stringify(value)} into a new mirror and into one with data, naming the row`, () => {
      const fresh = emptyMirror(dir, 'fresh.db');
      opened.push(fresh);
      const filled = emptyMirror(dir, 'filled.db');
      opened.push(filled);
      importInto(filled, school());
      for (const mirror of [fresh, filled]) {
        const before = fingerprint(mirror);
        const error = refusal(() => importInto(mirror, withCell(table, row, column, value)));
        expect(error.code).toBe('SYNC_INVALID_ROW');
        expect(error.details).toMatchObject({ table, column, file: 'school.json' });
        expect(error.message).toContain(`table ${table}, row `);
        expect(fingerprint(mirror)).toBe(before);
      }
    });
  }

  it('takes the clean school, a code instead of a grade, and an exempt final', () => {
    const mirror = emptyMirror(dir);
    opened.push(mirror);
    const bundle = withCell('mark', 0, 'value', 'Н/А');
    (bundle.tables.mark.rows[0] as unknown[])[4] = null;
    expect(importInto(mirror, bundle).added).toBeGreaterThan(0);
  });

  it('describes a deeply nested cell in a few characters instead of overflowing the stack', () => {
    const mirror = emptyMirror(dir);
    opened.push(mirror);
    const depth = 200_000;
    const bundle = school();
    const text = JSON.stringify(bundle).replace('"Мектеп"', `${'['.repeat(depth)}${']'.repeat(depth)}`);
    const file = path.join(dir, 'deep.json');
    fs.writeFileSync(file, text);
    const error = refusal(() => syncBundleFile(mirror, file, context()));
    expect(error.code).toBe('BUNDLE_INVALID');
    expect(error.message).toContain('column name_ky');
    expect(error.message.length).toBeLessThan(300);
  });

  /** A source as the pipeline sees it, so the rules are shown to hold whatever maps the rows. */
  function source(kind: SyncSource, batch: (mirror: Mirror) => SyncBatch) {
    return { source: kind, name: `${kind} test`, build: batch };
  }

  function markRows(mirror: Mirror): Row[] {
    return mirror.sqlite.prepare('SELECT * FROM mark ORDER BY id').all() as Row[];
  }

  function lessonRows(mirror: Mirror): Row[] {
    return mirror.sqlite.prepare('SELECT * FROM lesson ORDER BY id').all() as Row[];
  }

  function rescoped(mirror: Mirror, change: (batch: SyncBatch) => void): SyncBatch {
    const batch = emptyBatch({
      lessons: [{ classId: 1, from: '2025-09-01', to: '2025-09-30' }],
      finals: [],
    });
    batch.lessons = lessonRows(mirror);
    batch.marks = markRows(mirror);
    batch.attendance = mirror.sqlite.prepare('SELECT * FROM attendance ORDER BY id').all() as Row[];
    change(batch);
    return batch;
  }

  it('refuses two different rows under one id from any source', () => {
    const mirror = emptyMirror(dir);
    opened.push(mirror);
    importInto(mirror, school());
    const before = fingerprint(mirror);
    const error = refusal(() =>
      runSync(
        mirror,
        source('workbook', (m) =>
          rescoped(m, (batch) =>
            batch.marks.push({ ...(batch.marks[0] as Row), value: '2', numeric_value: 2 }),
          ),
        ),
        context(),
      ),
    );
    expect(error.code).toBe('SYNC_DUPLICATE_ROW');
    expect(error.details).toMatchObject({ table: 'mark', row: '1' });
    expect(fingerprint(mirror)).toBe(before);
  });

  it('leaves out a bad Kundoluk entry with a warning, keeping the mirror copy of it', () => {
    const mirror = emptyMirror(dir);
    opened.push(mirror);
    importInto(mirror, school());
    const marks = markRows(mirror);
    const result = runSync(
      mirror,
      source('kundoluk', (m) =>
        rescoped(m, (batch) => {
          batch.marks[0] = { ...(batch.marks[0] as Row), value: '7', numeric_value: 7 };
          batch.lessons[1] = { ...(batch.lessons[1] as Row), lesson_number: 99 };
          batch.marks.push({ ...(batch.marks[1] as Row), id: 99, value: '0', numeric_value: 0 });
        }),
      ),
      context(),
    );
    expect(markRows(mirror)).toEqual(marks);
    expect(result.warnings).toHaveLength(3);
    expect(result.warnings.join('\n')).toContain('mark 1 with value "7"');
    expect(result.warnings.join('\n')).toContain('lesson 2 with lesson_number 99');
    expect([result.added, result.changed, result.removed]).toEqual([0, 0, 0]);
  });

  it('holds marks to the scale the school set', () => {
    const mirror = emptyMirror(dir);
    opened.push(mirror);
    mirror.sqlite
      .prepare("INSERT INTO app_setting (key, value_json, updated_at) VALUES ('markScale', ?, '2025-09-01')")
      .run(JSON.stringify({ grades: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], codes: ['н/а'] }));
    const bundle = withCell('mark', 0, 'value', '7');
    (bundle.tables.mark.rows[0] as unknown[])[4] = 7;
    expect(importInto(mirror, bundle).added).toBeGreaterThan(0);
  });
});
