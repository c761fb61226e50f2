import type { Mirror } from '../../db/mirror';
import { MoorError } from '../../errors';
import type { AbsenceReason } from '../../db/schema';
import type { LessonScope, Row, SyncBatch } from '../batch';
import { markTypes } from '../../../shared/mark-types';
import type { IdAllocator } from '../id-allocator';
import type { KundolukDirectory } from './directory';
import type { GradebookLesson, GradebookMark } from './schemas';

const knownMarkTypes: ReadonlySet<string> = new Set(markTypes);

/** Kundoluk writes the reason as the journal's letter or as a word; both are read. */
const reasons: ReadonlyMap<string, AbsenceReason> = new Map([
  ['н', 'Н'],
  ['unexcused', 'Н'],
  ['б', 'Б'],
  ['ill', 'Б'],
  ['illness', 'Б'],
  ['sick', 'Б'],
  ['у', 'У'],
  ['excused', 'У'],
  ['valid', 'У'],
]);

/** The service repeats items: the last copy of each lesson, and of each mark, wins. */
export function dedupeLessons(lessons: readonly GradebookLesson[]): GradebookLesson[] {
  const byUid = new Map<string, GradebookLesson>();
  for (const lesson of lessons) byUid.set(lesson.uid, lesson);
  return [...byUid.values()].map((lesson) => {
    const marks = new Map<string, GradebookMark>();
    for (const mark of lesson.marks) marks.set(mark.mark_id, mark);
    return { ...lesson, marks: [...marks.values()] };
  });
}

interface Known {
  /** The mirror's row with this Kundoluk reference (kundoluk:lesson:… / kundoluk:mark:…), if any. */
  lessonByRef(ref: string): Row | undefined;
  markByRef(ref: string): Row | undefined;
  attendance: Map<string, Row>;
  /** Lessons in the range that came from elsewhere (a bundle, a workbook), by class, subject, subgroup, date and number. */
  unclaimedLessons: Map<string, Row>;
  /** Their marks, by lesson and student, in the order entered. */
  unclaimedMarks: Map<string, Row[]>;
}

// Only what matching needs: the journal's text and raw JSON stay on disk until the diff reads them.
const LESSON_FIELDS = [
  'id',
  'class_id',
  'subject_id',
  'subgroup_id',
  'date',
  'lesson_number',
  'is_substitution',
  'entered_at',
  'source_ref',
];
const MARK_FIELDS = ['id', 'lesson_id', 'student_id', 'value', 'source_ref'];
const fieldsOf = (fields: readonly string[], alias: string) => fields.map((f) => `${alias}.${f}`).join(', ');

const lessonKey = (r: Row) =>
  `${String(r.class_id)}:${String(r.subject_id)}:${String(r.subgroup_id ?? '-')}:${String(r.date)}:${String(r.lesson_number)}`;
const fromKundoluk = (r: Row) => typeof r.source_ref === 'string' && r.source_ref.startsWith('kundoluk:');

/**
 * Rows already seen from Kundoluk, read for the range only, so a week's re-sync costs a week
 * whatever the mirror holds; a reference the range lacks (a lesson moved to another day) is
 * looked up by its unique index.
 */
function byRef(mirror: Mirror, table: 'lesson' | 'mark', inRange: readonly Row[]) {
  const loaded = new Map(inRange.filter(fromKundoluk).map((r) => [String(r.source_ref), r]));
  const fields = fieldsOf(table === 'lesson' ? LESSON_FIELDS : MARK_FIELDS, 't');
  const one = mirror.sqlite.prepare(`SELECT ${fields} FROM ${table} t WHERE t.source_ref = ?`);
  return (ref: string) => loaded.get(ref) ?? (one.get(ref) as Row | undefined);
}

