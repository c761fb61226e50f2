import type { Actor } from '../auth/actor';
import { assertAllowed } from '../auth/permissions';
import type { Clock } from '../clock';
import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';
import { achievementFromContext, achievementTitle } from './achievement';
import { attendanceFromContext, attendanceTitle } from './attendance';
import { reportContext, type ReportContext } from './context';
import { forecastFromContext, forecastTitle } from './forecast';
import { journalKeepingFromContext, journalKeepingTitle } from './journal-keeping';
import { markAccumulationFromContext, markAccumulationTitle } from './mark-accumulation';
import { monthlyFillingFromContext, monthlyFillingTitle } from './monthly-filling';
import type { ReportParams } from '../../shared/report-params';
import { text, type AnyReport, type Localized } from './report-types';
import { weeklyActivityFromContext, weeklyActivityTitle } from './weekly-activity';

export const reportNames = [
  'journal-keeping',
  'mark-accumulation',
  'weekly-activity',
  'monthly-filling',
  'attendance',
  'achievement',
  'forecast',
] as const;
export type ReportName = (typeof reportNames)[number];

/** Which parameters a report reads (the screen shows only these). */
export type ReportParameter =
  | 'period'
  | 'range'
  | 'classId'
  | 'teacherId'
  | 'subjectId'
  | 'asOf'
  | 'unexcusedThreshold'
  | 'minMarks'
  | 'language';

export interface ReportDefinition {
  readonly name: ReportName;
  readonly title: Localized;
  readonly description: Localized;
  /** Made for a period only (finals exist per period), never for a free date range. */
  readonly periodOnly: boolean;
  readonly parameters: readonly ReportParameter[];
  readonly build: (context: ReportContext) => AnyReport;
}

const filters: readonly ReportParameter[] = [
  'period',
  'range',
  'classId',
  'teacherId',
  'subjectId',
  'language',
];

/** Every monitoring report of the deputies (I 3.4, I 6), in the order the screen lists them. */
export const reportDefinitions: readonly ReportDefinition[] = [
  {
    name: 'journal-keeping',
    title: journalKeepingTitle,
    description: text(
      'Жүктөмгө карата өткөн сабактар, темасы жана үй тапшырмасы жок сабактар, кечиккен, оңдолгон баалар, алмаштыруулар.',
      'Проведённые уроки к нагрузке, уроки без темы и д/з, отметки с опозданием и исправленные, замены.',
      'Lessons held against the load, lessons without topic or homework, late and corrected marks, substitutions.',
    ),
    periodOnly: false,
    parameters: filters,
    build: journalKeepingFromContext,
  },
  {
    name: 'mark-accumulation',
    title: markAccumulationTitle,
    description: text(
      'Бир окуучуга баалар жумалык жүктөмгө карата; баасы жок жана бир гана баасы бар окуучулар.',
      'Отметки на ученика к недельной нагрузке; ученики без отметок и с одной отметкой.',
      'Marks per student against the weekly load; students with no marks or only one.',
    ),
    periodOnly: false,
    parameters: filters,
    build: markAccumulationFromContext,
  },
  {
    name: 'weekly-activity',
    title: weeklyActivityTitle,
    description: text(
      'Ар бир мугалим күн сайын журналга эмне киргизгени.',
      'Что каждый учитель вносил в журнал по дням.',
      'What each teacher entered into the journal, day by day.',
    ),
    periodOnly: false,
    parameters: filters,
    build: weeklyActivityFromContext,
  },
  {
    name: 'monthly-filling',
    title: monthlyFillingTitle,
    description: text(
      'Айлар жана класстар боюнча журналдын толтурулушу жана баалардын топтолушу.',
      'Заполнение журнала и накопляемость отметок по месяцам и классам.',
      'Journal filling and mark accumulation by month and class.',
    ),
    periodOnly: false,
    parameters: filters,
    build: monthlyFillingFromContext,
  },
  {
    name: 'attendance',
    title: attendanceTitle,
    description: text(
      'Катышуу пайызы, Б / У / Н себептери боюнча калтырылган сабактар, жүйөсүз көп калтыргандар.',
      'Процент посещаемости, пропуски по причинам Б / У / Н, ученики с пропусками без уважительной причины.',
      'Attendance %, missed lessons by Б / У / Н, students with many unexcused absences.',
    ),
    periodOnly: false,
    parameters: [...filters, 'unexcusedThreshold'],
    build: attendanceFromContext,
  },
  {
    name: 'achievement',
    title: achievementTitle,
    description: text(
      'Жетишүү жана сапат, предметтер боюнча орточо балл, эң жакшы окуучулар жана «2» алгандар.',
      'Успеваемость и качество, средний балл по предметам, отличники и ученики с «2».',
      'Success and quality rates, averages by subject, excellent students and students with a 2.',
    ),
    periodOnly: true,
    parameters: ['period', 'classId', 'teacherId', 'subjectId', 'language'],
    build: achievementFromContext,
  },
  {
    name: 'forecast',
    title: forecastTitle,
    description: text(
      'Утурумдук баалардан болжолдуу жыйынтык баа жана тобокелдиктеги окуучулар, ишенимдүүлүгү менен.',
      'Ожидаемая итоговая отметка по текущим и ученики группы риска, с уверенностью прогноза.',
      'Each student’s likely final from the current marks and the at-risk list, with how sure it is.',
    ),
    periodOnly: true,
    parameters: ['period', 'classId', 'teacherId', 'subjectId', 'asOf', 'minMarks', 'language'],
    build: forecastFromContext,
  },
];

export function findReport(name: string): ReportDefinition {
  const definition = reportDefinitions.find((d) => d.name === name);
  if (!definition) {
    throw new MoorError(
      'REPORT_NOT_FOUND',
      `There is no report "${name}". Reports: ${reportNames.join(', ')}.`,
      { name },
    );
  }
  return definition;
}

/** Runs one report for someone allowed to read reports (deputies and the director). */
export function runReport(
  mirror: Mirror,
  actor: Actor,
  name: string,
  params: ReportParams,
  clock: Clock,
): AnyReport {
  assertAllowed(actor, 'reports.read');
  return findReport(name).build(reportContext(mirror, params, clock));
}

/** All reports of one period from one resolved context (what the period's end asks for, I 6). */
export function runReports(
  mirror: Mirror,
  actor: Actor,
  names: readonly ReportName[],
  params: ReportParams,
  clock: Clock,
): AnyReport[] {
  assertAllowed(actor, 'reports.read');
  const context = reportContext(mirror, params, clock);
  return names.map((name) => findReport(name).build(context));
}
