import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';
import type { PeriodRef, ReportParams } from '../../shared/report-params';
import { text, type Localized, type ScopeSummary } from './report-types';
import { reportWords } from './report-words';

/** A report's resolved window: dates, the period when there is one, and the filters. */
export interface ReportScope extends ScopeSummary {
  readonly academicYearId: number;
}

interface YearRow {
  id: number;
  label: string;
  starts_on: string;
  ends_on: string;
}

function findYear(mirror: Mirror, label: string | undefined): YearRow {
  const query = mirror.db.selectFrom('academic_year').select(['id', 'label', 'starts_on', 'ends_on']);
  const year = label
    ? mirror.first(query.where('label', '=', label))
    : mirror.first(query.orderBy('starts_on', 'desc').limit(1));
  if (!year) {
    throw new MoorError(
      'REPORT_NO_YEAR',
      label
        ? `The mirror has no academic year "${label}".`
        : 'The mirror has no academic year yet: sync or import the journal first.',
      { academicYear: label ?? null },
    );
  }
  return year;
}

function periodKey(ref: PeriodRef): { kind: 'quarter' | 'half_year' | 'year'; number: number } {
  if (ref === 'year') return { kind: 'year', number: 1 };
  if (ref === 'h1' || ref === 'h2') return { kind: 'half_year', number: ref === 'h1' ? 1 : 2 };
  return { kind: 'quarter', number: Number(ref) };
}

function periodLabel(kind: 'quarter' | 'half_year' | 'year', number: number, yearLabel: string): Localized {
  const words = reportWords.periods;
  if (kind === 'quarter') return words.quarter(number);
  if (kind === 'half_year') return words.halfYear(number);
  return words.academicYear(yearLabel);
}

/**
 * Turns report parameters into a window of dates. Exactly one of a period or a from/to range;
 * a range must lie in one academic year (the year whose dates contain it, unless named).
 */
export function resolveScope(mirror: Mirror, params: ReportParams): ReportScope {
  const hasRange = params.from !== undefined || params.to !== undefined;
  if (params.period !== undefined && hasRange) {
    throw new MoorError('REPORT_BAD_PARAMS', 'Give either a period or a date range (from/to), not both.');
  }
  const filters = {
    classId: params.classId ?? null,
    teacherId: params.teacherId ?? null,
    subjectId: params.subjectId ?? null,
  };
  if (params.period !== undefined) {
    const year = findYear(mirror, params.academicYear);
    const key = periodKey(params.period);
    const period = mirror.first(
      mirror.db
        .selectFrom('reporting_period')
        .select(['id', 'kind', 'number', 'starts_on', 'ends_on'])
        .where('academic_year_id', '=', year.id)
        .where('kind', '=', key.kind)
        .where('number', '=', key.number),
    );
    if (!period) {
      const whole = key.kind === 'year';
      if (!whole) {
        throw new MoorError(
          'REPORT_NO_PERIOD',
          `The academic year ${year.label} has no ${key.kind.replace('_', '-')} ${key.number} in the mirror.`,
          { academicYear: year.label, period: params.period },
        );
      }
    }
    return {
      academicYearId: year.id,
      academicYear: year.label,
      from: period?.starts_on ?? year.starts_on,
      to: period?.ends_on ?? year.ends_on,
      period: period ? { id: period.id, kind: period.kind, number: period.number } : null,
      label: periodLabel(key.kind, key.number, year.label),
      ...filters,
    };
  }
  if (params.from === undefined || params.to === undefined) {
    throw new MoorError(
      'REPORT_BAD_PARAMS',
      'Choose a period (1–4, h1, h2, year) or a date range with both from and to.',
    );
  }
  if (params.from > params.to) {
    throw new MoorError(
      'REPORT_BAD_PARAMS',
      `The range starts (${params.from}) after it ends (${params.to}).`,
    );
  }
  const year = params.academicYear
    ? findYear(mirror, params.academicYear)
    : mirror.first(
        mirror.db
          .selectFrom('academic_year')
          .select(['id', 'label', 'starts_on', 'ends_on'])
          .where('starts_on', '<=', params.to)
          .where('ends_on', '>=', params.from)
          .orderBy('starts_on', 'desc')
          .limit(1),
      );
  if (!year) {
    throw new MoorError(
      'REPORT_NO_YEAR',
      `No academic year in the mirror covers ${params.from} – ${params.to}.`,
      { from: params.from, to: params.to },
    );
  }
  const range = `${params.from} – ${params.to}`;
  return {
    academicYearId: year.id,
    academicYear: year.label,
    from: params.from,
    to: params.to,
    period: null,
    label: text(range, range, range),
    ...filters,
  };
}
