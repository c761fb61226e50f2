import type { CheckRuleId } from '../../../shared/check-rules';
import type { CheckListView } from '../../../shared/views';

export type CheckListItem = CheckListView['items'][number];

/** What the deputy narrows day 1's list to; null keeps everything. */
export interface CheckListFilter {
  readonly teacherId: number | null;
  readonly classId: number | null;
  readonly rule: CheckRuleId | null;
  readonly state: 'pending' | 'checked' | null;
}

export const noFilter: CheckListFilter = { teacherId: null, classId: null, rule: null, state: null };

/** The list's lines that pass the filter; `isChecked` says whether a line's item is recorded as checked. */
export function filterCheckList(
  items: readonly CheckListItem[],
  filter: CheckListFilter,
  isChecked: (item: CheckListItem) => boolean,
): CheckListItem[] {
  return items.filter(
    (item) =>
      (filter.teacherId === null || item.teacherId === filter.teacherId) &&
      (filter.classId === null || item.classId === filter.classId) &&
      (filter.rule === null || (item.byRule[filter.rule] ?? 0) > 0) &&
      (filter.state === null || (filter.state === 'checked') === isChecked(item)),
  );
}
