import { MoorError } from '../../errors';
import type { KundolukPerson } from './directory';
import type { KundolukLesson, MarkRecord } from './schemas';
import { dayOf } from './values';

/** What one mark record is, once read: a mark, a period final, an absence or a late arrival. */
export type RecordKind = 'mark' | 'final' | 'absent' | 'late' | 'empty';

export interface LessonRecord {
  id: string;
  person: KundolukPerson;
  kind: RecordKind;
  /** The mark as the journal shows it: the integer, or `custom_mark` for a non-numeric one. */
  value: string | null;
  record: MarkRecord;
}

/**
 * Reads a record the way public clients do (kundoluk-plus lib/ui/ui_logic/mark_ui.dart): a
 * positive `mark` or a `custom_mark` is a mark; `absent`, or `mark` 0 with an `absent_type`, is
 * an absence; `late_minutes` above 0 a late arrival. Mark type `quarter` is a period final
 * (react-kundoluk src/services/MarkServices.ts `getMarkTypeLabel`).
 */
export function kindOf(record: MarkRecord): { kind: RecordKind; value: string | null } {
  const numeric = record.mark ?? 0;
  if (numeric > 0 || record.custom_mark !== null) {
    const value = numeric > 0 ? String(numeric) : record.custom_mark;
    return { kind: record.mark_type === 'quarter' ? 'final' : 'mark', value };
  }
  if ((record.late_minutes ?? 0) > 0 && !record.absent) return { kind: 'late', value: null };
  if (record.absent || record.absent_type !== null) return { kind: 'absent', value: null };
  return { kind: 'empty', value: null };
}

function refuse(endpoint: string, field: string, uid: string): never {
  throw new MoorError(
    'KUNDOLUK_SHAPE',
    `Kundoluk's answer to ${endpoint} is not shaped as expected: field "${field}" is missing on lesson ${uid}. ` +
      'The service may have changed; the mirror was not changed.',
    { path: endpoint, field },
  );
}

/** The lesson's day: `lessonDay`, else its `year`/`month`/`day`; a lesson without one is refused. */
export function lessonDate(lesson: KundolukLesson, endpoint: string): string {
  if (lesson.lessonDay !== null) return dayOf(lesson.lessonDay);
  if (lesson.year != null && lesson.month != null && lesson.day != null) {
    return `${lesson.year}-${String(lesson.month).padStart(2, '0')}-${String(lesson.day).padStart(2, '0')}`;
  }
  return refuse(endpoint, 'lessonDay', lesson.uid);
}

/**
 * Every record a lesson carries, with the student it belongs to: flat `marks[]` (a student's
 * view, kundoluk-plus lesson.dart) or `students[].marks[]` (a teacher's, react-kundoluk
 * ScheduleModel.ts). Also every student the lesson lists, even with no record: the answer
 * speaks for them.
 */
export function lessonRecords(
  lesson: KundolukLesson,
  endpoint: string,
): { records: LessonRecord[]; listed: KundolukPerson[] } {
  const records: LessonRecord[] = [];
  const listed: KundolukPerson[] = [];
  const read = (record: MarkRecord, parent: KundolukPerson | null, index: number) => {
    const pin = record.student_pin_as_string ?? record.student_pin ?? parent?.pin ?? null;
    if (pin === null) refuse(endpoint, `marks.${index}.student_pin`, lesson.uid);
    const id = record.mark_id ?? record.uid;
    if (id === null) refuse(endpoint, `marks.${index}.mark_id`, lesson.uid);
    const person: KundolukPerson = {
      pin,
      kundolukId: record.idStudent ?? parent?.kundolukId ?? null,
      lastName: record.last_name ?? parent?.lastName ?? null,
      firstName: record.first_name ?? parent?.firstName ?? null,
      middleName: record.mid_name ?? parent?.middleName ?? null,
    };
    records.push({ id, person, ...kindOf(record), record });
    return person;
  };
  (lesson.marks ?? []).forEach((record, i) => {
    listed.push(read(record, null, i));
  });
  for (const [s, student] of (lesson.students ?? []).entries()) {
    const pin = student.pinAsString ?? student.pin;
    if (pin === null) refuse(endpoint, `students.${s}.pin`, lesson.uid);
    const person: KundolukPerson = {
      pin,
      kundolukId: student.studentId,
      lastName: student.lastName,
      firstName: student.firstName,
      middleName: student.middleName,
    };
    listed.push(person);
    student.marks.forEach((record, i) => read(record, person, i));
  }
  return { records, listed };
}
