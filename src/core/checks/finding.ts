import type { CheckRuleId } from '../../shared/check-rules';

export { checkRuleIds, type CheckRuleId } from '../../shared/check-rules';

/** One thing a teacher must look at: a student, a mark or a lesson of their class and subject. */
export interface Finding {
  rule: CheckRuleId;
  classId: number;
  subjectId: number;
  /** The subgroup of the lesson concerned, to find the teacher who is responsible for it. */
  subgroupId: number | null;
  studentId: number | null;
  lessonId: number | null;
  markId: number | null;
  lessonDate: string | null;
  /** The value concerned: the final, the mark, the corrected mark ("3→4"), the teacher who taught. */
  value: string | null;
  /** What it was held against: the rounded average, the deadline, the number of marks. */
  reference: string | null;
}

export function finding(
  rule: CheckRuleId,
  fields: Partial<Omit<Finding, 'rule'>> & Pick<Finding, 'classId' | 'subjectId'>,
): Finding {
  return {
    rule,
    subgroupId: null,
    studentId: null,
    lessonId: null,
    markId: null,
    lessonDate: null,
    value: null,
    reference: null,
    ...fields,
  };
}
