import type { Mirror } from '../db/mirror';
import type { CloseItemKind, CloseItemStatus } from '../db/schema';
import { listChanges } from '../mirror/changes';
import { closeDays, dayTitles, type CloseDay } from './close-days';
import { closeDaysWithOverrides } from './close-day-store';
import { closeItems, isPending, type CloseItem } from './close-item-store';
import { closeClassIds, getClose } from './close-store';
import { folderLabel } from './complete-close';
import { describeItem } from './item-actions';
import { loadNameBook, type NameBook } from './names';

export interface PendingItem {
  itemId: number;
  kind: CloseItemKind;
  label: string;
  status: CloseItemStatus;
  /** Day 1: findings at the last check. */
  findings: number | null;
  /** Why a signature must be collected again. */
  voidReason: string | null;
}

export interface DayStatus {
  day: CloseDay;
  title: string;
  completed: boolean;
  completedAt: string | null;
  override: { reason: string; actor: string; at: string; openItems: number } | null;
  counts: Record<CloseItemStatus, number> & { total: number };
  pending: PendingItem[];
}

export interface ClassChanges {
  classId: number;
  className: string;
  /** Changes the mirror saw to the class's period data after its copy was printed. */
  changes: number;
}

export interface CloseStatusView {
  closeId: number;
  periodId: number;
  periodLabel: string;
  status: 'open' | 'completed';
  startedAt: string;
  startedBy: string;
  completedAt: string | null;
  classes: string[];
  /** The first day not complete (6 once all are). */
  currentDay: number;
  days: DayStatus[];
  /** Open close: classes whose data changed after printing (re-print them; their signatures will be voided). */
  changedSincePrint: ClassChanges[];
  /** Completed close: changes to the certified (frozen) data seen by later syncs. */
  certifiedDataChanges: ClassChanges[];
}

function pendingItem(item: CloseItem, names: NameBook): PendingItem {
  return {
    itemId: item.id,
    kind: item.kind,
    label: describeItem(item, names),
    status: item.status,
    findings: item.findings,
    voidReason: item.void_reason,
  };
}

function changesByClass(
  mirror: Mirror,
  periodId: number,
  classIds: readonly number[],
  since: (classId: number) => string | null,
  kinds: 'all' | 'frozen',
  names: NameBook,
): ClassChanges[] {
  const changes = listChanges(mirror, {
    periodId,
    ...(kinds === 'frozen' ? { kinds: ['frozen_data_changed'] as const } : {}),
  });
  const result: ClassChanges[] = [];
  for (const classId of classIds) {
    const from = since(classId);
    if (from === null) continue;
    const count = changes.filter((c) => c.classId === classId && c.seenAt > from).length;
    if (count > 0) result.push({ classId, className: names.klass(classId), changes: count });
  }
  return result;
}

/** Where the close stands: every day with its open items, overrides, voided signatures and changes. */
export function closeStatus(mirror: Mirror, closeId: number): CloseStatusView {
  const run = getClose(mirror, closeId);
  const names = loadNameBook(mirror);
  const classIds = closeClassIds(mirror, closeId);
  const items = closeItems(mirror, closeId);
  const dayRows = closeDaysWithOverrides(mirror, closeId);
  const days = closeDays.map((day): DayStatus => {
    const row = dayRows.find((r) => r.day === day);
    const own = items.filter((i) => i.day === day);
    const counts = { open: 0, done: 0, voided: 0, overridden: 0, total: own.length };
    for (const item of own) counts[item.status] += 1;
    return {
      day,
      title: dayTitles[day],
      completed: row?.completed_at != null,
      completedAt: row?.completed_at ?? null,
      override:
        row?.reason == null
          ? null
          : { reason: row.reason, actor: row.actor ?? '', at: row.at ?? '', openItems: row.open_items ?? 0 },
      counts,
      pending: own.filter(isPending).map((i) => pendingItem(i, names)),
    };
  });
  const printedAt = new Map(
    items
      .filter((i) => i.kind === 'class_print' && i.class_id !== null)
      .map((i) => [i.class_id ?? 0, i.done_at]),
  );
  const completed = run.status === 'completed';
  return {
    closeId,
    periodId: run.period_id,
    periodLabel: folderLabel(mirror, run.period_id),
    status: run.status,
    startedAt: run.started_at,
    startedBy: run.started_by,
    completedAt: run.completed_at,
    classes: classIds.map((id) => names.klass(id)),
    currentDay: days.find((d) => !d.completed)?.day ?? 6,
    days,
    changedSincePrint: completed
      ? []
      : changesByClass(mirror, run.period_id, classIds, (id) => printedAt.get(id) ?? null, 'all', names),
    certifiedDataChanges: completed
      ? changesByClass(mirror, run.period_id, classIds, () => run.completed_at ?? '', 'frozen', names)
      : [],
  };
}
