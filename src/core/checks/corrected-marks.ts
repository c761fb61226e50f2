import type { CheckContext } from './check-context';
import type { Finding } from './finding';
import { markDetails, markFinding } from './mark-details';

/**
 * The SQL condition (over `m` mark) for a mark changed after it was entered: the journal kept its
 * earlier value, or it changed later than it was entered. Evaluated in the context's pass over marks.
 */
export const CORRECTED_MARK_CONDITION = 'm.previous_value IS NOT NULL OR m.changed_at > m.entered_at';

/** A mark changed after it was entered (correcting marks is forbidden, I 5.2 teacher g). */
export function correctedMarks(context: CheckContext): Finding[] {
  return markDetails(context.mirror, context.markScan().correctedMarkIds).map((row) =>
    markFinding('corrected_mark', row, `${row.previousValue ?? '?'}→${row.value}`, row.changedAt),
  );
}
