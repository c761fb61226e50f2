import type { Mirror } from '../../db/mirror';
import { MoorError } from '../../errors';
import type { AbsenceReason } from '../../db/schema';
import type { FinalScope, LessonScope, Row, SyncBatch } from '../batch';
import { markTypes } from '../../../shared/mark-types';
import type { IdAllocator } from '../id-allocator';
import type { KundolukDirectory, KundolukPerson } from './directory';
import { putFinal } from './map-quarter-marks';
import { lessonDate, lessonRecords, type LessonRecord } from './records';
import type { KundolukLesson } from './schemas';
import { instantOf } from './values';

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

/** What Kundoluk sent for one range: the schedule, and the quarter's marks and absences when asked. */
export interface GradebookAnswers {
  lessons: readonly KundolukLesson[];
  /** `term/{n}?absent=0`, null when not asked (a past school year is not served). */
  marked: readonly KundolukLesson[] | null;
  /** `term/{n}?absent=1`, likewise. */
  absences: readonly KundolukLesson[] | null;
  endpoints: { list: string; term: string };
}

interface Merged {
  lesson: KundolukLesson;
  date: string;
  /** Records and the students each answer listed, by which answer brought them. */
  sources: { records: LessonRecord[]; listed: KundolukPerson[]; reports: 'marks' | 'attendance' | null }[];
}

/** One lesson per uid (the service repeats items): the schedule's copy, with each answer's records. */
function mergeAnswers(answers: GradebookAnswers, range: { from: string; to: string }, batch: SyncBatch) {
  const merged = new Map<string, Merged>();
  const take = (lesson: KundolukLesson, endpoint: string, reports: 'marks' | 'attendance' | null) => {
    const date = lessonDate(lesson, endpoint);
    if (date < range.from || date > range.to) {
      if (reports === null) {
        batch.warnings.push(
          `Kundoluk sent lesson ${lesson.uid} of ${date}, outside ${range.from} – ${range.to}; it was left out.`,
        );
      }
      return;
    }
    const entry = merged.get(lesson.uid) ?? { lesson, date, sources: [] };
    if (reports === null) Object.assign(entry, { lesson, date });
    const { records, listed } = lessonRecords(lesson, endpoint);
    entry.sources.push({ records, listed, reports });
    merged.set(lesson.uid, entry);
  };
  for (const lesson of answers.lessons) take(lesson, answers.endpoints.list, null);
  for (const lesson of answers.marked ?? []) take(lesson, answers.endpoints.term, 'marks');
  for (const lesson of answers.absences ?? []) take(lesson, answers.endpoints.term, 'attendance');
  return [...merged.values()];
}

/**
 * Maps Kundoluk's gradebook onto mirror rows: lessons with topic and homework from the schedule,
 * marks, absences and quarter finals from the records the answers carry. Clubs (`isKrujok`) are
 * not journal subjects and stay out.
 */
