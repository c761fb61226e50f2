import path from 'node:path';
import { openMirror, type Mirror } from '../../src/core/db/mirror';
import type { MarkType } from '../../src/shared/mark-types';
import { tempDir } from '../support/temp-dir';

/**
 * A hand-made school small enough to know every answer: class 5А (math by Т1; English split
 * into two subgroups, Т2 and Т3) and class 10А (math by Т1), quarter 1 of 2025–26.
 */
export interface TinySchool {
  dir: string;
  mirror: Mirror;
  periodId: number;
  halfYearId: number;
  class5: number;
  class10: number;
  math: number;
  english: number;
  teacher: { t1: number; t2: number; t3: number; outsider: number; classTeacher: number };
  students: number[];
  subgroup1: number;
  subgroup2: number;
  lesson(fields: {
    classId?: number;
    subjectId?: number;
    subgroupId?: number | null;
    teacherId?: number;
    date: string;
    topic?: string | null;
    homework?: string | null;
    substitution?: boolean;
  }): number;
  mark(fields: {
    lessonId: number;
    studentId: number;
    value: number;
    type?: MarkType;
    enteredAt?: string;
    previous?: string | null;
  }): number;
  final(fields: {
    studentId: number;
    classId?: number;
    subjectId?: number;
    value: string;
    periodId?: number;
  }): void;
  close(): void;
}

