import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';
import { loadJournals } from './roster';
import type { ReportScope } from './scope';

/** A period final as the achievement indicators read it. */
export interface FinalMark {
  readonly classId: number;
  readonly studentId: number;
  readonly subjectId: number;
  readonly value: string;
  /** 1–5, or null for a non-mark entry. */
  readonly numeric: number | null;
  readonly exempt: boolean;
}

/** "осв" / "бошотулган": exempt, neither success nor failure. Any other non-mark entry ("н/а") is not attested. */
const EXEMPT = /^(осв|бош)/iu;

export function requirePeriod(scope: ReportScope, report: string): NonNullable<ReportScope['period']> {
  if (scope.period === null) {
    throw new MoorError(
      'REPORT_NEEDS_PERIOD',
      `The ${report} report is made for a period (a quarter, half-year or the year), not a date range.`,
      { report },
    );
  }
  return scope.period;
}

/**
 * The finals of the scope's period. Grades marked by half-year (10–11) have no quarter finals:
 * for a quarter that closes a half-year their half-year finals stand in, so every class appears.
 */
export function loadFinals(mirror: Mirror, scope: ReportScope, classIds: ReadonlySet<number>): FinalMark[] {
  const period = requirePeriod(scope, 'achievement');
  const standIns =
    period.kind === 'quarter'
      ? mirror
          .all(
            mirror.db
              .selectFrom('reporting_period')
              .select('id')
              .where('academic_year_id', '=', scope.academicYearId)
              .where('kind', '=', 'half_year')
              .where('ends_on', '=', scope.to),
          )
          .map((p) => p.id)
      : [];
  let query = mirror.db
    .selectFrom('period_final')
    .select(['class_id', 'student_id', 'subject_id', 'period_id', 'value', 'numeric_value'])
    .where('period_id', 'in', [period.id, ...standIns]);
  if (scope.classId !== null) query = query.where('class_id', '=', scope.classId);
  if (scope.subjectId !== null) query = query.where('subject_id', '=', scope.subjectId);
  const rows = mirror.all(query).filter((row) => classIds.has(row.class_id));
  const classesWithOwn = new Set(
    rows.filter((row) => row.period_id === period.id).map((row) => row.class_id),
  );
  const taught =
    scope.teacherId === null
      ? null
      : new Set(loadJournals(mirror, scope).map((journal) => `${journal.classId}:${journal.subjectId}`));
  return rows
    .filter((row) => row.period_id === period.id || !classesWithOwn.has(row.class_id))
    .filter((row) => taught === null || taught.has(`${row.class_id}:${row.subject_id}`))
    .map((row) => ({
      classId: row.class_id,
      studentId: row.student_id,
      subjectId: row.subject_id,
      value: row.value,
      numeric: row.numeric_value,
      exempt: row.numeric_value === null && EXEMPT.test(row.value.trim()),
    }));
}

/** Where a student stands by their finals. */
export interface StudentStanding {
  readonly hasTwo: boolean;
  readonly notAttested: boolean;
  /** Success (успеваемость): no 2 and nothing not attested. */
  readonly success: boolean;
  /** Quality (качество): success with only 4s and 5s. */
  readonly quality: boolean;
  readonly excellent: boolean;
}

export function standing(finals: readonly FinalMark[]): StudentStanding {
  const numeric = finals.filter((f) => f.numeric !== null).map((f) => f.numeric ?? 0);
  const hasTwo = numeric.some((v) => v < 3);
  const notAttested = finals.some((f) => f.numeric === null && !f.exempt);
  const success = !hasTwo && !notAttested;
  return {
    hasTwo,
    notAttested,
    success,
    quality: success && numeric.length > 0 && numeric.every((v) => v >= 4),
    excellent: success && numeric.length > 0 && numeric.every((v) => v === 5),
  };
}
