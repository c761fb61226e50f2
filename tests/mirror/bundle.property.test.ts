import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundleTables, type BundleTable } from '../../src/core/mirror/bundle/columns';
import { collectBundle } from '../../src/core/mirror/bundle/export';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle } from '../../src/core/mirror/bundle/format';
import { listChanges } from '../../src/core/mirror/changes';
import { syncBundleFile } from '../../src/core/mirror/sync-bundle';
import { tempDir } from '../support/temp-dir';
import { context, emptyMirror, fingerprint } from './helpers';

interface Journal {
  students: number;
  lessons: { day: number; marks: (string | null)[] }[];
}

const journalArb: fc.Arbitrary<Journal> = fc.integer({ min: 1, max: 5 }).chain((students) =>
  fc.record({
    students: fc.constant(students),
    lessons: fc.array(
      fc.record({
        day: fc.integer({ min: 1, max: 28 }),
        marks: fc.array(fc.constantFrom(null, '2', '3', '4', '5'), {
          minLength: students,
          maxLength: students,
        }),
      }),
      { maxLength: 8 },
    ),
  }),
);

/** A small, complete school as a bundle: one class, its students, lessons in September, marks. */
function bundleOf(journal: Journal): Bundle {
  const tables = Object.fromEntries(
    Object.entries(bundleTables).map(([t, columns]) => [
      t,
      { columns: columns.map((c) => c.name), rows: [] },
    ]),
  ) as unknown as Bundle['tables'];
  const add = (table: BundleTable, row: Record<string, unknown>) => {
    tables[table].rows.push(bundleTables[table].map((c) => row[c.name] ?? null));
  };
  add('school', {
    id: 1,
    name_ky: 'Мектеп',
    name_ru: 'Школа',
    address_ky: '',
    address_ru: '',
    document_language: 'ky',
  });
  add('academic_year', { id: 1, label: '2025-2026', starts_on: '2025-09-01', ends_on: '2026-05-25' });
  add('reporting_period', {
    id: 1,
    academic_year_id: 1,
    kind: 'quarter',
    number: 1,
    starts_on: '2025-09-01',
    ends_on: '2025-10-31',
  });
  add('staff', { id: 1, last_name: 'Осмонова', first_name: 'Гүлнара', position: 'teacher' });
  add('subject', {
    id: 1,
    code: 'alg',
    name_ky: 'Алгебра',
    name_ru: 'Алгебра',
    short_ky: 'Алг',
    short_ru: 'Алг',
  });
  add('class', { id: 1, academic_year_id: 1, grade: 8, letter: 'А', language: 'ky' });
  for (let s = 1; s <= journal.students; s++) {
    add('student', { id: s, last_name: `Үсөнов${s}`, first_name: 'Өмүр' });
    add('enrollment', { id: s, class_id: 1, student_id: s, joined_on: '2025-09-01' });
  }
  add('teaching_assignment', { id: 1, class_id: 1, subject_id: 1, teacher_id: 1, weekly_hours: 4 });
  let markId = 0;
  journal.lessons.forEach((lesson, l) => {
    const date = `2025-09-${String(lesson.day).padStart(2, '0')}`;
    add('lesson', {
      id: l + 1,
      class_id: 1,
      subject_id: 1,
      teacher_id: 1,
      date,
      lesson_number: l + 1,
      topic: 'Теңдемелер',
      is_substitution: 0,
      entered_at: `${date}T08:00:00.000Z`,
    });
    lesson.marks.forEach((value, s) => {
      if (value === null) return;
      markId += 1;
      add('mark', {
        id: markId,
        lesson_id: l + 1,
        student_id: s + 1,
        value,
        numeric_value: Number(value),
        mark_type: 'general',
        entered_at: `${date}T09:00:00.000Z`,
        changed_at: `${date}T09:00:00.000Z`,
      });
    });
  });
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: '2025-11-20T00:00:00.000Z',
    scope: null,
    tables,
  };
}

function journalOf(bundle: Bundle) {
  const { sync_run: _r, mirror_change: _c, ...journal } = bundle.tables;
  return journal;
}

