import type { CloseItemKind } from '../db/schema';

/** The five days of the quarter-end close (I 4), each with the kinds of item it is made of. */
export const closeDays = [1, 2, 3, 4, 5] as const;
export type CloseDay = (typeof closeDays)[number];

export const dayOfKind: Record<CloseItemKind, CloseDay> = {
  teacher_check: 1,
  backup: 2,
  class_print: 2,
  subject_signature: 3,
  title_certification: 4,
  handover: 5,
  director_signature: 5,
  stamp: 5,
  folder: 5,
};

/** What each day is, for the status and the CLI (which speaks English to the IT person). */
export const dayTitles: Record<CloseDay, string> = {
  1: 'Day 1 — subject teachers check the period finals',
  2: 'Day 2 — backup copy and printed copies of every class',
  3: 'Day 3 — subject teachers sign every page of their subject',
  4: 'Day 4 — class teachers certify the title page',
  5: 'Day 5 — hand-over to the secretary, director signature, stamp, folder',
};

/** Day 5 happens in this order: the secretary receives, takes the copies to the director, seals, files. */
export const dayFiveOrder: readonly CloseItemKind[] = ['handover', 'director_signature', 'stamp', 'folder'];

/** Items that still need doing: never done, or done on a copy that was superseded since. */
export const pendingStatuses = ['open', 'voided'] as const;
