import type { Mirror } from '../db/mirror';

/**
 * The frozen class periods: a period whose paper copy was printed and certified. The close
 * writes a `frozen_scope` row when it completes; any later change the mirror sees to that
 * class's data inside the period is kept as `frozen_data_changed`.
 */
export interface FrozenPeriod {
  classId: number;
  periodId: number;
  startsOn: string;
  endsOn: string;
}

export function listFrozenPeriods(mirror: Mirror): FrozenPeriod[] {
  return mirror.all(
    mirror.db
      .selectFrom('frozen_scope')
      .innerJoin('reporting_period', 'reporting_period.id', 'frozen_scope.period_id')
      .select([
        'frozen_scope.class_id as classId',
        'frozen_scope.period_id as periodId',
        'reporting_period.starts_on as startsOn',
        'reporting_period.ends_on as endsOn',
      ]),
  );
}

/** Whether the class's data on this date (YYYY-MM-DD) belongs to a frozen period. */
export function isFrozen(mirror: Mirror, classId: number, date: string): boolean {
  return frozenLookup(listFrozenPeriods(mirror))(classId, date) !== undefined;
}

/** A fast in-memory lookup for the import pipeline, which asks once per changed row. */
export function frozenLookup(
  periods: readonly FrozenPeriod[],
): (classId: number, date: string) => FrozenPeriod | undefined {
  const byClass = new Map<number, FrozenPeriod[]>();
  for (const period of periods) {
    const list = byClass.get(period.classId) ?? [];
    list.push(period);
    byClass.set(period.classId, list);
  }
  return (classId, date) =>
    byClass.get(classId)?.find((period) => period.startsOn <= date && date <= period.endsOn);
}

/**
 * Marks a class period frozen. The close calls this inside the transaction in which it completes
 * (and audits) the period, so freezing stands or falls with that step.
 */
export function freezePeriod(
  mirror: Mirror,
  scope: { classId: number; periodId: number; documentId?: number | null },
  at: Date,
): void {
  mirror.run(
    mirror.db
      .insertInto('frozen_scope')
      .values({
        class_id: scope.classId,
        period_id: scope.periodId,
        frozen_at: at.toISOString(),
        document_id: scope.documentId ?? null,
      })
      .onConflict((oc) => oc.columns(['class_id', 'period_id']).doNothing()),
  );
}
