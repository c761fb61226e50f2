import type { CheckContext } from './check-context';
import type { Finding } from './finding';
import { markDetails, markFinding } from './mark-details';

/** A mark changed after it was entered (correcting marks is forbidden, I 5.2 teacher g). */
export function correctedMarks(context: CheckContext): Finding[] {
  return markDetails(context.mirror, context.markScan().correctedMarkIds).map((row) =>
    markFinding('corrected_mark', row, `${row.previousValue ?? '?'}→${row.value}`, row.changedAt),
  );
}
