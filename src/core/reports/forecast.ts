import { MoorError } from '../errors';
import { column, commonColumn, totalLabel } from './columns';
import { scopeSummary, type ReportContext } from './context';
import { classOrder, isMarkedClass } from './directory';
import { requirePeriod } from './finals';
import { backtestForecast, type BacktestResult, type BacktestTally } from './forecast-backtest';
import { elapsedShare, marksAsOf, pairKey } from './forecast-data';
import { forecastFinal, type Confidence, type Forecast, type RiskReason } from './forecast-model';
import { DEFAULT_MIN_MARKS } from './params';
import { percent, text, type Localized, type ReportResult, type ReportTable } from './report-types';
import { enrolledStudents, journalStudents, loadJournals, subgroupMembers } from './roster';

export type PredictionRow = {
  class: string;
  student: string;
  subject: string;
  teacher: string;
  marks: number;
  average: number | null;
  predicted: number | null;
  risk: string;
  confidence: string;
  accuracy_pct: number | null;
};

export type ClassForecastRow = {
  class: string;
  students: number;
  fives: number;
  fours: number;
  threes: number;
  twos: number;
  no_forecast: number;
  at_risk_students: number;
  likely_success_pct: number | null;
  likely_quality_pct: number | null;
};

export type BacktestRow = {
  period: string;
  cutoff: string;
  pairs: number;
  exact_pct: number | null;
  within_one_pct: number | null;
  baseline_pct: number | null;
  high_pct: number | null;
  medium_pct: number | null;
  low_pct: number | null;
  at_risk_caught_pct: number | null;
};

export type ForecastReport = ReportResult<{
  atRisk: ReportTable<PredictionRow>;
  classes: ReportTable<ClassForecastRow>;
  backtest: ReportTable<BacktestRow>;
  predictions?: ReportTable<PredictionRow>;
}> & {
  readonly asOf: string;
  readonly weeksBeforeEnd: number;
  /** Backtested share of exact forecasts per confidence, from this year's earlier periods (null: none yet). */
  readonly accuracyByConfidence: Record<Confidence, number | null>;
};

const confidenceNames: Record<Confidence, Localized> = {
  high: text('жогору', 'высокая', 'high'),
  medium: text('орточо', 'средняя', 'medium'),
  low: text('төмөн', 'низкая', 'low'),
};

const riskNames: Record<RiskReason, Localized> = {
  'likely-two': text('«2» болушу мүмкүн', 'вероятна «2»', 'likely a 2'),
  'too-few-marks': text(
    'баа аз, аттестацияланбай калышы мүмкүн',
    'мало отметок, может быть не аттестован',
    'too few marks to be attested',
  ),
};

function tallyRow(period: string, cutoff: string, t: BacktestTally): BacktestRow {
  return {
    period,
    cutoff,
    pairs: t.pairs,
    exact_pct: percent(t.exact, t.pairs),
    within_one_pct: percent(t.withinOne, t.pairs),
    baseline_pct: percent(t.baselineExact, t.baselinePairs),
    high_pct: percent(t.byConfidence.high.exact, t.byConfidence.high.pairs),
    medium_pct: percent(t.byConfidence.medium.exact, t.byConfidence.medium.pairs),
    low_pct: percent(t.byConfidence.low.exact, t.byConfidence.low.pairs),
    at_risk_caught_pct: percent(t.caughtAtRisk, t.actualAtRisk),
  };
}

function periodName(kind: 'quarter' | 'half_year', number: number, language: 'ky' | 'ru'): string {
  if (kind === 'quarter') return language === 'ky' ? `${number}-чейрек` : `${number} четверть`;
  return language === 'ky' ? `${number}-жарым жыл` : `${number} полугодие`;
}

/**
 * Each student's likely final of the period from the marks so far, and the at-risk list (a likely
 * 2, or too few marks to be attested), weeks before the close (K 2.8). How sure each forecast is
 * comes from replaying the same forecast on this year's earlier periods at the same distance from their end.
 */
