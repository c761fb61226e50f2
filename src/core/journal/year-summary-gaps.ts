import type { Mirror } from '../db/mirror';
import type { YearSummary } from './year-summary';

/** A final the summary sheet needs and the journal does not give: one student, subject and period. */
export interface MissingYearFinal {
  readonly studentId: number;
  readonly subjectId: number;
  readonly periodId: number;
}

/**
 * The finals a class's summary sheet would print empty: every period of the sheet (the class's
 * quarters or half-years, and the year) for every subject, for each student enrolled at that
 * period's end. A student who left before a period ended, or came after, owes none for it.
 */
export function missingYearFinals(mirror: Mirror, summary: YearSummary): MissingYearFinal[] {
  const endsOn = new Map(
    mirror
      .all(
        mirror.db
          .selectFrom('reporting_period')
          .select(['id', 'ends_on'])
          .where('academic_year_id', '=', summary.academicYear.id),
      )
      .map((p) => [p.id, p.ends_on]),
  );
  const given = new Set(summary.finals.map((f) => `${f.studentId}:${f.subjectId}:${f.periodId}`));
  const missing: MissingYearFinal[] = [];
  for (const student of summary.students) {
    for (const period of summary.periods) {
      const end = endsOn.get(period.id) ?? summary.academicYear.endsOn;
      const enrolled = student.joinedOn <= end && (student.leftOn === null || student.leftOn >= end);
      if (!enrolled) continue;
      for (const subject of summary.subjects) {
        if (!given.has(`${student.id}:${subject.id}:${period.id}`))
          missing.push({ studentId: student.id, subjectId: subject.id, periodId: period.id });
      }
    }
  }
  return missing;
}
