import type { Mirror } from '../../../src/core/db/mirror';
import type { FakeLesson, FakeMark, FakeQuarter, FakeQuarterMark, FakeStudent } from './shapes';

export type { FakeLesson, FakeMark, FakeQuarter, FakeQuarterMark, FakeStudent } from './shapes';

interface LessonRow {
  id: number;
  date: string;
  lesson_number: number;
  topic: string | null;
  homework: string | null;
  class_id: number;
  grade: number;
  letter: string;
  subject_id: number;
  subgroup_id: number | null;
  subgroup_name: string | null;
  pin: string | null;
  t_first: string;
  t_last: string;
  t_middle: string | null;
  code: string;
  name_ky: string;
  name_ru: string;
  short_ky: string;
  short_ru: string;
}

interface StudentRow {
  id: number;
  kundoluk_pin: string;
  first_name: string;
  last_name: string;
  middle_name: string | null;
}

/** The school's wall clock (Bishkek, UTC+6) without an offset, as the service writes `created_at`. */
export function bishkekTime(iso: string): string {
  return new Date(Date.parse(iso) + 6 * 3_600_000).toISOString().slice(0, 19);
}

/**
 * What Kundoluk would hold for a school's journal, built from a mirror (the demo school), with
 * Kundoluk's own keys (gradeId, uid, mark_id, idStudent) derived from the mirror's ids. Quarter
 * finals travel as records of mark type `quarter` on the quarter's last lesson of the subject.
 */
