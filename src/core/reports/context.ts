import type { Clock } from '../clock';
import type { Mirror } from '../db/mirror';
import { schoolToday } from './calendar';
import { loadDirectory, type Directory } from './directory';
import { reportParamsSchema, type ReportParams } from '../../shared/report-params';
import type { ScopeSummary } from './report-types';
import { resolveScope, type ReportScope } from './scope';
import { MoorError } from '../errors';
import type { MarkDeadlines } from '../../shared/journal-rules';
import { schoolMarkDeadlines } from '../rules/mark-deadlines';
import { schoolLanguage } from '../settings/school';

/** What every report starts from: the mirror, the resolved scope, the names, and "now". */
export interface ReportContext {
  readonly mirror: Mirror;
  readonly params: ReportParams;
  readonly scope: ReportScope;
  readonly directory: Directory;
  readonly now: Date;
  /** The school's calendar day now. */
  readonly today: string;
  /** When a mark counts as late: the school's settings, shared with the sync and the day-1 checks. */
  readonly markDeadlines: MarkDeadlines;
}

export function reportContext(mirror: Mirror, input: ReportParams, clock: Clock): ReportContext {
  const parsed = reportParamsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MoorError(
      'REPORT_BAD_PARAMS',
      `Report parameter "${issue?.path.join('.') ?? '?'}" is not valid: ${issue?.message ?? 'unknown problem'}.`,
    );
  }
  const params = parsed.data;
  const scope = resolveScope(mirror, params);
  const now = clock();
  return {
    mirror,
    params,
    scope,
    directory: loadDirectory(mirror, scope, params.language ?? schoolLanguage(mirror)),
    now,
    today: schoolToday(now),
    markDeadlines: schoolMarkDeadlines(mirror),
  };
}

/** The scope as the report shows it (without internal ids the reader has no use for). */
export function scopeSummary(scope: ReportScope): ScopeSummary {
  return {
    academicYear: scope.academicYear,
    from: scope.from,
    to: scope.to,
    period: scope.period,
    label: scope.label,
    classId: scope.classId,
    teacherId: scope.teacherId,
    subjectId: scope.subjectId,
  };
}
