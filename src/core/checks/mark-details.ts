import type { Mirror } from '../db/mirror';
import type { MarkType } from '../../shared/mark-types';
import { finding, type CheckRuleId, type Finding } from './finding';

export interface MarkDetail {
  markId: number;
  lessonId: number;
  classId: number;
  subjectId: number;
  subgroupId: number | null;
  studentId: number;
  lessonDate: string;
  value: string;
  markType: MarkType;
  previousValue: string | null;
  enteredAt: string;
  changedAt: string;
}

/** The marks with these ids and their lessons, by primary key, in lesson date order. */
export function markDetails(mirror: Mirror, markIds: readonly number[]): MarkDetail[] {
  if (markIds.length === 0) return [];
  return mirror.sqlite
    .prepare<[string], MarkDetail>(
      `SELECT m.id AS markId, l.id AS lessonId, l.class_id AS classId, l.subject_id AS subjectId,
              l.subgroup_id AS subgroupId, m.student_id AS studentId, l.date AS lessonDate, m.value,
              m.mark_type AS markType, m.previous_value AS previousValue, m.entered_at AS enteredAt,
              m.changed_at AS changedAt
       FROM mark m JOIN lesson l ON l.id = m.lesson_id
       WHERE m.id IN (SELECT value FROM json_each(?))
       ORDER BY l.date, m.id`,
    )
    .all(JSON.stringify(markIds));
}

/** A finding about one mark: where it stands, its value as shown and what it was held against. */
export function markFinding(rule: CheckRuleId, row: MarkDetail, value: string, reference: string): Finding {
  return finding(rule, {
    classId: row.classId,
    subjectId: row.subjectId,
    subgroupId: row.subgroupId,
    studentId: row.studentId,
    lessonId: row.lessonId,
    markId: row.markId,
    lessonDate: row.lessonDate,
    value,
    reference,
  });
}
