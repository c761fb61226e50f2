import { checkRuleIds, type CheckRuleId } from '../../../shared/check-rules';
import type { CheckListView, CloseBoard, CloseItemKindName } from '../../../shared/views';

/** What closing a day with a reason would override: the day's open items, by kind and by rule broken. */
export interface OverrideSummary {
  readonly open: number;
  readonly byKind: readonly (readonly [CloseItemKindName, number])[];
  /** Day 1, once the checks were run on this screen: what the open teachers' lists still hold, by rule. */
  readonly byRule: readonly (readonly [CheckRuleId, number])[] | null;
}

const pending = (status: string) => status === 'open' || status === 'voided';

export function overrideSummary(
  board: CloseBoard,
  day: number,
  checkList: CheckListView | null,
): OverrideSummary {
  const open = board.items.filter((i) => i.day === day && pending(i.status));
  const kinds = new Map<CloseItemKindName, number>();
  for (const item of open) kinds.set(item.kind, (kinds.get(item.kind) ?? 0) + 1);
  const openChecks = new Set(
    open
      .filter((i) => i.kind === 'teacher_check')
      .map((i) => `${String(i.teacherId)}:${String(i.classId)}:${String(i.subjectId)}`),
  );
  const byRule =
    day === 1 && checkList
      ? checkRuleIds
          .map((rule) => {
            const count = checkList.items
              .filter((line) => openChecks.has(`${line.teacherId}:${line.classId}:${line.subjectId}`))
              .reduce((sum, line) => sum + (line.byRule[rule] ?? 0), 0);
            return [rule, count] as const;
          })
          .filter(([, count]) => count > 0)
      : null;
  return { open: open.length, byKind: [...kinds], byRule };
}
