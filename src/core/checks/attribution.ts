import type { Mirror } from '../db/mirror';
import { IN_SCOPE, scopeJson, type CheckScope } from './check-scope';
import type { Finding } from './finding';

/** One day-1 item: a teacher's subject in a class. */
export interface TeacherClassSubject {
  teacherId: number;
  classId: number;
  subjectId: number;
}

export const itemKey = (teacherId: number, classId: number, subjectId: number): string =>
  `${teacherId}:${classId}:${subjectId}`;

const pairKey = (classId: number, subjectId: number): string => `${classId}:${subjectId}`;

interface AssignmentRow {
  teacherId: number;
  classId: number;
  subjectId: number;
  subgroupId: number | null;
}

interface RosterRow {
  teacherId: number;
  classId: number;
  subjectId: number;
  studentId: number;
}

/**
 * Who answers for what: the teaching assignments of the scope's classes, and for each student
 * still enrolled at the period's end the teacher of their class (or subgroup) in each subject.
 */
export class Attribution {
  readonly items: TeacherClassSubject[];
  /** The students each item must give a final and marks to, at the period's end. */
  readonly roster: RosterRow[];
  private readonly studentTeachers = new Map<string, number[]>();
  private readonly assignmentsByPair = new Map<string, AssignmentRow[]>();

  constructor(mirror: Mirror, scope: CheckScope) {
    const assignments = mirror.sqlite
      .prepare<[string], AssignmentRow>(
        `SELECT teacher_id AS teacherId, class_id AS classId, subject_id AS subjectId, subgroup_id AS subgroupId
         FROM teaching_assignment WHERE class_id IN ${IN_SCOPE}
         ORDER BY class_id, subject_id, teacher_id`,
      )
      .all(scopeJson(scope));
    const items = new Map<string, TeacherClassSubject>();
    for (const row of assignments) {
      items.set(itemKey(row.teacherId, row.classId, row.subjectId), {
        teacherId: row.teacherId,
        classId: row.classId,
        subjectId: row.subjectId,
      });
      const pair = pairKey(row.classId, row.subjectId);
      const list = this.assignmentsByPair.get(pair) ?? [];
      list.push(row);
      this.assignmentsByPair.set(pair, list);
    }
    this.items = [...items.values()];
    const end = scope.period.endsOn;
    this.roster = mirror.sqlite
      .prepare<[string, string, string], RosterRow>(
        `SELECT DISTINCT ta.teacher_id AS teacherId, ta.class_id AS classId, ta.subject_id AS subjectId,
                e.student_id AS studentId
         FROM teaching_assignment ta
         JOIN enrollment e ON e.class_id = ta.class_id
         WHERE ta.class_id IN ${IN_SCOPE}
           AND e.joined_on <= ? AND (e.left_on IS NULL OR e.left_on >= ?)
           AND (ta.subgroup_id IS NULL OR EXISTS (
             SELECT 1 FROM subgroup_member sm WHERE sm.subgroup_id = ta.subgroup_id AND sm.student_id = e.student_id))`,
      )
      .all(scopeJson(scope), end, end);
    for (const row of this.roster) {
      const key = `${pairKey(row.classId, row.subjectId)}:${row.studentId}`;
      const list = this.studentTeachers.get(key) ?? [];
      list.push(row.teacherId);
      this.studentTeachers.set(key, list);
    }
  }

  /**
   * The teachers a finding goes to: the student's own teacher in the subject; for a lesson, or a
   * student who has left, the teachers of that class, subject and subgroup.
   */
  teachersFor(finding: Finding): number[] {
    if (finding.studentId !== null) {
      const own = this.studentTeachers.get(
        `${pairKey(finding.classId, finding.subjectId)}:${finding.studentId}`,
      );
      if (own) return own;
    }
    const assigned = this.assignmentsByPair.get(pairKey(finding.classId, finding.subjectId)) ?? [];
    const matching = assigned.filter(
      (a) => a.subgroupId === null || finding.subgroupId === null || a.subgroupId === finding.subgroupId,
    );
    return [...new Set(matching.map((a) => a.teacherId))];
  }
}
