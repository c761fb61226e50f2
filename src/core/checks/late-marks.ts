import { markDeadlineAt } from '../rules/mark-deadlines';
import type { CheckContext } from './check-context';
import type { Finding } from './finding';
import { markDetails, markFinding } from './mark-details';

/** A mark entered after its deadline (R 2.4, I 5.2 teacher g); found in the context's single pass over the period's marks. */
export function lateMarks(context: CheckContext): Finding[] {
  return markDetails(context.mirror, context.markScan().lateMarkIds).map((row) =>
    markFinding(
      'late_mark',
      row,
      row.value,
      `${row.enteredAt} > ${markDeadlineAt(context.markDeadlines, row.lessonDate, row.markType)}`,
    ),
  );
}
