/** Helpers the report builders share; the report's shape itself is the contract's (shared/report-view.ts). */
export type {
  AnyReport,
  CellValue,
  ColumnDef,
  ColumnFormat,
  DocumentLanguage,
  Localized,
  ReportChart,
  ReportResult,
  ReportTable,
  Row,
  ScopeSummary,
} from '../../shared/report-view';
import type { Localized } from '../../shared/report-view';

export function text(ky: string, ru: string, en: string): Localized {
  return { ky, ru, en };
}

/** Share in percent with one decimal; null when the denominator is zero. */
export function percent(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function ratio(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return round2(part / whole);
}
