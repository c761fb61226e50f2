import { markDeadlineAt } from '../rules/mark-deadlines';
import type { CheckContext } from './check-context';
import { finding, type Finding } from './finding';
import { markDetails } from './mark-details';

/** A mark entered after its deadline (R 2.4, I 5.2 teacher g); found in the context's single pass over the period's marks. */
export function lateMarks(context: CheckContext): Finding[] {
  return markDetails(context.mirror, context.markScan().lateMarkIds).map((row) =>
    finding('late_mark', {
      classId: row.classId,
      subjectId: row.subjectId,
      subgroupId: row.subgroupId,
      studentId: row.studentId,
      lessonId: row.lessonId,
      markId: row.markId,
      lessonDate: row.lessonDate,
      value: row.value,
      reference: `${row.enteredAt} > ${markDeadlineAt(context.markDeadlines, row.lessonDate, row.markType)}`,
    }),
  );
}
