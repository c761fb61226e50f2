import type { Mirror } from '../../db/mirror';
import type { DashboardSummary, PeriodView } from '../../../shared/views';
import { readSchool } from '../../settings/school';

function count(mirror: Mirror, table: 'class' | 'student' | 'lesson' | 'mark' | 'attendance'): number {
  return mirror.first(mirror.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
}

/** Quarters, then half-years, then the year: the order the close goes through them. */
const KIND_ORDER = { quarter: 0, half_year: 1, year: 2 } as const;

/** The dashboard's overview: whose mirror, how current, how big, which period runs now. */
export function dashboardSummary(mirror: Mirror, now: Date): DashboardSummary {
  const school = readSchool(mirror);
  const today = now.toISOString().slice(0, 10);
  const year =
    mirror.first(
      mirror.db
        .selectFrom('academic_year')
        .selectAll()
        .where('starts_on', '<=', today)
        .orderBy('starts_on', 'desc')
        .limit(1),
    ) ??
    mirror.first(mirror.db.selectFrom('academic_year').selectAll().orderBy('starts_on', 'desc').limit(1));
  const periods: PeriodView[] = year
    ? mirror
        .all(
          mirror.db
            .selectFrom('reporting_period')
            .selectAll()
            .where('academic_year_id', '=', year.id)
            .orderBy('starts_on'),
        )
        .map((p) => ({ id: p.id, kind: p.kind, number: p.number, startsOn: p.starts_on, endsOn: p.ends_on }))
        .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.number - b.number)
    : [];
  const quarters = periods.filter((p) => p.kind === 'quarter');
  const current =
    quarters.find((p) => p.startsOn <= today && today <= p.endsOn) ??
    [...quarters].reverse().find((p) => p.endsOn < today) ??
    quarters[0];
  const latest = mirror.first(
    mirror.db.selectFrom('mark').select((eb) => eb.fn.max('changed_at').as('at')),
  )?.at;
  const latestLesson = mirror.first(
    mirror.db.selectFrom('lesson').select((eb) => eb.fn.max('entered_at').as('at')),
  )?.at;
  const asOf =
    [latest, latestLesson]
      .filter((v): v is string => typeof v === 'string')
      .sort()
      .at(-1) ?? null;
  return {
    schoolName: school ? { ky: school.name_ky, ru: school.name_ru } : null,
    academicYear: year?.label ?? null,
    mirrorCurrentAsOf: asOf,
    counts: {
      classes: count(mirror, 'class'),
      students: count(mirror, 'student'),
      lessons: count(mirror, 'lesson'),
      marks: count(mirror, 'mark'),
      absences: count(mirror, 'attendance'),
    },
    periods,
    currentPeriodId: current?.id ?? null,
  };
}
