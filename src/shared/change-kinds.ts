/**
 * What the mirror can notice between syncs. The vocabulary is shared with the close's checks,
 * the reports and the UI ("changes seen by the mirror").
 */
export const changeKinds = [
  /** A mark's value differs from the value seen before (or the source reports an earlier value). */
  'mark_changed',
  /** A mark the mirror had is gone from the source. */
  'mark_removed',
  /** A mark first seen with an entry time past its deadline (oral 24 h, written work 5 days). */
  'mark_late',
  /** A new mark on a lesson the mirror already had, seen after the mark's deadline had passed. */
  'mark_backdated',
  'final_changed',
  'final_removed',
  'attendance_changed',
  'attendance_removed',
  'lesson_removed',
  /** Any added, changed or removed entry of a class period that was printed and certified. */
  'frozen_data_changed',
] as const;
export type ChangeKind = (typeof changeKinds)[number];
