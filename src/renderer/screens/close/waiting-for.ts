import type { CloseBoard, CloseItemKindName } from '../../../shared/views';

/** A kind of work that can wait for someone, as the dashboard words it. */
export type TurnKind =
  | 'check'
  | 'backup'
  | 'print'
  | 'sign'
  | 'certify'
  | 'handover'
  | 'receive'
  | 'directorSign'
  | 'stamp'
  | 'folder';

/**
 * Which permission does each open item, and how it is counted: by item (one a class), by
 * teacher, by the close's classes (day 5's items stand for the whole folder) or not at all.
 */
const DUTIES: readonly {
  readonly item: CloseItemKindName;
  readonly turn: TurnKind;
  readonly permission: string;
  readonly countBy: 'item' | 'teacher' | 'classes' | 'once';
}[] = [
  { item: 'teacher_check', turn: 'check', permission: 'close.confirm', countBy: 'teacher' },
  { item: 'backup', turn: 'backup', permission: 'backup.create', countBy: 'once' },
  { item: 'class_print', turn: 'print', permission: 'documents.print', countBy: 'item' },
  { item: 'subject_signature', turn: 'sign', permission: 'close.sign', countBy: 'teacher' },
  { item: 'title_certification', turn: 'certify', permission: 'close.certify', countBy: 'item' },
  { item: 'handover', turn: 'handover', permission: 'close.handover', countBy: 'classes' },
  { item: 'handover', turn: 'receive', permission: 'close.receive', countBy: 'classes' },
  { item: 'director_signature', turn: 'directorSign', permission: 'close.directorSign', countBy: 'classes' },
  { item: 'stamp', turn: 'stamp', permission: 'close.stamp', countBy: 'once' },
  { item: 'folder', turn: 'folder', permission: 'close.formFolder', countBy: 'once' },
];

export interface Waiting {
  readonly turn: TurnKind;
  readonly count: number;
}

/**
 * What waits for the signed-in person in an open close: the open items of today's day and the
 * days before it that their role does, counted as people say it ("12 teachers have not signed").
 */
export function waitingFor(board: CloseBoard, permissions: readonly string[]): Waiting[] {
  if (board.status !== 'open') return [];
  const open = board.items.filter((item) => item.status === 'open' && item.day <= board.currentDay);
  return DUTIES.filter((duty) => permissions.includes(duty.permission)).flatMap((duty) => {
    const items = open.filter((item) => item.kind === duty.item);
    if (items.length === 0) return [];
    const counts = {
      item: () => items.length,
      teacher: () => new Set(items.map((item) => item.teacherId ?? item.teacherName)).size,
      classes: () => board.classes.length,
      once: () => 1,
    };
    const count = counts[duty.countBy]();
    return [{ turn: duty.turn, count }];
  });
}
