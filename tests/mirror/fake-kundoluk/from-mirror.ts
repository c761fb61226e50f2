import type { Mirror } from '../../../src/core/db/mirror';

/** One lesson as Kundoluk's gradebook list sends it. */
export interface FakeLesson {
  uid: string;
  lessonDay: string;
  marks: FakeMark[];
  [field: string]: unknown;
}

export interface FakeMark {
  mark_id: string;
  mark: string | null;
  old_mark: string | null;
  created_at: string;
  updated_at: string;
  [field: string]: unknown;
}

export interface FakeQuarterMark {
  quarterDate: string;
  [field: string]: unknown;
}

interface LessonRow {
  id: number;
  date: string;
  lesson_number: number;
  topic: string | null;
  homework: string | null;
  class_id: number;
  grade: number;
  letter: string;
  subgroup_id: number | null;
  subgroup_name: string | null;
  pin: string;
  t_first: string;
  t_last: string;
  t_middle: string | null;
  code: string;
  name_ky: string;
  name_ru: string;
  short_ru: string;
}

/**
 * What Kundoluk would send for a school's journal: built from a mirror (the demo school), with
 * Kundoluk's own keys (gradeId, uid, mark_id, idStudent) derived from the mirror's ids.
 */
export function kundolukDataFromMirror(mirror: Mirror): {
  lessons: FakeLesson[];
  quarterMarks: FakeQuarterMark[];
} {
  const db = mirror.sqlite;
  const lessons = db
    .prepare(
      `SELECT l.id, l.date, l.lesson_number, l.topic, l.homework, l.class_id, c.grade, c.letter, l.subgroup_id,
              g.name AS subgroup_name, s.kundoluk_pin AS pin, s.first_name AS t_first, s.last_name AS t_last,
              s.middle_name AS t_middle, j.code, j.name_ky, j.name_ru, j.short_ru
       FROM lesson l JOIN class c ON c.id = l.class_id JOIN staff s ON s.id = l.teacher_id
       JOIN subject j ON j.id = l.subject_id LEFT JOIN subgroup g ON g.id = l.subgroup_id ORDER BY l.id`,
    )
    .all() as LessonRow[];
  const marks = db.prepare(
    `SELECT m.id, m.value, m.mark_type, m.previous_value, m.entered_at, m.changed_at, s.id AS student_id,
            s.kundoluk_pin, s.first_name, s.last_name, s.middle_name
     FROM mark m JOIN student s ON s.id = m.student_id WHERE m.lesson_id = ? ORDER BY m.id`,
  );
  const absences = db.prepare(
    `SELECT a.id, a.kind, a.reason, a.late_minutes, a.entered_at, s.id AS student_id, s.kundoluk_pin,
            s.first_name, s.last_name, s.middle_name
     FROM attendance a JOIN student s ON s.id = a.student_id WHERE a.lesson_id = ? ORDER BY a.id`,
  );
  const student = (r: Record<string, unknown>) => ({
    idStudent: `S${String(r.student_id)}`,
    student_pin: r.kundoluk_pin,
    first_name: r.first_name,
    last_name: r.last_name,
    mid_name: r.middle_name,
  });
  const out: FakeLesson[] = lessons.map((l) => ({
    uid: `L${l.id}`,
    scheduleItemId: `S${l.class_id}-${l.lesson_number}`,
    lesson: l.lesson_number,
    startTime: '08:00',
    endTime: '08:45',
    lessonDay: l.date,
    year: Number(l.date.slice(0, 4)),
    month: Number(l.date.slice(5, 7)),
    day: Number(l.date.slice(8, 10)),
    gradeId: `G${l.class_id}`,
    grade: l.grade,
    letter: l.letter,
    groupId: l.subgroup_id === null ? null : `SG${l.subgroup_id}`,
    subjectGroupName: l.subgroup_name,
    teacher: { pin: l.pin, firstName: l.t_first, lastName: l.t_last, midName: l.t_middle },
    subject: { code: l.code, name: l.name_ru, nameKg: l.name_ky, nameRu: l.name_ru, short: l.short_ru },
    topic: l.topic === null ? null : { code: null, name: l.topic, lessonDay: l.date },
    task: l.homework === null ? null : { code: null, name: l.homework, note: null, lessonDay: l.date },
    marks: [
      ...(marks.all(l.id) as Record<string, unknown>[]).map((m) => ({
        mark_id: `M${String(m.id)}`,
        uid: `L${l.id}`,
        ...student(m),
        mark: m.value as string,
        mark_type: m.mark_type,
        old_mark: m.previous_value as string | null,
        custom_mark: null,
        absent: false,
        absent_type: 'present',
        absent_reason: null,
        late_minutes: null,
        note: null,
        created_at: m.entered_at as string,
        updated_at: m.changed_at as string,
      })),
      ...(absences.all(l.id) as Record<string, unknown>[]).map((a) => ({
        mark_id: `A${String(a.id)}`,
        uid: `L${l.id}`,
        ...student(a),
        mark: null,
        mark_type: null,
        old_mark: null,
        custom_mark: null,
        absent: true,
        absent_type: a.kind,
        absent_reason: a.reason,
        late_minutes: a.late_minutes,
        note: null,
        created_at: a.entered_at as string,
        updated_at: a.entered_at as string,
      })),
    ],
  }));
  const finals = db
    .prepare(
      `SELECT f.id, f.class_id, f.student_id, f.subject_id, f.value, f.entered_at, p.kind, p.number, j.name_ky, j.name_ru
       FROM period_final f JOIN reporting_period p ON p.id = f.period_id JOIN subject j ON j.id = f.subject_id
       WHERE p.kind IN ('quarter', 'year') ORDER BY f.id`,
    )
    .all() as Record<string, unknown>[];
  const quarterMarks = finals.map((f) => ({
    objectId: `F${String(f.id)}`,
    gradeId: `G${String(f.class_id)}`,
    studentId: `S${String(f.student_id)}`,
    subjectId: `J${String(f.subject_id)}`,
    quarter: f.kind === 'year' ? 5 : (f.number as number),
    quarterAvg: null,
    quarterMark: f.value,
    customMark: null,
    quarterDate: f.entered_at as string,
    staffId: null,
    subjectNameKg: f.name_ky,
    subjectNameRu: f.name_ru,
  }));
  return { lessons: out, quarterMarks };
}
