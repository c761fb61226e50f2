import type { Mirror } from '../../db/mirror';
import { reportDefinitions } from '../../reports/definitions';
import { schoolLanguage } from '../../settings/school';
import { DEFAULT_MIN_MARKS, DEFAULT_UNEXCUSED_THRESHOLD } from '../../reports/params';
import type { PeriodRef } from '../../../shared/report-params';
import type { ReportCatalog } from '../../../shared/views';

function periodRef(kind: 'quarter' | 'half_year' | 'year', number: number): PeriodRef | null {
  if (kind === 'year') return 'year';
  if (kind === 'half_year') return number === 1 ? 'h1' : number === 2 ? 'h2' : null;
  return number >= 1 && number <= 4 ? (String(number) as PeriodRef) : null;
}

const REF_ORDER: readonly string[] = ['1', '2', '3', '4', 'h1', 'h2', 'year'];

/**
 * What the reports screen offers: every report with the filters it reads, and the choices for
 * those filters in the latest academic year (the year reports use when none is named).
 */
export function reportCatalog(mirror: Mirror): ReportCatalog {
  const year = mirror.first(
    mirror.db
      .selectFrom('academic_year')
      .select(['id', 'label', 'starts_on', 'ends_on'])
      .orderBy('starts_on', 'desc')
      .limit(1),
  );
  const reports = reportDefinitions.map((d) => ({
    name: d.name,
    title: d.title,
    description: d.description,
    periodOnly: d.periodOnly,
    parameters: d.parameters,
  }));
  const documentLanguage = schoolLanguage(mirror);
  const defaults = { unexcusedThreshold: DEFAULT_UNEXCUSED_THRESHOLD, minMarks: DEFAULT_MIN_MARKS };
  if (!year) {
    return {
      reports,
      academicYear: null,
      periods: [],
      classes: [],
      teachers: [],
      subjects: [],
      documentLanguage,
      defaults,
    };
  }
  const periods = mirror
    .all(
      mirror.db
        .selectFrom('reporting_period')
        .select(['kind', 'number', 'starts_on', 'ends_on'])
        .where('academic_year_id', '=', year.id),
    )
    .flatMap((p) => {
      const ref = periodRef(p.kind, p.number);
      return ref === null ? [] : [{ ref, startsOn: p.starts_on, endsOn: p.ends_on }];
    });
  // The whole year is always a period a report can ask for, even when the mirror keeps no row for it.
  if (!periods.some((p) => p.ref === 'year'))
    periods.push({ ref: 'year', startsOn: year.starts_on, endsOn: year.ends_on });
  periods.sort((a, b) => REF_ORDER.indexOf(a.ref) - REF_ORDER.indexOf(b.ref));
  const classes = mirror
    .all(
      mirror.db
        .selectFrom('class')
        .select(['id', 'grade', 'letter'])
        .where('academic_year_id', '=', year.id)
        .orderBy('grade')
        .orderBy('letter'),
    )
    .map((c) => ({ id: c.id, name: `${c.grade}${c.letter}` }));
  const teachers = mirror
    .all(
      mirror.db
        .selectFrom('staff')
        .innerJoin('teaching_assignment', 'teaching_assignment.teacher_id', 'staff.id')
        .innerJoin('class', 'class.id', 'teaching_assignment.class_id')
        .where('class.academic_year_id', '=', year.id)
        .select(['staff.id', 'staff.last_name', 'staff.first_name', 'staff.middle_name'])
        .distinct()
        .orderBy('staff.last_name')
        .orderBy('staff.first_name'),
    )
    .map((s) => ({ id: s.id, name: [s.last_name, s.first_name, s.middle_name ?? ''].join(' ').trim() }));
  const subjects = mirror
    .all(
      mirror.db
        .selectFrom('subject')
        .innerJoin('teaching_assignment', 'teaching_assignment.subject_id', 'subject.id')
        .innerJoin('class', 'class.id', 'teaching_assignment.class_id')
        .where('class.academic_year_id', '=', year.id)
        .select(['subject.id', 'subject.name_ky', 'subject.name_ru'])
        .distinct()
        .orderBy('subject.name_ky'),
    )
    .map((s) => ({ id: s.id, nameKy: s.name_ky, nameRu: s.name_ru }));
  return {
    reports,
    academicYear: year.label,
    periods,
    classes,
    teachers,
    subjects,
    documentLanguage,
    defaults,
  };
}
