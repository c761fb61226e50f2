/** What a report reads when its parameters leave these out. */
export const DEFAULT_UNEXCUSED_THRESHOLD = 5;
export const DEFAULT_MIN_MARKS = 3;
