/**
 * The day-1 rules (docs/domain.md, "The points the code cites"): the printed check list and
 * the window name each of them, typed by these ids so that none goes without its words.
 */
export const checkRuleIds = [
  'missing_final',
  'few_marks',
  'final_far_from_average',
  'late_mark',
  'corrected_mark',
  'removed_mark',
  'lesson_without_topic',
  'lesson_without_homework',
  'unrecorded_substitution',
  'not_synced',
] as const;
export type CheckRuleId = (typeof checkRuleIds)[number];