export function kundolukDataFromMirror(
  mirror: Mirror,
  range: { from: string; to: string } = { from: '0000-01-01', to: '9999-12-31' },
): { lessons: FakeLesson[]; quarters: FakeQuarter[]; quarterMarks: FakeQuarterMark[] } {
  const db = mirror.sqlite;
  const quarters = db
    .prepare(
      'SELECT number, starts_on AS "from", ends_on AS "to" FROM reporting_period WHERE kind = \'quarter\' ORDER BY number',
    )
    .all() as FakeQuarter[];
  const lessons = db
    .prepare(
      `SELECT l.id, l.date, l.lesson_number, l.topic, l.homework, l.class_id, c.grade, c.letter, l.subject_id,
              l.subgroup_id, g.name AS subgroup_name, s.kundoluk_pin AS pin, s.first_name AS t_first,
              s.last_name AS t_last, s.middle_name AS t_middle, j.code, j.name_ky, j.name_ru, j.short_ky, j.short_ru
       FROM lesson l JOIN class c ON c.id = l.class_id JOIN staff s ON s.id = l.teacher_id
       JOIN subject j ON j.id = l.subject_id LEFT JOIN subgroup g ON g.id = l.subgroup_id
       WHERE l.date BETWEEN ? AND ? ORDER BY l.id`,
    )
    .all(range.from, range.to) as LessonRow[];
  const rosterOf = db.prepare(
    `SELECT s.id, s.kundoluk_pin, s.first_name, s.last_name, s.middle_name FROM enrollment e
     JOIN student s ON s.id = e.student_id
     WHERE e.class_id = @class AND e.joined_on <= @date AND (e.left_on IS NULL OR e.left_on >= @date)
       AND (@subgroup IS NULL OR s.id IN (SELECT student_id FROM subgroup_member WHERE subgroup_id = @subgroup))
     ORDER BY s.id`,
  );
  const marksOf = db.prepare(
    'SELECT id, student_id, value, mark_type, previous_value, entered_at, changed_at FROM mark WHERE lesson_id = ? ORDER BY id',
  );
  const absencesOf = db.prepare(
    'SELECT id, student_id, kind, reason, late_minutes, entered_at FROM attendance WHERE lesson_id = ? ORDER BY id',
  );
  const lastLessons = new Map<string, number>();
  for (const l of lessons) {
    const quarter = quarters.find((q) => q.from <= l.date && l.date <= q.to);
    if (quarter)
      lastLessons.set(`${quarter.number}:${l.class_id}:${l.subject_id}:${l.subgroup_id ?? '-'}`, l.id);
  }
  const finalsOf = db.prepare(
    `SELECT f.id, f.student_id, f.value, f.entered_at, f.changed_at FROM period_final f
     JOIN reporting_period p ON p.id = f.period_id
     WHERE p.kind = 'quarter' AND p.number = ? AND f.class_id = ? AND f.subject_id = ? ORDER BY f.id`,
  );
  const record = (
    lessonUid: string,
    s: StudentRow,
    fields: Partial<FakeMark> & { mark_id: string },
  ): FakeMark => ({
    uid: fields.mark_id,
    ls_uid: lessonUid,
    idStudent: `S${s.id}`,
    student_pin: Number(s.kundoluk_pin),
    student_pin_as_string: s.kundoluk_pin,
    first_name: s.first_name,
    last_name: s.last_name,
    mid_name: s.middle_name,
    mark: 0,
    mark_type: null,
    old_mark: null,
    custom_mark: null,
    absent: false,
    absent_type: null,
    absent_reason: null,
    late_minutes: null,
    note: null,
    created_at: '',
    updated_at: '',
    ...fields,
  });
  const asMark = (value: string) =>
    /^\d+$/.test(value) ? { mark: Number(value), custom_mark: null } : { mark: 0, custom_mark: value };

  const out: FakeLesson[] = lessons.map((l) => {
    const uid = `L${l.id}`;
    const roster = rosterOf.all({ class: l.class_id, date: l.date, subgroup: l.subgroup_id }) as StudentRow[];
    const byId = new Map(roster.map((s) => [s.id, { s, marks: [] as FakeMark[] }]));
    const of = (studentId: number) => byId.get(studentId);
    for (const m of marksOf.all(l.id) as Record<string, string | number | null>[]) {
      of(m.student_id as number)?.marks.push(
        record(uid, (of(m.student_id as number) as { s: StudentRow }).s, {
          mark_id: `M${String(m.id)}`,
          ...asMark(String(m.value)),
          mark_type: m.mark_type as string,
          old_mark: m.previous_value === null ? null : Number(m.previous_value),
          created_at: bishkekTime(String(m.entered_at)),
          updated_at: bishkekTime(String(m.changed_at)),
        }),
      );
    }
    for (const a of absencesOf.all(l.id) as Record<string, string | number | null>[]) {
      const late = a.kind === 'late';
      of(a.student_id as number)?.marks.push(
        record(uid, (of(a.student_id as number) as { s: StudentRow }).s, {
          mark_id: `A${String(a.id)}`,
          absent: !late,
          absent_type: String(a.kind),
          absent_reason: a.reason as string | null,
          late_minutes: a.late_minutes as number | null,
          created_at: bishkekTime(String(a.entered_at)),
          updated_at: bishkekTime(String(a.entered_at)),
        }),
      );
    }
    const quarter = quarters.find((q) => q.from <= l.date && l.date <= q.to);
    const key = quarter && `${quarter.number}:${l.class_id}:${l.subject_id}:${l.subgroup_id ?? '-'}`;
    if (quarter && key && lastLessons.get(key) === l.id) {
      for (const f of finalsOf.all(quarter.number, l.class_id, l.subject_id) as Record<
        string,
        string | number
      >[]) {
        const student = of(f.student_id as number);
        if (student === undefined) continue;
        student.marks.push(
          record(uid, student.s, {
            mark_id: `F${String(f.id)}`,
            ...asMark(String(f.value)),
            mark_type: 'quarter',
            created_at: bishkekTime(String(f.entered_at)),
            updated_at: bishkekTime(String(f.changed_at)),
          }),
        );
      }
    }
    const students: FakeStudent[] = [...byId.values()].map(({ s, marks }) => ({
      studentId: `S${s.id}`,
      pin: Number(s.kundoluk_pin),
      pinAsString: s.kundoluk_pin,
      firstName: s.first_name,
      lastName: s.last_name,
      middleName: s.middle_name,
      marks,
    }));
    return {
      uid,
      scheduleItemId: `SI${l.class_id}-${l.lesson_number}`,
      lesson: l.lesson_number,
      startTime: '08:00',
      endTime: '08:45',
      lessonDay: `${l.date}T00:00:00`,
      year: Number(l.date.slice(0, 4)),
      month: Number(l.date.slice(5, 7)),
      day: Number(l.date.slice(8, 10)),
      okpo: null,
      gradeId: `G${l.class_id}`,
      grade: l.grade,
      letter: l.letter,
      isKrujok: false,
      isContentSubject: true,
      group: l.subgroup_id === null ? 0 : 1 + (l.subgroup_id % 2),
      groupId: l.subgroup_id === null ? null : `SG${l.subgroup_id}`,
      subjectGroupName: l.subgroup_name,
      subjectId: l.code,
      teacher:
        l.pin === null
          ? null
          : {
              pin: Number(l.pin),
              pinAsString: l.pin,
              firstName: l.t_first,
              lastName: l.t_last,
              midName: l.t_middle,
            },
      subject: {
        subjectId: l.code,
        code: l.code,
        name: l.name_ru,
        nameKg: l.name_ky,
        nameRu: l.name_ru,
        short: l.short_ru,
        shortKg: l.short_ky,
        shortRu: l.short_ru,
      },
      topic: l.topic === null ? null : { code: null, name: l.topic, lessonDay: `${l.date}T00:00:00` },
      task:
        l.homework === null
          ? null
          : { code: null, name: l.homework, note: null, lessonDay: `${l.date}T00:00:00` },
      students,
    };
  });
  return { lessons: out, quarters, quarterMarks: [] };
}
