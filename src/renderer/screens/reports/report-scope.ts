import type { InputOf } from '../../../shared/contract';
import type { DocumentLanguage, ReportCatalog } from '../../../shared/views';

export type ReportParamsInput = InputOf<'reports.run'>['params'];
export type ReportDefinitionView = ReportCatalog['reports'][number];
type PeriodRef = NonNullable<ReportParamsInput['period']>;

/** What the scope form holds: text as the inputs hold it, turned into report parameters on demand. */
export interface ReportScopeState {
  readonly mode: 'period' | 'range';
  readonly period: PeriodRef;
  readonly from: string;
  readonly to: string;
  readonly classId: string | null;
  readonly teacherId: string | null;
  readonly subjectId: string | null;
  readonly asOf: string;
  readonly unexcusedThreshold: number | null;
  readonly minMarks: number | null;
}

const PERIOD_REFS: readonly PeriodRef[] = ['1', '2', '3', '4', 'h1', 'h2', 'year'];

export function isPeriodRef(value: string): value is PeriodRef {
  return (PERIOD_REFS as readonly string[]).includes(value);
}

/** The quarter running on the day, or the last one that ended; the first quarter before the year starts. */
export function initialScope(catalog: ReportCatalog, today: string): ReportScopeState {
  const quarters = catalog.periods.filter((p) => /^[1-4]$/.test(p.ref));
  const current =
    quarters.find((p) => p.startsOn <= today && today <= p.endsOn) ??
    [...quarters].reverse().find((p) => p.endsOn < today) ??
    quarters[0];
  const ref = current && isPeriodRef(current.ref) ? current.ref : 'year';
  return {
    mode: 'period',
    period: ref,
    from: current?.startsOn ?? '',
    to: current?.endsOn ?? '',
    classId: null,
    teacherId: null,
    subjectId: null,
    asOf: '',
    unexcusedThreshold: null,
    minMarks: null,
  };
}

/** Only the parameters the report reads; a period-only report always goes by period. */
export function reportParams(
  definition: ReportDefinitionView,
  scope: ReportScopeState,
  language: DocumentLanguage,
): ReportParamsInput {
  const reads = (name: string) => definition.parameters.includes(name);
  const byRange = scope.mode === 'range' && reads('range') && !definition.periodOnly;
  const id = (value: string | null) => (value === null ? undefined : Number(value));
  const classId = reads('classId') ? id(scope.classId) : undefined;
  const teacherId = reads('teacherId') ? id(scope.teacherId) : undefined;
  const subjectId = reads('subjectId') ? id(scope.subjectId) : undefined;
  return {
    ...(byRange ? { from: scope.from, to: scope.to } : { period: scope.period }),
    ...(classId === undefined ? {} : { classId }),
    ...(teacherId === undefined ? {} : { teacherId }),
    ...(subjectId === undefined ? {} : { subjectId }),
    ...(reads('asOf') && scope.asOf !== '' ? { asOf: scope.asOf } : {}),
    ...(reads('unexcusedThreshold') && scope.unexcusedThreshold !== null
      ? { unexcusedThreshold: scope.unexcusedThreshold }
      : {}),
    ...(reads('minMarks') && scope.minMarks !== null ? { minMarks: scope.minMarks } : {}),
    language,
  };
}
