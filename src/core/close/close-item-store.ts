import type { Selectable, Updateable } from 'kysely';
import type { Mirror } from '../db/mirror';
import type { CloseItemKind, CloseItemTable } from '../db/schema';
import { pendingStatuses, type CloseDay } from './close-days';

export type CloseItem = Selectable<CloseItemTable>;

/** An item a close starts with: one teacher's check, one copy to print, one signature… */
export interface NewCloseItem {
  day: CloseDay;
  kind: CloseItemKind;
  key: string;
  classId: number | null;
  subjectId: number | null;
  teacherId: number | null;
}

export function closeItems(
  mirror: Mirror,
  closeId: number,
  filter: { day?: number; kind?: CloseItemKind } = {},
): CloseItem[] {
  let query = mirror.db.selectFrom('close_item').selectAll().where('close_id', '=', closeId);
  if (filter.day !== undefined) query = query.where('day', '=', filter.day);
  if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
  return mirror.all(query.orderBy('id'));
}

export function isPending(item: CloseItem): boolean {
  return (pendingStatuses as readonly string[]).includes(item.status);
}

/** A close's items, written with one prepared statement: a whole school's close has thousands. */
export function insertCloseItems(mirror: Mirror, closeId: number, items: readonly NewCloseItem[]): void {
  const insert = mirror.sqlite.prepare(
    'INSERT INTO close_item (close_id, day, kind, item_key, class_id, subject_id, teacher_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const item of items) {
    insert.run(closeId, item.day, item.kind, item.key, item.classId, item.subjectId, item.teacherId);
  }
}

export function updateCloseItem(mirror: Mirror, itemId: number, fields: Updateable<CloseItemTable>): void {
  mirror.run(mirror.db.updateTable('close_item').set(fields).where('id', '=', itemId));
}

/** How many findings the day-1 checks left on each item, by item id, as of `checkedAt`. */
export function recordItemFindings(
  mirror: Mirror,
  findings: ReadonlyMap<number, number>,
  checkedAt: string,
): void {
  const update = mirror.sqlite.prepare('UPDATE close_item SET findings = ?, checked_at = ? WHERE id = ?');
  for (const [itemId, count] of findings) update.run(count, checkedAt, itemId);
}

/** The items a deputy's override settles, kept apart from those done. */
export function overrideCloseItems(mirror: Mirror, itemIds: readonly number[], overrideId: number): void {
  mirror.run(
    mirror.db
      .updateTable('close_item')
      .set({ status: 'overridden', override_id: overrideId })
      .where('id', 'in', itemIds),
  );
}
