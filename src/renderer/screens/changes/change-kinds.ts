import type { InputOf } from '../../../shared/contract';

export type ChangeKindName = InputOf<'changes.list'>['kinds'][number];

/** Every kind the mirror notes; the record makes a kind added in the core a compile error here. */
const KINDS: Record<ChangeKindName, null> = {
  mark_changed: null,
  mark_removed: null,
  mark_backdated: null,
  mark_late: null,
  final_changed: null,
  final_removed: null,
  attendance_changed: null,
  attendance_removed: null,
  lesson_removed: null,
  frozen_data_changed: null,
};

export const changeKindNames = Object.keys(KINDS) as ChangeKindName[];

/** What the forbidden corrections look like (I 5.2 teacher g): the screen opens on these. */
export const CORRECTION_KINDS: readonly ChangeKindName[] = [
  'mark_changed',
  'mark_removed',
  'mark_backdated',
  'final_changed',
  'final_removed',
  'frozen_data_changed',
];
