import { common } from './columns';
import type { Confidence, RiskReason } from './forecast-model';
import type { ColumnsLayout, TableLayout } from './layout';
import {
  text,
  type DocumentLanguage,
  type Localized,
  type ReportChart,
  type ReportTable,
} from './report-types';

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
  marks: { format: 'integer', header: text('Баалар', 'Отметок', 'Marks') },
  average: { format: 'decimal', header: text('Орточо', 'Средняя', 'Average') },
  predicted: { format: 'integer', header: text('Болжолдуу баа', 'Прогноз', 'Forecast') },
  risk: { format: 'text', header: text('Тобокелдик', 'Риск', 'Risk') },
  confidence: { format: 'text', header: text('Ишенимдүүлүк', 'Уверенность', 'Confidence') },
  accuracy_pct: {
    format: 'percent',
    header: text('Мурунку тактык, %', 'Точность ранее, %', 'Past accuracy, %'),
  },
};

/** Every word the forecast report prints, and how its tables and charts are laid out. */
export const forecastLayout = {
  title: text('Жыйынтык баалардын болжолу', 'Прогноз итоговых отметок', 'Forecast of finals'),
  confidence: {
    high: text('жогору', 'высокая', 'high'),
    medium: text('орточо', 'средняя', 'medium'),
    low: text('төмөн', 'низкая', 'low'),
  } satisfies Record<Confidence, Localized>,
  risk: {
    'likely-two': text('«2» болушу мүмкүн', 'вероятна «2»', 'likely a 2'),
    'too-few-marks': text(
      'баа аз, аттестацияланбай калышы мүмкүн',
      'мало отметок, может быть не аттестован',
      'too few marks to be attested',
    ),
  } satisfies Record<RiskReason, Localized>,
  /** How the backtest names an earlier period. */
  periodName(kind: 'quarter' | 'half_year', number: number, language: DocumentLanguage): string {
    if (kind === 'quarter') return language === 'ky' ? `${number}-чейрек` : `${number} четверть`;
    return language === 'ky' ? `${number}-жарым жыл` : `${number} полугодие`;
  },
  tables: {
    atRisk: {
      title: text('Тобокелдиктеги окуучулар', 'Ученики группы риска', 'Students at risk'),
      columns: predictionColumns,
    },
    classes: {
      title: text('Класстар боюнча болжол', 'Прогноз по классам', 'Forecast by class'),
      columns: {
        class: { format: 'text', header: common.class },
        students: { format: 'integer', header: common.students },
        fives: { format: 'integer', header: text('«5»', '«5»', '5') },
        fours: { format: 'integer', header: text('«4»', '«4»', '4') },
        threes: { format: 'integer', header: text('«3»', '«3»', '3') },
        twos: { format: 'integer', header: text('«2»', '«2»', '2') },
        no_forecast: { format: 'integer', header: text('Баасы жок', 'Нет отметок', 'No marks') },
        at_risk_students: { format: 'integer', header: text('Тобокелдикте', 'В группе риска', 'At risk') },
        likely_success_pct: {
          format: 'percent',
          header: text('Болжолдуу жетишүү, %', 'Ожидаемая успеваемость, %', 'Likely success, %'),
        },
        likely_quality_pct: {
          format: 'percent',
          header: text('Болжолдуу сапат, %', 'Ожидаемое качество, %', 'Likely quality, %'),
        },
      },
    },
    backtest: (weeksBeforeEnd: number): TableLayout<BacktestRow> => ({
      title: text(
        `Текшерүү: мурунку мезгилдер, аягына ${weeksBeforeEnd} жума калганда`,
        `Проверка на прошлых периодах, за ${weeksBeforeEnd} нед. до конца`,
        `Backtest on earlier periods, ${weeksBeforeEnd} weeks before their end`,
      ),
      columns: {
        period: { format: 'text', header: text('Мезгил', 'Период', 'Period') },
        cutoff: { format: 'date', header: text('Болжол күнү', 'Дата прогноза', 'Forecast day') },
        pairs: { format: 'integer', header: text('Жыйынтык баалар', 'Итоговых отметок', 'Finals') },
        exact_pct: { format: 'percent', header: text('Так келди, %', 'Совпало, %', 'Exact, %') },
        within_one_pct: {
          format: 'percent',
          header: text('±1 ичинде, %', 'В пределах ±1, %', 'Within ±1, %'),
        },
        baseline_pct: {
          format: 'percent',
          header: text(
            'Мурунку баа кайталанды, %',
            'Повтор прошлой отметки, %',
            'Previous final repeated, %',
          ),
        },
        high_pct: {
          format: 'percent',
          header: text('Жогору ишенимде, %', 'При высокой уверенности, %', 'High confidence, %'),
        },
        medium_pct: {
          format: 'percent',
          header: text('Орточо ишенимде, %', 'При средней уверенности, %', 'Medium confidence, %'),
        },
        low_pct: {
          format: 'percent',
          header: text('Төмөн ишенимде, %', 'При низкой уверенности, %', 'Low confidence, %'),
        },
        at_risk_caught_pct: {
          format: 'percent',
          header: text('Тобокелдик табылды, %', 'Риск выявлен, %', 'At-risk caught, %'),
        },
      },
    }),
    predictions: {
      title: text('Бардык болжолдор', 'Все прогнозы', 'All forecasts'),
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
      title: text('Болжолдуу баалар', 'Прогноз отметок', 'Forecast finals'),
      tableId: 'classes',
      categoryKey: 'class',
      seriesKeys: ['fives', 'fours', 'threes', 'twos'],
      stacked: true,
    },
  ] satisfies ReportChart[],
  notes: {
    method: (asOf: string, weeksBeforeEnd: number) =>
      text(
        `Болжол ${asOf} күнгө чейинки утурумдук баалардын орточосунан (тегеректелген). Мезгилдин аягына чейин ${weeksBeforeEnd} жума.`,
        `Прогноз — округлённое среднее текущих отметок по состоянию на ${asOf}. До конца периода ${weeksBeforeEnd} нед.`,
        `The forecast is the rounded mean of the current marks as of ${asOf}, ${weeksBeforeEnd} weeks before the period ends.`,
      ),
    tooFewMarks: (minMarks: number) =>
      text(
        `Баа аз: ушул темп менен мезгилдин аягына ${minMarks} баага жетпейт.`,
        `Мало отметок: при этом темпе к концу периода не наберётся ${minMarks} отметок.`,
        `Too few marks: at this pace fewer than ${minMarks} marks by the period's end.`,
      ),
    noBacktest: text(
      'Бул окуу жылында текшерүүгө мурунку мезгил жок: ишенимдүүлүктүн тактыгы белгисиз.',
      'В этом учебном году ещё нет прошлых периодов для проверки: точность уверенности неизвестна.',
      'No earlier period this year to backtest on: the accuracy of each confidence level is not known yet.',
    ),
    backtest: (exactPct: number | null) =>
      text(
        `Текшерүү: мурунку мезгилдерде болжол ${exactPct ?? '—'}% учурда так келген.`,
        `Проверка: на прошлых периодах прогноз совпал в ${exactPct ?? '—'}% случаев.`,
        `Backtest: on earlier periods the forecast was exact in ${exactPct ?? '—'}% of cases.`,
      ),
  },
};
