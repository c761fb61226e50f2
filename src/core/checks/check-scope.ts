import type { Mirror } from '../db/mirror';
import type { PeriodKind } from '../db/schema';
import type { CheckRules } from '../../shared/journal-rules';

export interface CheckPeriod {
  id: number;
  kind: PeriodKind;
  number: number;
  startsOn: string;
  endsOn: string;
}

/** What the checks look at: one reporting period over some classes. */
export interface CheckScope {
  period: CheckPeriod;
  classIds: readonly number[];
}

/** SQL fragment and parameter for "the class is in scope" (one JSON parameter, any number of classes). */
export const IN_SCOPE = '(SELECT value FROM json_each(?))';

export function scopeJson(scope: CheckScope): string {
  return JSON.stringify(scope.classIds);
}

/** The classes of the scope that give finals for this period (the senior grades give half-year ones). */
export function classesGivingFinals(mirror: Mirror, scope: CheckScope, rules: CheckRules): Set<number> {
  const rows = mirror.sqlite
    .prepare<[string], { id: number; grade: number }>(`SELECT id, grade FROM class WHERE id IN ${IN_SCOPE}`)
    .all(scopeJson(scope));
  const halfYear = new Set(rules.halfYearGrades);
  return new Set(
    rows
      .filter((row) => {
        if (scope.period.kind === 'quarter') return !halfYear.has(row.grade);
        if (scope.period.kind === 'half_year') return halfYear.has(row.grade);
        return true;
      })
      .map((row) => row.id),
  );
}