describe('bundle importer (property-based)', () => {
  it('imports any school and exports it back unchanged', () => {
    fc.assert(
      fc.property(journalArb, (journal) => {
        const dir = tempDir();
        const bundle = bundleOf(journal);
        const file = path.join(dir, 'school.json');
        fs.writeFileSync(file, JSON.stringify(bundle));
        const mirror = emptyMirror(dir);
        try {
          syncBundleFile(mirror, file, context());
          expect(journalOf(collectBundle(mirror, new Date(0)))).toEqual(journalOf(bundle));
        } finally {
          mirror.close();
        }
      }),
      { numRuns: 15 },
    );
  });

  it('keeps exactly the marks that changed or disappeared between two bundles', () => {
    fc.assert(
      fc.property(
        journalArb,
        fc.array(fc.constantFrom(null, '2', '3', '4', '5'), { minLength: 40, maxLength: 40 }),
        (journal, replacements) => {
          const dir = tempDir();
          const first = path.join(dir, 'first.json');
          fs.writeFileSync(first, JSON.stringify(bundleOf(journal)));
          let i = 0;
          let changed = 0;
          let removed = 0;
          const edited: Journal = {
            students: journal.students,
            lessons: journal.lessons.map((lesson) => ({
              day: lesson.day,
              marks: lesson.marks.map((value) => {
                const replacement = replacements[i++ % replacements.length] ?? null;
                if (value === null) return null;
                if (replacement === null) removed++;
                else if (replacement !== value) changed++;
                return replacement;
              }),
            })),
          };
          // A mark that disappears shifts the ids of the marks after it: compare by position instead.
          const second = bundleOf(edited);
          const firstMarks = bundleOf(journal).tables.mark.rows;
          const keyed = new Map(firstMarks.map((r) => [`${String(r[1])}:${String(r[2])}`, r[0]]));
          for (const row of second.tables.mark.rows)
            row[0] = keyed.get(`${String(row[1])}:${String(row[2])}`) ?? null;
          const secondFile = path.join(dir, 'second.json');
          fs.writeFileSync(secondFile, JSON.stringify(second));
          const mirror = emptyMirror(dir);
          try {
            syncBundleFile(mirror, first, context());
            const result = syncBundleFile(mirror, secondFile, context('2025-11-21T09:00:00Z'));
            expect([result.added, result.changed, result.removed]).toEqual([0, changed, removed]);
            const kinds = listChanges(mirror).map((c) => c.kind);
            expect(kinds.filter((k) => k === 'mark_changed')).toHaveLength(changed);
            expect(kinds.filter((k) => k === 'mark_removed')).toHaveLength(removed);
          } finally {
            mirror.close();
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('refuses a bundle with any one cell of the wrong type, and changes nothing', () => {
    const wrongValues = fc.constantFrom<unknown>({}, [], true, 'x', -1.5, null);
    fc.assert(
      fc.property(journalArb, fc.nat(), fc.nat(), wrongValues, (journal, t, c, wrong) => {
        const bundle = bundleOf(journal);
        const filled = (Object.keys(bundle.tables) as BundleTable[]).filter(
          (k) => bundle.tables[k].rows.length > 0,
        );
        const table = filled[t % filled.length] as BundleTable;
        const columns = bundleTables[table];
        const column = columns[c % columns.length];
        const row = bundle.tables[table].rows[0];
        if (!column || !row) throw new Error('no row to corrupt');
        const type = column.type;
        const acceptable =
          (wrong === null && (typeof type === 'object' ? type.nullable === true : type.endsWith('?'))) ||
          (typeof wrong === 'string' && (type === 'text' || type === 'text?')) ||
          (typeof wrong === 'number' && (type === 'real' || type === 'real?'));
        fc.pre(!acceptable);
        row[c % columns.length] = wrong;
        const dir = tempDir();
        const mirror = emptyMirror(dir);
        try {
          const before = fingerprint(mirror);
          const file = path.join(dir, 'bad.json');
          fs.writeFileSync(file, JSON.stringify(bundle));
          expect(() => syncBundleFile(mirror, file, context())).toThrow(
            new RegExp(`table ${table}, row 1, column ${column.name}: expected`),
          );
          expect(fingerprint(mirror)).toBe(before);
        } finally {
          mirror.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
