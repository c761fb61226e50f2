import path from 'node:path';
import { fixedClock } from '../../src/core/clock';
import { openMirror, type Mirror } from '../../src/core/db/mirror';
import { insertRows } from '../../src/core/db/write-rows';
import { tempDir } from '../support/temp-dir';

/**
 * A school small enough to count by hand. Quarter 1 is two weeks (1–12 Sep 2025, Friday 5 Sep a
 * holiday: 9 working days, 1.8 weeks), quarter 2 the next two weeks. Class 5А has four students
 * (Данияр leaves on 8 Sep, his last day); class 1А one, and is not marked.
 *
 * Every indicator the tests check is worked out in comments next to the rows that make it.
 */
export const clock = fixedClock('2026-06-01T06:00:00.000Z');

export const ids = {
  teacherAsanov: 1,
  teacherPetrova: 2,
  teacherOsmonov: 3,
  math: 1,
  kyrgyz: 2,
  class5: 1,
  class1: 2,
  aibek: 1,
  begimai: 2,
  chyngyz: 3,
  daniyar: 4,
  emir: 5,
} as const;

const at = (day: string, hourUtc: number) => `${day}T${String(hourUtc).padStart(2, '0')}:00:00.000Z`;

export function constructedSchool(): { mirror: Mirror; dir: string } {
  const dir = tempDir();
  const mirror = openMirror(path.join(dir, 'mirror.db'), { create: true });
  mirror.transaction(() => {
    insertRows(mirror, 'school', [
      {
        id: 1,
        name_ky: '№ 7 мектеп',
        name_ru: 'Школа № 7',
        address_ky: '',
        address_ru: '',
        document_language: 'ky',
      },
    ]);
    insertRows(mirror, 'academic_year', [
      { id: 1, label: '2025-2026', starts_on: '2025-09-01', ends_on: '2026-05-25' },
    ]);
    insertRows(mirror, 'reporting_period', [
      {
        id: 1,
        academic_year_id: 1,
        kind: 'quarter',
        number: 1,
        starts_on: '2025-09-01',
        ends_on: '2025-09-12',
      },
      {
        id: 2,
        academic_year_id: 1,
        kind: 'quarter',
        number: 2,
        starts_on: '2025-09-15',
        ends_on: '2025-09-26',
      },
      {
        id: 3,
        academic_year_id: 1,
        kind: 'half_year',
        number: 1,
        starts_on: '2025-09-01',
        ends_on: '2025-09-26',
      },
      { id: 4, academic_year_id: 1, kind: 'year', number: 1, starts_on: '2025-09-01', ends_on: '2026-05-25' },
    ]);
    insertRows(mirror, 'holiday', [
      {
        id: 1,
        academic_year_id: 1,
        starts_on: '2025-09-05',
        ends_on: '2025-09-05',
        name_ky: 'Майрам',
        name_ru: 'Праздник',
      },
    ]);
    insertRows(mirror, 'staff', [
      { id: 1, last_name: 'Асанов', first_name: 'Бакыт', middle_name: 'Нурланович', position: 'teacher' },
      { id: 2, last_name: 'Петрова', first_name: 'Анна', middle_name: 'Сергеевна', position: 'teacher' },
      { id: 3, last_name: 'Осмонов', first_name: 'Тилек', middle_name: null, position: 'teacher' },
    ]);
    insertRows(mirror, 'subject', [
      { id: 1, code: 'math', name_ky: 'Математика', name_ru: 'Математика', short_ky: 'Мат', short_ru: 'Мат' },
      {
        id: 2,
        code: 'kyrgyz',
        name_ky: 'Кыргыз тили',
        name_ru: 'Кыргызский язык',
        short_ky: 'Кырг',
        short_ru: 'Кырг',
      },
    ]);
    insertRows(mirror, 'class', [
      { id: 1, academic_year_id: 1, grade: 5, letter: 'А', language: 'ky', class_teacher_id: 1 },
      { id: 2, academic_year_id: 1, grade: 1, letter: 'А', language: 'ky', class_teacher_id: 2 },
    ]);
    insertRows(mirror, 'student', [
      { id: 1, last_name: 'Асанов', first_name: 'Айбек', middle_name: null },
      { id: 2, last_name: 'Алиева', first_name: 'Бегимай', middle_name: null },
      { id: 3, last_name: 'Бакиров', first_name: 'Чынгыз', middle_name: null },
      { id: 4, last_name: 'Исаев', first_name: 'Данияр', middle_name: null },
      { id: 5, last_name: 'Токтогулов', first_name: 'Эмир', middle_name: null },
    ]);
    insertRows(mirror, 'enrollment', [
      { id: 1, class_id: 1, student_id: 1, joined_on: '2025-09-01', left_on: null },
      { id: 2, class_id: 1, student_id: 2, joined_on: '2025-09-01', left_on: null },
      { id: 3, class_id: 1, student_id: 3, joined_on: '2025-09-01', left_on: null },
      { id: 4, class_id: 1, student_id: 4, joined_on: '2025-09-01', left_on: '2025-09-08' },
      { id: 5, class_id: 2, student_id: 5, joined_on: '2025-09-01', left_on: null },
    ]);
    // Load: 5А math 2 h (Асанов), 5А Kyrgyz 1 h (Петрова), 1А math 1 h (Петрова).
    insertRows(mirror, 'teaching_assignment', [
      { id: 1, class_id: 1, subject_id: 1, subgroup_id: null, teacher_id: 1, weekly_hours: 2 },
      { id: 2, class_id: 1, subject_id: 2, subgroup_id: null, teacher_id: 2, weekly_hours: 1 },
      { id: 3, class_id: 2, subject_id: 1, subgroup_id: null, teacher_id: 2, weekly_hours: 1 },
    ]);
    const lesson = (
      id: number,
      classId: number,
      subjectId: number,
      teacherId: number,
      date: string,
      topic: string | null,
      homework: string | null,
      enteredAt: string,
      substitution = 0,
    ) => ({
      id,
      class_id: classId,
      subject_id: subjectId,
      subgroup_id: null,
      teacher_id: teacherId,
      date,
      lesson_number: 1,
      topic,
      homework,
      is_substitution: substitution,
      entered_at: enteredAt,
    });
    insertRows(mirror, 'lesson', [
      // 5А math, quarter 1: 6 held against 2 h × 1.8 weeks = 4 planned.
      lesson(1, 1, 1, 1, '2025-09-01', 'Сандар', '§1', at('2025-09-01', 4)),
      lesson(2, 1, 1, 1, '2025-09-03', null, '§2', at('2025-09-03', 4)), // no topic
      lesson(3, 1, 1, 1, '2025-09-08', 'Бөлчөк', '', at('2025-09-08', 4)), // no homework (blank)
      lesson(4, 1, 1, 1, '2025-09-10', 'Теңдеме', '§4', at('2025-09-12', 5)), // entered two days later
      lesson(5, 1, 1, 3, '2025-09-11', 'Теңдеме 2', '§5', at('2025-09-11', 4)), // substitute, not recorded
      lesson(6, 1, 1, 3, '2025-09-12', 'Кайталоо', '§6', at('2025-09-15', 4), 1), // recorded substitution, entered late
      // 5А Kyrgyz, quarter 1: 2 held against 1 h × 1.8 = 2 planned.
      lesson(7, 1, 2, 2, '2025-09-02', 'Тыбыштар', '§1', at('2025-09-02', 4)),
      lesson(8, 1, 2, 2, '2025-09-09', 'Сөз', null, at('2025-09-09', 4)), // no homework
      // 1А math: class 1 gets no homework, which is not a gap.
      lesson(9, 2, 1, 2, '2025-09-02', 'Санайбыз', null, at('2025-09-02', 4)),
      // Quarter 2.
      lesson(10, 1, 1, 1, '2025-09-15', 'Бурчтар', '§7', at('2025-09-15', 4)),
      lesson(11, 1, 1, 1, '2025-09-17', 'Үч бурчтук', '§8', at('2025-09-17', 4)),
      lesson(12, 1, 2, 2, '2025-09-16', 'Сүйлөм', '§2', at('2025-09-16', 4)),
    ]);
    let markId = 0;
    const mark = (
      lessonId: number,
      studentId: number,
      value: number,
      type: string,
      enteredAt: string,
      change?: { previous: string; at: string },
    ) => ({
      id: (markId += 1),
      lesson_id: lessonId,
      student_id: studentId,
      value: String(value),
      numeric_value: value,
      mark_type: type,
      previous_value: change?.previous ?? null,
      entered_at: enteredAt,
      changed_at: change?.at ?? enteredAt,
    });
    insertRows(mirror, 'mark', [
      // Lesson 1 (Mon 1 Sep), oral: due by the end of Tue 2 Sep, Bishkek time.
      mark(1, 1, 5, 'general', at('2025-09-01', 8)),
      mark(1, 2, 4, 'general', at('2025-09-03', 8)), // late
      mark(1, 3, 3, 'general', at('2025-09-02', 19)), // 01:00 on 3 Sep in Bishkek: late
      // Lesson 2 (Wed 3 Sep), control work: due by the end of Mon 8 Sep.
      mark(2, 1, 4, 'control', at('2025-09-08', 6)), // on the fifth day: in time
      mark(2, 2, 5, 'control', at('2025-09-09', 6)), // sixth day: late
      mark(2, 3, 2, 'control', at('2025-09-03', 6)),
      mark(2, 4, 3, 'control', at('2025-09-03', 6)),
      // Lesson 3: corrected two days later (4 → 5).
      mark(3, 1, 5, 'general', at('2025-09-08', 6), { previous: '4', at: at('2025-09-10', 6) }),
      mark(4, 2, 4, 'general', at('2025-09-10', 6)),
      // Lesson 5 (11 Sep): entered on 20 Sep, late and after quarter 1 ended: back-dated.
      mark(5, 1, 5, 'general', at('2025-09-20', 6)),
      // Kyrgyz.
      mark(7, 1, 5, 'general', at('2025-09-02', 6)),
      mark(7, 2, 3, 'general', at('2025-09-02', 6)),
      mark(8, 1, 4, 'write', at('2025-09-09', 6)),
      // Quarter 2, forecast as of Wed 17 Sep.
      mark(10, 1, 5, 'general', at('2025-09-15', 6), { previous: '4', at: at('2025-09-20', 6) }), // a 4 on 17 Sep
      mark(11, 1, 5, 'general', at('2025-09-17', 6)),
      mark(10, 2, 3, 'general', at('2025-09-15', 6)),
      mark(11, 2, 4, 'general', at('2025-09-18', 6)), // not yet in the journal on 17 Sep
      mark(10, 3, 2, 'general', at('2025-09-15', 6)),
      mark(11, 3, 2, 'general', at('2025-09-17', 6)),
      mark(12, 1, 4, 'general', at('2025-09-16', 6)),
      mark(12, 2, 3, 'general', at('2025-09-16', 6)),
    ]);
    const absent = (id: number, lessonId: number, studentId: number, reason: string, day: string) => ({
      id,
      lesson_id: lessonId,
      student_id: studentId,
      kind: 'absent',
      reason,
      late_minutes: null,
      entered_at: at(day, 6),
    });
    insertRows(mirror, 'attendance', [
      absent(1, 2, 1, 'Н', '2025-09-03'),
      absent(2, 4, 1, 'Н', '2025-09-10'),
      absent(3, 3, 2, 'Б', '2025-09-08'),
      absent(4, 1, 3, 'У', '2025-09-01'),
      absent(5, 3, 4, 'Н', '2025-09-08'),
      {
        id: 6,
        lesson_id: 7,
        student_id: 3,
        kind: 'late',
        reason: null,
        late_minutes: 5,
        entered_at: at('2025-09-02', 6),
      },
    ]);
    const final = (id: number, studentId: number, subjectId: number, value: string) => ({
      id,
      student_id: studentId,
      class_id: 1,
      subject_id: subjectId,
      period_id: 1,
      value,
      numeric_value: /^\d$/.test(value) ? Number(value) : null,
      entered_at: at('2025-09-12', 6),
      changed_at: at('2025-09-12', 6),
    });
    // The mirror's own change history (filled by sync): two mark changes in 5А math, one
    // change to 5А Kyrgyz after its copy was certified, and one change dated in quarter 2.
    const change = (id: number, kind: string, subjectId: number, lessonDate: string) => ({
      id,
      sync_run_id: null,
      seen_at: at('2025-09-25', 6),
      kind,
      entity: 'mark',
      entity_id: id,
      class_id: 1,
      subject_id: subjectId,
      student_id: 1,
      period_id: null,
      lesson_date: lessonDate,
      before_value: '4',
      after_value: '5',
      details_json: null,
    });
    insertRows(mirror, 'mirror_change', [
      change(1, 'mark_changed', 1, '2025-09-08'),
      change(2, 'mark_backdated', 1, '2025-09-11'),
      change(3, 'frozen_data_changed', 2, '2025-09-09'),
      change(4, 'mark_changed', 1, '2025-09-16'),
    ]);
    insertRows(mirror, 'period_final', [
      final(1, 1, 1, '5'),
      final(2, 1, 2, '5'),
      final(3, 2, 1, '4'),
      final(4, 2, 2, '3'),
      final(5, 3, 1, '2'),
      final(6, 3, 2, 'н/а'),
    ]);
  });
  return { mirror, dir };
}
