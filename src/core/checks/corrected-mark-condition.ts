/**
 * The SQL condition (over `m` mark) for a mark changed after it was entered: the journal kept its
 * earlier value, or it changed later than it was entered. Evaluated in the context's pass over marks.
 */
export const CORRECTED_MARK_CONDITION = 'm.previous_value IS NOT NULL OR m.changed_at > m.entered_at';