export function mapGradebook(
  mirror: Mirror,
  answers: GradebookAnswers,
  range: { from: string; to: string },
  requested: { from: string; to: string },
  directory: KundolukDirectory,
  ids: IdAllocator,
  batch: SyncBatch,
  seenAt: string,
): { lessons: LessonScope[]; finals: FinalScope[] } {
  const known = knownRows(mirror, range);
  const scopes = new Map<string, LessonScope>();
  const finalScopes = new Map<string, FinalScope & { studentIds: number[] }>();
  const unknownTypes = new Set<string>();
  const reportedMarks = new Set<string>();
  const reportedAttendance = new Set<string>();
  const findPeriod = mirror.sqlite.prepare<[number, string, string], { id: number }>(
    "SELECT id FROM reporting_period WHERE academic_year_id = ? AND kind = 'quarter' AND starts_on <= ? AND ends_on >= ?",
  );
  let clubs = 0;
  for (const { lesson: item, date, sources } of mergeAnswers(answers, range, batch)) {
    if (item.isKrujok) {
      clubs++;
      continue;
    }
    const subjectId = directory.subjectId(item);
    if (subjectId === undefined) {
      batch.warnings.push(`Kundoluk sent lesson ${item.uid} of ${date} without a subject; it was left out.`);
      continue;
    }
    const year = directory.yearOf(date);
    const classId = directory.classId(item, date);
    const teacherId = directory.teacherId(item.teacher);
    if (
      item.teacher?.pin == null &&
      item.teacher?.pinAsString == null &&
      item.teacher?.pin_as_string == null
    ) {
      batch.warnings.push(
        `Kundoluk sent lesson ${item.uid} of ${date} without its teacher; it was kept as "not named".`,
      );
    }
    // `group` 0: the class is not split (kundoluk_api's Lesson docstring).
    const subgroupName = (item.group ?? 0) === 0 ? null : (item.subjectGroupName ?? String(item.group));
    const subgroupId = subgroupName === null ? null : directory.subgroupId(classId, subjectId, subgroupName);
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
    const withinRequest = requested.from <= seenOn && seenOn <= requested.to;
    if ((seenOn < range.from || seenOn > range.to) && withinRequest && before !== undefined) {
      (batch.movedLessonIds ??= []).push(before.id as number);
    } else if (seenOn < range.from || seenOn > range.to) {
      // Its row, marks and absences lie outside what this sync may replace: say how to take it in.
      const from = seenOn < requested.from ? seenOn : requested.from;
      const to = seenOn > requested.to ? seenOn : requested.to;
      throw new MoorError(
        'KUNDOLUK_LESSON_MOVED',
        `Kundoluk moved lesson ${item.uid} from ${seenOn} to ${date}, outside ${requested.from} – ${requested.to}. ` +
          `Sync ${from} – ${to} so that both days are covered; the mirror was not changed.`,
        { uid: item.uid, from: seenOn, to: date },
      );
    }
    const { students: _students, marks: _marks, ...rest } = item;
    const homework = [item.task?.name, item.task?.note].filter((t) => t != null).join('. ');
    const lessonId = before?.id ?? ids.next('lesson');
    batch.lessons.push({
      id: lessonId,
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
    });
    const studentOf = (person: LessonRecord['person']) => {
      const studentId = directory.studentId(person, classId, year.startsOn);
      if (subgroupId !== null) directory.member(subgroupId, studentId);
      return studentId;
    };
    for (const source of sources) {
      if (source.reports === null) continue;
      const reported = source.reports === 'marks' ? reportedMarks : reportedAttendance;
      for (const person of source.listed) reported.add(`${String(lessonId)}:${studentOf(person)}`);
    }
    const records = new Map<string, LessonRecord>();
    for (const source of sources) for (const record of source.records) records.set(record.id, record);
    const absentStudents = new Set<number>();
    for (const entry of records.values()) {
      const { record, kind, value } = entry;
      if (kind === 'empty') continue;
      const studentId = studentOf(entry.person);
      const enteredAt = record.created_at === null ? seenAt : instantOf(record.created_at);
      if (kind === 'final' && value !== null) {
        const period = findPeriod.get(year.id, date, date);
        if (period === undefined) {
          batch.warnings.push(
            `A quarter mark on lesson ${item.uid} of ${date} lies outside every quarter; it was left out.`,
          );
          continue;
        }
        const key = `${classId}:${period.id}:${subjectId}`;
        const scope = finalScopes.get(key) ?? { classId, periodId: period.id, subjectId, studentIds: [] };
        scope.studentIds.push(studentId);
        finalScopes.set(key, scope);
        putFinal(mirror, batch, ids, {
          studentId,
          classId,
          subjectId,
          periodId: period.id,
          value,
          enteredAt,
          ref: `kundoluk:final:${entry.id}`,
          raw: record,
        });
        continue;
      }
      if (kind === 'mark' && value !== null) {
        const type = record.mark_type ?? 'general';
        if (!knownMarkTypes.has(type)) unknownTypes.add(type);
        const markRef = `kundoluk:mark:${entry.id}`;
        const numeric = Number(value.replace(',', '.'));
        const previous = claimMark(known, markRef, lessonId as number, studentId, value);
        const oldMark = record.old_mark !== null && record.old_mark > 0 ? String(record.old_mark) : null;
        batch.marks.push({
          id: previous?.id ?? ids.next('mark'),
          lesson_id: lessonId,
          student_id: studentId,
          value,
          numeric_value: Number.isFinite(numeric) ? numeric : null,
          mark_type: knownMarkTypes.has(type) ? type : 'general',
          previous_value: oldMark,
          entered_at: enteredAt,
          changed_at: record.updated_at === null ? enteredAt : instantOf(record.updated_at),
          source_ref: markRef,
          raw: JSON.stringify(record),
        });
        continue;
      }
      if ((kind === 'absent' || kind === 'late') && !absentStudents.has(studentId)) {
        absentStudents.add(studentId);
        const reasonText = (record.absent_reason ?? 'н').toLowerCase();
        const reason = reasons.get(reasonText);
        if (kind === 'absent' && reason === undefined) {
          batch.warnings.push(
            `Absence reason "${record.absent_reason ?? ''}" (mark ${entry.id}) is not Н, Б or У; kept as Н.`,
          );
        }
        const seen = known.attendance.get(`${String(lessonId)}:${studentId}`);
        batch.attendance.push({
          id: seen?.id ?? ids.next('attendance'),
          lesson_id: lessonId,
          student_id: studentId,
          kind,
          reason: kind === 'absent' ? (reason ?? 'Н') : null,
          late_minutes: kind === 'late' ? (record.late_minutes ?? 0) : null,
          entered_at: enteredAt,
          source_ref: `kundoluk:absence:${entry.id}`,
        });
      }
    }
  }
  if (clubs > 0)
    batch.warnings.push(`${clubs} club lessons (isKrujok) are not journal subjects; they were left out.`);
  for (const type of unknownTypes)
    batch.warnings.push(`Mark type "${type}" is new to Мөөр; kept as general.`);
  batch.reported = { marks: reportedMarks, attendance: reportedAttendance };
  return { lessons: [...scopes.values()], finals: [...finalScopes.values()] };
}
