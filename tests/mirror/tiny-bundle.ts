import { bundleTables, type BundleTable } from '../../src/core/mirror/bundle/columns';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle } from '../../src/core/mirror/bundle/format';

export interface Journal {
  students: number;
  lessons: { day: number; marks: (string | null)[] }[];
}

/** A small, complete school as a bundle: one class, its students, lessons in September, marks. */
export function bundleOf(journal: Journal): Bundle {
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