function knownRows(mirror: Mirror, range: { from: string; to: string }): Known {
  const attendance = new Map<string, Row>();
  const inRange = mirror.sqlite.prepare(
    'SELECT a.id, a.lesson_id, a.student_id FROM attendance a JOIN lesson l ON l.id = a.lesson_id WHERE l.date BETWEEN ? AND ?',
  );
  for (const row of inRange.all(range.from, range.to) as Row[]) {
    attendance.set(`${String(row.lesson_id)}:${String(row.student_id)}`, row);
  }
  const lessons = mirror.sqlite
    .prepare(
      `SELECT ${fieldsOf(LESSON_FIELDS, 'l')} FROM lesson l WHERE l.date BETWEEN ? AND ? ORDER BY l.id`,
    )
    .all(range.from, range.to) as Row[];
  const unclaimedLessons = new Map<string, Row>();
  for (const lesson of lessons) if (!fromKundoluk(lesson)) unclaimedLessons.set(lessonKey(lesson), lesson);
  const marks = mirror.sqlite
    .prepare(
      `SELECT ${fieldsOf(MARK_FIELDS, 'm')} FROM mark m JOIN lesson l ON l.id = m.lesson_id WHERE l.date BETWEEN ? AND ? ORDER BY m.id`,
    )
    .all(range.from, range.to) as Row[];
  const unclaimedMarks = new Map<string, Row[]>();
  for (const mark of marks) {
    if (fromKundoluk(mark)) continue;
    const key = `${String(mark.lesson_id)}:${String(mark.student_id)}`;
    const list = unclaimedMarks.get(key);
    if (list === undefined) unclaimedMarks.set(key, [mark]);
    else list.push(mark);
  }
  return {
    lessonByRef: byRef(mirror, 'lesson', lessons),
    markByRef: byRef(mirror, 'mark', marks),
    attendance,
    unclaimedLessons,
    unclaimedMarks,
  };
}

/**
 * The mirror's mark that a Kundoluk mark is: the one with its reference, or else one of the same
 * student's marks on that lesson that came from elsewhere (the same value first), so that a mirror
 * first filled from a bundle or a workbook does not see every mark removed and added again.
 */
function claimMark(
  known: Known,
  ref: string,
  lessonId: number,
  studentId: number,
  value: string,
): Row | undefined {
  const seen = known.markByRef(ref);
  if (seen !== undefined) return seen;
  const candidates = known.unclaimedMarks.get(`${lessonId}:${studentId}`);
  if (candidates === undefined || candidates.length === 0) return undefined;
  const index = Math.max(
    0,
    candidates.findIndex((m) => m.value === value),
  );
  return candidates.splice(index, 1)[0];
}