export function forecastFromContext(context: ReportContext): ForecastReport {
  const { mirror, scope, directory, params } = context;
  requirePeriod(scope, 'forecast');
  const minMarks = params.minMarks ?? DEFAULT_MIN_MARKS;
  const asOf = params.asOf ?? (context.today < scope.to ? context.today : scope.to);
  if (asOf < scope.from) {
    throw new MoorError(
      'REPORT_TOO_EARLY',
      `The period starts on ${scope.from}; there is nothing to forecast from on ${asOf}.`,
      {
        asOf,
        from: scope.from,
      },
    );
  }
  const weeksBeforeEnd = Math.max(
    0,
    Math.round((Date.parse(scope.to) - Date.parse(asOf)) / (7 * 86_400_000)),
  );
  const backtest: BacktestResult = backtestForecast(mirror, {
    academicYearId: scope.academicYearId,
    weeksBefore: weeksBeforeEnd,
    minMarks,
    endedBefore: scope.from,
    classId: scope.classId,
    subjectId: scope.subjectId,
  });
  const accuracyByConfidence: Record<Confidence, number | null> = {
    high: percent(backtest.total.byConfidence.high.exact, backtest.total.byConfidence.high.pairs),
    medium: percent(backtest.total.byConfidence.medium.exact, backtest.total.byConfidence.medium.pairs),
    low: percent(backtest.total.byConfidence.low.exact, backtest.total.byConfidence.low.pairs),
  };

  const journals = loadJournals(mirror, scope).filter((j) => isMarkedClass(directory, j.classId));
  const order = classOrder(directory);
  journals.sort(
    (a, b) =>
      order(a.classId, b.classId) ||
      directory.subjectName(a.subjectId).localeCompare(directory.subjectName(b.subjectId)),
  );
  const onRoll = enrolledStudents(mirror, { ...scope, from: asOf, to: asOf });
  const members = subgroupMembers(mirror, scope);
  const marks = marksAsOf(mirror, {
    from: scope.from,
    asOf,
    classId: scope.classId,
    subjectId: scope.subjectId,
  });
  const share = elapsedShare(scope.from, scope.to, asOf);
  const language = directory.language;

  const predictions: (PredictionRow & { classId: number })[] = [];
  const perClass = new Map<number, Map<number, Forecast[]>>();
  for (const journal of journals) {
    const teacher = journal.teacherIds.map((id) => directory.staffName(id)).join(', ');
    for (const studentId of journalStudents(journal, onRoll, members)) {
      const forecast = forecastFinal(
        marks.get(pairKey(journal.classId, studentId, journal.subjectId)) ?? { count: 0, sum: 0 },
        minMarks,
        share,
      );
      const students = perClass.get(journal.classId) ?? new Map<number, Forecast[]>();
      perClass.set(journal.classId, students);
      students.set(studentId, [...(students.get(studentId) ?? []), forecast]);
      predictions.push({
        classId: journal.classId,
        class: directory.className(journal.classId),
        student: directory.studentName(studentId),
        subject: directory.subjectName(journal.subjectId),
        teacher,
        marks: forecast.count,
        average: forecast.mean,
        predicted: forecast.predicted,
        risk: forecast.risk === null ? '' : riskNames[forecast.risk][language],
        confidence: confidenceNames[forecast.confidence][language],
        accuracy_pct: accuracyByConfidence[forecast.confidence],
      });
    }
  }
  // Class lists run by grade, then by name; the screen and the paper read them that way.
  predictions.sort(
    (a, b) =>
      order(a.classId, b.classId) || a.student.localeCompare(b.student) || a.subject.localeCompare(b.subject),
  );
  const allRows: PredictionRow[] = predictions.map(({ classId: _classId, ...row }) => row);
  const atRisk = allRows.filter((row) => row.risk !== '');

  const school = {
    students: 0,
    fives: 0,
    fours: 0,
    threes: 0,
    twos: 0,
    none: 0,
    atRisk: 0,
    success: 0,
    quality: 0,
  };
  const classRows: ClassForecastRow[] = [];
  for (const classId of directory.classes.keys()) {
    const students = perClass.get(classId);
    if (!students) continue;
    const c = { fives: 0, fours: 0, threes: 0, twos: 0, none: 0, atRisk: 0, success: 0, quality: 0 };
    for (const forecasts of students.values()) {
      for (const f of forecasts) {
        if (f.predicted === null) c.none += 1;
        else if (f.predicted >= 5) c.fives += 1;
        else if (f.predicted === 4) c.fours += 1;
        else if (f.predicted === 3) c.threes += 1;
        else c.twos += 1;
      }
      const predicted = forecasts.map((f) => f.predicted);
      const success = predicted.every((p) => p !== null && p >= 3);
      if (success) c.success += 1;
      if (success && predicted.every((p) => p !== null && p >= 4)) c.quality += 1;
      if (forecasts.some((f) => f.risk !== null)) c.atRisk += 1;
    }
    school.students += students.size;
    school.fives += c.fives;
    school.fours += c.fours;
    school.threes += c.threes;
    school.twos += c.twos;
    school.none += c.none;
    school.atRisk += c.atRisk;
    school.success += c.success;
    school.quality += c.quality;
    classRows.push({
      class: directory.className(classId),
      students: students.size,
      fives: c.fives,
      fours: c.fours,
      threes: c.threes,
      twos: c.twos,
      no_forecast: c.none,
      at_risk_students: c.atRisk,
      likely_success_pct: percent(c.success, students.size),
      likely_quality_pct: percent(c.quality, students.size),
    });
  }

  const predictionColumns = [
    commonColumn<PredictionRow>('class', 'class'),
    commonColumn<PredictionRow>('student', 'student'),
    commonColumn<PredictionRow>('subject', 'subject'),
    commonColumn<PredictionRow>('teacher', 'teacher'),
    column<PredictionRow>('marks', 'integer', 'Баалар', 'Отметок', 'Marks'),
    column<PredictionRow>('average', 'decimal', 'Орточо', 'Средняя', 'Average'),
    column<PredictionRow>('predicted', 'integer', 'Болжолдуу баа', 'Прогноз', 'Forecast'),
    column<PredictionRow>('risk', 'text', 'Тобокелдик', 'Риск', 'Risk'),
    column<PredictionRow>('confidence', 'text', 'Ишенимдүүлүк', 'Уверенность', 'Confidence'),
    column<PredictionRow>(
      'accuracy_pct',
      'percent',
      'Мурунку тактык, %',
      'Точность ранее, %',
      'Past accuracy, %',
    ),
  ];
  const tables: ForecastReport['tables'] = {
    atRisk: {
      id: 'atRisk',
      title: text('Тобокелдиктеги окуучулар', 'Ученики группы риска', 'Students at risk'),
      columns: predictionColumns,
      rows: atRisk,
      totals: null,
    },
    classes: {
      id: 'classes',
      title: text('Класстар боюнча болжол', 'Прогноз по классам', 'Forecast by class'),
      columns: [
        commonColumn('class', 'class'),
        commonColumn('students', 'students', 'integer'),
        column('fives', 'integer', '«5»', '«5»', '5'),
        column('fours', 'integer', '«4»', '«4»', '4'),
        column('threes', 'integer', '«3»', '«3»', '3'),
        column('twos', 'integer', '«2»', '«2»', '2'),
        column('no_forecast', 'integer', 'Баасы жок', 'Нет отметок', 'No marks'),
        column('at_risk_students', 'integer', 'Тобокелдикте', 'В группе риска', 'At risk'),
        column(
          'likely_success_pct',
          'percent',
          'Болжолдуу жетишүү, %',
          'Ожидаемая успеваемость, %',
          'Likely success, %',
        ),
        column(
          'likely_quality_pct',
          'percent',
          'Болжолдуу сапат, %',
          'Ожидаемое качество, %',
          'Likely quality, %',
        ),
      ],
      rows: classRows,
      totals: {
        class: totalLabel(language),
        students: school.students,
        fives: school.fives,
        fours: school.fours,
        threes: school.threes,
        twos: school.twos,
        no_forecast: school.none,
        at_risk_students: school.atRisk,
        likely_success_pct: percent(school.success, school.students),
        likely_quality_pct: percent(school.quality, school.students),
      },
    },
    backtest: {
      id: 'backtest',
      title: text(
        `Текшерүү: мурунку мезгилдер, аягына ${weeksBeforeEnd} жума калганда`,
        `Проверка на прошлых периодах, за ${weeksBeforeEnd} нед. до конца`,
        `Backtest on earlier periods, ${weeksBeforeEnd} weeks before their end`,
      ),
      columns: [
        column('period', 'text', 'Мезгил', 'Период', 'Period'),
        column('cutoff', 'date', 'Болжол күнү', 'Дата прогноза', 'Forecast day'),
        column('pairs', 'integer', 'Жыйынтык баалар', 'Итоговых отметок', 'Finals'),
        column('exact_pct', 'percent', 'Так келди, %', 'Совпало, %', 'Exact, %'),
        column('within_one_pct', 'percent', '±1 ичинде, %', 'В пределах ±1, %', 'Within ±1, %'),
        column(
          'baseline_pct',
          'percent',
          'Мурунку баа кайталанды, %',
          'Повтор прошлой отметки, %',
          'Previous final repeated, %',
        ),
        column(
          'high_pct',
          'percent',
          'Жогору ишенимде, %',
          'При высокой уверенности, %',
          'High confidence, %',
        ),
        column(
          'medium_pct',
          'percent',
          'Орточо ишенимде, %',
          'При средней уверенности, %',
          'Medium confidence, %',
        ),
        column('low_pct', 'percent', 'Төмөн ишенимде, %', 'При низкой уверенности, %', 'Low confidence, %'),
        column(
          'at_risk_caught_pct',
          'percent',
          'Тобокелдик табылды, %',
          'Риск выявлен, %',
          'At-risk caught, %',
        ),
      ],
      rows: backtest.periods.map((p) => tallyRow(periodName(p.kind, p.number, language), p.cutoff, p)),
      totals: backtest.periods.length === 0 ? null : tallyRow(totalLabel(language), '', backtest.total),
    },
  };
  if (scope.classId !== null) {
    tables.predictions = {
      id: 'predictions',
      title: text('Бардык болжолдор', 'Все прогнозы', 'All forecasts'),
      columns: predictionColumns,
      rows: allRows,
      totals: null,
    };
  }
  return {
    name: 'forecast',
    title: forecastTitle,
    scope: scopeSummary(scope),
    generatedAt: context.now.toISOString(),
    asOf,
    weeksBeforeEnd,
    accuracyByConfidence,
    tables,
    charts: [
      {
        id: 'forecast-by-class',
        kind: 'bar',
        title: text('Болжолдуу баалар', 'Прогноз отметок', 'Forecast finals'),
        tableId: 'classes',
        categoryKey: 'class',
        seriesKeys: ['fives', 'fours', 'threes', 'twos'],
        stacked: true,
      },
    ],
    notes: [
      text(
        `Болжол ${asOf} күнгө чейинки утурумдук баалардын орточосунан (тегеректелген). Мезгилдин аягына чейин ${weeksBeforeEnd} жума.`,
        `Прогноз — округлённое среднее текущих отметок по состоянию на ${asOf}. До конца периода ${weeksBeforeEnd} нед.`,
        `The forecast is the rounded mean of the current marks as of ${asOf}, ${weeksBeforeEnd} weeks before the period ends.`,
      ),
      text(
        `Баа аз: ушул темп менен мезгилдин аягына ${minMarks} баага жетпейт.`,
        `Мало отметок: при этом темпе к концу периода не наберётся ${minMarks} отметок.`,
        `Too few marks: at this pace fewer than ${minMarks} marks by the period's end.`,
      ),
      backtest.periods.length === 0
        ? text(
            'Бул окуу жылында текшерүүгө мурунку мезгил жок: ишенимдүүлүктүн тактыгы белгисиз.',
            'В этом учебном году ещё нет прошлых периодов для проверки: точность уверенности неизвестна.',
            'No earlier period this year to backtest on: the accuracy of each confidence level is not known yet.',
          )
        : text(
            `Текшерүү: мурунку мезгилдерде болжол ${tables.backtest.totals?.exact_pct ?? '—'}% учурда так келген.`,
            `Проверка: на прошлых периодах прогноз совпал в ${tables.backtest.totals?.exact_pct ?? '—'}% случаев.`,
            `Backtest: on earlier periods the forecast was exact in ${tables.backtest.totals?.exact_pct ?? '—'}% of cases.`,
          ),
    ],
  };
}

export const forecastTitle = text(
  'Жыйынтык баалардын болжолу',
  'Прогноз итоговых отметок',
  'Forecast of finals',
);
