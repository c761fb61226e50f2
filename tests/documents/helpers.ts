import { execFileSync } from 'node:child_process';
import type { Mirror } from '../../src/core/db/mirror';
import { summaryClasses } from '../../src/core/documents/year-summary/summary-years';
import { loadYearSummary } from '../../src/core/journal/year-summary';
import { missingYearFinals } from '../../src/core/journal/year-summary-gaps';

/**
 * The text of a PDF as poppler's pdftotext reads it (one string per page). `layout` keeps each
 * printed line together (a label beside its value) instead of reading column by column; `raw`
 * keeps the text in the order it was drawn, with diagonal text (a watermark), which the default
 * mode leaves out.
 */
export function pdfPagesText(file: string, options: { layout?: boolean; raw?: boolean } = {}): string[] {
  const mode = [...(options.layout === true ? ['-layout'] : []), ...(options.raw === true ? ['-raw'] : [])];
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', ...mode, file, '-'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** Words of a text with all whitespace folded, so wrapped lines compare equal to the source. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A cell value read back with exceljs as plain text (our files hold only strings and numbers). */
export function cellString(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  throw new Error(`unexpected cell value ${JSON.stringify(value)}`);
}

/**
 * Gives every final a year's summary sheets would miss a "4" (the demo school leaves some out, as
 * real journals do), so its sheets print as the certified document rather than being refused.
 */
export function giveMissingYearFinals(mirror: Mirror, academicYearId = 1): number {
  const insert = mirror.sqlite.prepare(
    `INSERT INTO period_final (student_id, class_id, subject_id, period_id, value, numeric_value, entered_at, changed_at)
     VALUES (?, ?, ?, ?, '4', 4, '2026-05-25T08:00:00Z', '2026-05-25T08:00:00Z')`,
  );
  let given = 0;
  for (const klass of summaryClasses(mirror, academicYearId)) {
    const summary = loadYearSummary(mirror, klass.id, academicYearId);
    for (const m of missingYearFinals(mirror, summary)) {
      insert.run(m.studentId, klass.id, m.subjectId, m.periodId);
      given += 1;
    }
  }
  return given;
}
