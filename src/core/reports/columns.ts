import { columnDefs, type ColumnsLayout } from './layout';
import type { ColumnDef, ColumnFormat, Localized, Row } from './report-types';
import { reportWords } from './report-words';

/**
 * A column with its header from the reports' words. Callers name the row type
 * (`column<AttendanceRow>('missed', …)`) so a misspelt key fails to compile.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- R is given explicitly to check the key
export function column<R extends Row>(
  key: keyof R & string,
  format: ColumnFormat,
  header: Localized,
): ColumnDef {
  return { key, format, header };
}

/** The fields that name a journal and its load in a report row. */
type JournalNaming = {
  class: string;
  subject: string;
  subgroup: string;
  teacher: string;
  weekly_hours: number | null;
};

/** Headers that many reports share, in the school's words (docs/domain.md, "Words"). */
export const common = reportWords.common;

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- R is given explicitly to check the key
export function commonColumn<R extends Row>(
  key: keyof R & string,
  which: keyof typeof common,
  format: ColumnFormat = 'text',
): ColumnDef {
  return { key, format, header: common[which] };
}

/** The columns that name a journal and its load: class, subject, subgroup, teacher, weekly hours. */
export const journalColumnsLayout = {
  class: { format: 'text', header: common.class },
  subject: { format: 'text', header: common.subject },
  subgroup: { format: 'text', header: common.subgroup },
  teacher: { format: 'text', header: common.teacher },
  weekly_hours: { format: 'decimal', header: common.weeklyHours },
} satisfies ColumnsLayout<JournalNaming>;

export const journalColumns: readonly ColumnDef[] = columnDefs(journalColumnsLayout);

/** The label of a totals row, in the report's data language. */
export function totalLabel(language: 'ky' | 'ru'): string {
  return common.school[language];
}
