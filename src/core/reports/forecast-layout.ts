import { common } from './columns';
import type { Confidence, RiskReason } from './forecast-model';
import type { ColumnsLayout, TableLayout } from './layout';
import type { DocumentLanguage, Localized, ReportChart, ReportTable } from './report-types';
import { reportWords } from './report-words';

const w = reportWords.forecast;

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

export type ForecastTables = {
  atRisk: ReportTable<PredictionRow>;
  classes: ReportTable<ClassForecastRow>;
  backtest: ReportTable<BacktestRow>;
  predictions?: ReportTable<PredictionRow>;
};

const predictionColumns: ColumnsLayout<PredictionRow> = {
  class: { format: 'text', header: common.class },
  student: { format: 'text', header: common.student },
  subject: { format: 'text', header: common.subject },
  teacher: { format: 'text', header: common.teacher },
  marks: { format: 'integer', header: w.marks },
  average: { format: 'decimal', header: w.average },
  predicted: { format: 'integer', header: w.forecast },
  risk: { format: 'text', header: w.risk },
  confidence: { format: 'text', header: w.confidence },
  accuracy_pct: {
    format: 'percent',
    header: w.pastAccuracyPct,
  },
};

/** Every word the forecast report prints, and how its tables and charts are laid out. */
export const forecastLayout = {
  title: w.title,
  confidence: {
    high: w.high,
    medium: w.medium,
    low: w.low,
  } satisfies Record<Confidence, Localized>,
  risk: {
    'likely-two': w.likelyA2,
    'too-few-marks': w.tooFewMarksToBeAttested,
  } satisfies Record<RiskReason, Localized>,
  /** How the backtest names an earlier period. */
  periodName(kind: 'quarter' | 'half_year', number: number, language: DocumentLanguage): string {
    const periods = reportWords.periods;
    return (kind === 'quarter' ? periods.quarter(number) : periods.halfYear(number))[language];
  },
  tables: {
    atRisk: {
      title: w.studentsAtRisk,
      columns: predictionColumns,
    },
    classes: {
      title: w.forecastByClass,
      columns: {
        class: { format: 'text', header: common.class },
        students: { format: 'integer', header: common.students },
        fives: { format: 'integer', header: w.mark5 },
        fours: { format: 'integer', header: w.mark4 },
        threes: { format: 'integer', header: w.mark3 },
        twos: { format: 'integer', header: w.mark2 },
        no_forecast: { format: 'integer', header: w.noMarks },
        at_risk_students: { format: 'integer', header: w.atRisk },
        likely_success_pct: {
          format: 'percent',
          header: w.likelySuccessPct,
        },
        likely_quality_pct: {
          format: 'percent',
          header: w.likelyQualityPct,
        },
      },
    },
    backtest: (weeksBeforeEnd: number): TableLayout<BacktestRow> => ({
      title: w.backtestTitle(weeksBeforeEnd),
      columns: {
        period: { format: 'text', header: w.period },
        cutoff: { format: 'date', header: w.forecastDay },
        pairs: { format: 'integer', header: w.finals },
        exact_pct: { format: 'percent', header: w.exactPct },
        within_one_pct: {
          format: 'percent',
          header: w.withinOnePct,
        },
        baseline_pct: {
          format: 'percent',
          header: w.previousFinalRepeatedPct,
        },
        high_pct: {
          format: 'percent',
          header: w.highConfidencePct,
        },
        medium_pct: {
          format: 'percent',
          header: w.mediumConfidencePct,
        },
        low_pct: {
          format: 'percent',
          header: w.lowConfidencePct,
        },
        at_risk_caught_pct: {
          format: 'percent',
          header: w.atRiskCaughtPct,
        },
      },
    }),
    predictions: {
      title: w.allForecasts,
      columns: predictionColumns,
    },
  } satisfies {
    atRisk: TableLayout<PredictionRow>;
    classes: TableLayout<ClassForecastRow>;
    backtest: (weeksBeforeEnd: number) => TableLayout<BacktestRow>;
    predictions: TableLayout<PredictionRow>;
  },
  charts: [
    {
      id: 'forecast-by-class',
      kind: 'bar',
      title: w.forecastFinals,
      tableId: 'classes',
      categoryKey: 'class',
      seriesKeys: ['fives', 'fours', 'threes', 'twos'],
      stacked: true,
    },
  ] satisfies ReportChart[],
  notes: {
    method: w.noteMethod,
    tooFewMarks: w.noteTooFewMarks,
    noBacktest: w.noteNoBacktest,
    backtest: w.noteBacktest,
  },
};