export function createTinySchool(): TinySchool {
  const dir = tempDir();
  const mirror = openMirror(path.join(dir, 'mirror.sqlite'), { create: true });
  const insert = (sql: string, ...params: unknown[]): number =>
    Number(mirror.sqlite.prepare(sql).run(...params).lastInsertRowid);
  insert(`INSERT INTO school (name_ky, name_ru) VALUES ('№ 1 мектеп', 'Школа № 1')`);
  const yearId = insert(
    `INSERT INTO academic_year (label, starts_on, ends_on) VALUES ('2025-2026', '2025-09-01', '2026-05-25')`,
  );
  const periodId = insert(
    `INSERT INTO reporting_period (academic_year_id, kind, number, starts_on, ends_on) VALUES (?, 'quarter', 1, '2025-09-01', '2025-10-31')`,
    yearId,
  );
  const halfYearId = insert(
    `INSERT INTO reporting_period (academic_year_id, kind, number, starts_on, ends_on) VALUES (?, 'half_year', 1, '2025-09-01', '2025-12-30')`,
    yearId,
  );
  const staff = (last: string, first: string, position = 'teacher'): number =>
    insert(`INSERT INTO staff (last_name, first_name, position) VALUES (?, ?, ?)`, last, first, position);
  const teacher = {
    t1: staff('Асанова', 'Гүлзат'),
    t2: staff('Петрова', 'Ольга'),
    t3: staff('Үсөнов', 'Бакыт'),
    outsider: staff('Өмүрбекова', 'Айпери'),
    classTeacher: staff('Жумабеков', 'Нурлан'),
  };
  staff('Токтогулова', 'Чолпон', 'deputy');
  staff('Садыкова', 'Мээрим', 'secretary');
  staff('Кадыров', 'Эрлан', 'director');
  const math = insert(
    `INSERT INTO subject (code, name_ky, name_ru, short_ky, short_ru) VALUES ('math', 'Математика', 'Математика', 'Мат', 'Мат')`,
  );
  const english = insert(
    `INSERT INTO subject (code, name_ky, name_ru, short_ky, short_ru) VALUES ('english', 'Англис тили', 'Английский язык', 'Англ', 'Англ')`,
  );
  const class5 = insert(
    `INSERT INTO class (academic_year_id, grade, letter, language, class_teacher_id) VALUES (?, 5, 'А', 'ky', ?)`,
    yearId,
    teacher.classTeacher,
  );
  const class10 = insert(
    `INSERT INTO class (academic_year_id, grade, letter, language, class_teacher_id) VALUES (?, 10, 'А', 'ru', ?)`,
    yearId,
    teacher.t1,
  );
  const names = ['Айбек', 'Жибек', 'Эмир', 'Бегимай', 'Нурсултан'];
  const students = names.map((first, i) =>
    insert(
      `INSERT INTO student (last_name, first_name, kundoluk_pin) VALUES ('Осмонов', ?, ?)`,
      first,
      `P${i}`,
    ),
  );
  for (const s of students)
    insert(`INSERT INTO enrollment (class_id, student_id, joined_on) VALUES (?, ?, '2025-09-01')`, class5, s);
  // The fifth student left in October: no final, and no "few marks", is expected from them.
  mirror.sqlite.prepare(`UPDATE enrollment SET left_on = '2025-10-10' WHERE student_id = ?`).run(students[4]);
  const tenth = insert(`INSERT INTO student (last_name, first_name) VALUES ('Ким', 'Анна')`);
  insert(
    `INSERT INTO enrollment (class_id, student_id, joined_on) VALUES (?, ?, '2025-09-01')`,
    class10,
    tenth,
  );
  const subgroup1 = insert(
    `INSERT INTO subgroup (class_id, subject_id, name) VALUES (?, ?, '1')`,
    class5,
    english,
  );
  const subgroup2 = insert(
    `INSERT INTO subgroup (class_id, subject_id, name) VALUES (?, ?, '2')`,
    class5,
    english,
  );
  students.forEach((s, i) =>
    insert(
      `INSERT INTO subgroup_member (subgroup_id, student_id) VALUES (?, ?)`,
      i < 2 ? subgroup1 : subgroup2,
      s,
    ),
  );
  const assign = (classId: number, subjectId: number, teacherId: number, subgroupId: number | null = null) =>
    insert(
      `INSERT INTO teaching_assignment (class_id, subject_id, subgroup_id, teacher_id, weekly_hours) VALUES (?, ?, ?, ?, 4)`,
      classId,
      subjectId,
      subgroupId,
      teacherId,
    );
  assign(class5, math, teacher.t1);
  assign(class5, english, teacher.t2, subgroup1);
  assign(class5, english, teacher.t3, subgroup2);
  assign(class10, math, teacher.t1);
  // Each class's subjects synced through the quarter's end, as a Kundoluk account would bring them.
  for (const [classId, subjectId] of [
    [class5, math],
    [class5, english],
    [class10, math],
  ])
    insert(
      `INSERT INTO sync_coverage (class_id, subject_id, source, account, synced_through, synced_at)
       VALUES (?, ?, 'kundoluk', 'Асанова Гүлзат', '2025-10-31', '2025-11-01T06:00:00.000Z')`,
      classId,
      subjectId,
    );
  let lessonNumber = 0;
  return {
    dir,
    mirror,
    periodId,
    halfYearId,
    class5,
    class10,
    math,
    english,
    teacher,
    students,
    subgroup1,
    subgroup2,
    lesson(f) {
      lessonNumber += 1;
      return insert(
        `INSERT INTO lesson (class_id, subject_id, subgroup_id, teacher_id, date, lesson_number, topic, homework, is_substitution, entered_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        f.classId ?? class5,
        f.subjectId ?? math,
        f.subgroupId ?? null,
        f.teacherId ?? teacher.t1,
        f.date,
        lessonNumber,
        f.topic === undefined ? 'Бөлчөктөр' : f.topic,
        f.homework === undefined ? '§1, 1-көнүгүү' : f.homework,
        f.substitution ? 1 : 0,
        `${f.date}T04:00:00.000Z`,
      );
    },
    mark(f) {
      const lessonDate = mirror.sqlite
        .prepare<[number], { date: string }>('SELECT date FROM lesson WHERE id = ?')
        .get(f.lessonId)?.date;
      const enteredAt = f.enteredAt ?? `${lessonDate ?? ''}T06:00:00.000Z`;
      return insert(
        `INSERT INTO mark (lesson_id, student_id, value, numeric_value, mark_type, previous_value, entered_at, changed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        f.lessonId,
        f.studentId,
        String(f.value),
        f.value,
        f.type ?? 'general',
        f.previous ?? null,
        enteredAt,
        f.previous ? '2025-10-20T06:00:00.000Z' : enteredAt,
      );
    },
    final(f) {
      const numeric = Number(f.value);
      insert(
        `INSERT INTO period_final (student_id, class_id, subject_id, period_id, value, numeric_value, entered_at, changed_at)
         VALUES (?, ?, ?, ?, ?, ?, '2025-10-30T06:00:00.000Z', '2025-10-30T06:00:00.000Z')`,
        f.studentId,
        f.classId ?? class5,
        f.subjectId ?? math,
        f.periodId ?? periodId,
        f.value,
        Number.isFinite(numeric) ? numeric : null,
      );
    },
    close() {
      mirror.close();
    },
  };
}

/** A quarter with nothing wrong: every rule must stay silent on it. */
export function fillCleanQuarter(s: TinySchool): number[] {
  const [a, b, c, d] = s.students as [number, number, number, number];
  const mathLessons: number[] = [];
  for (const date of ['2025-09-10', '2025-09-17', '2025-09-24']) {
    const lessonId = s.lesson({ date });
    mathLessons.push(lessonId);
    for (const student of [a, b, c, d]) s.mark({ lessonId, studentId: student, value: 4 });
  }
  for (const date of ['2025-09-11', '2025-09-18']) {
    const g1 = s.lesson({ date, subjectId: s.english, subgroupId: s.subgroup1, teacherId: s.teacher.t2 });
    const g2 = s.lesson({ date, subjectId: s.english, subgroupId: s.subgroup2, teacherId: s.teacher.t3 });
    for (const student of [a, b]) s.mark({ lessonId: g1, studentId: student, value: 5 });
    for (const student of [c, d]) s.mark({ lessonId: g2, studentId: student, value: 3 });
    const tenth = s.lesson({ date, classId: s.class10, teacherId: s.teacher.t1 });
    const tenthStudent = s.mirror.sqlite
      .prepare<[number], { student_id: number }>('SELECT student_id FROM enrollment WHERE class_id = ?')
      .get(s.class10);
    s.mark({ lessonId: tenth, studentId: tenthStudent?.student_id ?? 0, value: 4 });
  }
  for (const student of [a, b, c, d]) s.final({ studentId: student, value: '4' });
  for (const student of [a, b]) s.final({ studentId: student, subjectId: s.english, value: '5' });
  for (const student of [c, d]) s.final({ studentId: student, subjectId: s.english, value: '3' });
  return mathLessons;
}