/** Maps Kundoluk's gradebook onto mirror rows: lessons with topic and homework, marks, absences. */
export function mapGradebook(
  mirror: Mirror,
  items: readonly GradebookLesson[],
  range: { from: string; to: string },
  directory: KundolukDirectory,
  ids: IdAllocator,
  batch: SyncBatch,
  seenAt: string,
): LessonScope[] {
  const known = knownRows(mirror, range);
  const scopes = new Map<string, LessonScope>();
  const unknownTypes = new Set<string>();
  for (const item of dedupeLessons(items)) {
    const date = item.lessonDay.slice(0, 10);
    if (date < range.from || date > range.to) {
      batch.warnings.push(
        `Kundoluk sent lesson ${item.uid} of ${date}, outside ${range.from} – ${range.to}; it was left out.`,
      );
      continue;
    }
    const year = directory.yearOf(date);
    const classId = directory.classId(item);
    const subjectId = directory.subjectId(item.subject);
    const teacherId = directory.teacherId(item.teacher);
    const subgroupId =
      item.groupId === null
        ? null
        : directory.subgroupId(classId, subjectId, item.subjectGroupName ?? item.groupId);
    directory.assignment(classId, subjectId, subgroupId, teacherId);
    scopes.set(`${classId}:${subjectId}:${subgroupId ?? '-'}`, {
      classId,
      subjectId,
      subgroupId,
      from: range.from,
      to: range.to,
    });
    const ref = `kundoluk:lesson:${item.uid}`;
    const naturalKey = lessonKey({
      class_id: classId,
      subject_id: subjectId,
      subgroup_id: subgroupId,
      date,
      lesson_number: item.lesson,
    });
    const before = known.lessonByRef(ref) ?? known.unclaimedLessons.get(naturalKey);
    known.unclaimedLessons.delete(naturalKey);
    const seenOn = before === undefined ? date : String(before.date);
    if (seenOn < range.from || seenOn > range.to) {
      // Its row, marks and absences lie outside what this sync may replace: say how to take it in.
      const from = seenOn < range.from ? seenOn : range.from;
      const to = seenOn > range.to ? seenOn : range.to;
      throw new MoorError(
        'KUNDOLUK_LESSON_MOVED',
        `Kundoluk moved lesson ${item.uid} from ${seenOn} to ${date}, outside ${range.from} – ${range.to}. ` +
          `Sync ${from} – ${to} so that both days are covered; the mirror was not changed.`,
        { uid: item.uid, from: seenOn, to: date },
      );
    }
    const { marks, ...rest } = item;
    const homework = [item.task?.name, item.task?.note]
      .filter((t) => t != null && t.trim() !== '')
      .join('. ');
    const lesson: Row = {
      id: before?.id ?? ids.next('lesson'),
      class_id: classId,
      subject_id: subjectId,
      subgroup_id: subgroupId,
      teacher_id: teacherId,
      date,
      lesson_number: item.lesson,
      topic: item.topic?.name ?? null,
      homework: homework === '' ? null : homework,
      is_substitution: before?.is_substitution ?? 0,
      entered_at: before?.entered_at ?? seenAt,
      source_ref: ref,
      raw: JSON.stringify(rest),
    };
    batch.lessons.push(lesson);
    const absentStudents = new Set<number>();
    for (const mark of marks) {
      const studentId = directory.studentId(mark, classId, year.startsOn);
      if (subgroupId !== null) directory.member(subgroupId, studentId);
      const value = mark.custom_mark ?? mark.mark;
      if (value !== null) {
        const type = mark.mark_type ?? 'general';
        if (!knownMarkTypes.has(type)) unknownTypes.add(type);
        const markRef = `kundoluk:mark:${mark.mark_id}`;
        const numeric = Number(value.replace(',', '.'));
        const enteredAt = mark.created_at ?? seenAt;
        const previous = claimMark(known, markRef, lesson.id as number, studentId, value);
        batch.marks.push({
          id: previous?.id ?? ids.next('mark'),
          lesson_id: lesson.id as number,
          student_id: studentId,
          value,
          numeric_value: Number.isFinite(numeric) ? numeric : null,
          mark_type: knownMarkTypes.has(type) ? type : 'general',
          previous_value: mark.old_mark,
          entered_at: enteredAt,
          changed_at: mark.updated_at ?? enteredAt,
          source_ref: markRef,
          raw: JSON.stringify(mark),
        });
      }
      const kind = mark.absent_type ?? (mark.absent === true || mark.absent === 1 ? 'absent' : null);
      if ((kind === 'absent' || kind === 'late') && !absentStudents.has(studentId)) {
        absentStudents.add(studentId);
        const reasonText = (mark.absent_reason ?? 'н').trim().toLowerCase();
        const reason = reasons.get(reasonText);
        if (kind === 'absent' && reason === undefined) {
          batch.warnings.push(
            `Absence reason "${mark.absent_reason ?? ''}" (mark ${mark.mark_id}) is not Н, Б or У; kept as Н.`,
          );
        }
        const before = known.attendance.get(`${String(lesson.id)}:${studentId}`);
        batch.attendance.push({
          id: before?.id ?? ids.next('attendance'),
          lesson_id: lesson.id as number,
          student_id: studentId,
          kind,
          reason: kind === 'absent' ? (reason ?? 'Н') : null,
          late_minutes: kind === 'late' ? (mark.late_minutes ?? 0) : null,
          entered_at: mark.created_at ?? seenAt,
          source_ref: `kundoluk:absence:${mark.mark_id}`,
        });
      }
    }
  }
  for (const type of unknownTypes)
    batch.warnings.push(`Mark type "${type}" is new to Мөөр; kept as general.`);
  return [...scopes.values()];
}
