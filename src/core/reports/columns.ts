import type { ColumnDef, ColumnFormat, Row } from './report-types';

/**
 * A column with its header in Kyrgyz, Russian and English. Callers name the row type
 * (`column<AttendanceRow>('missed', …)`) so a misspelt key fails to compile.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- R is given explicitly to check the key
export function column<R extends Row>(
  key: keyof R & string,
  format: ColumnFormat,
  ky: string,
  ru: string,
  en: string,
): ColumnDef {
  return { key, format, header: { ky, ru, en } };
}

/** Headers that many reports share, in the school's words (docs/domain.md, "Words"). */
export const common = {
  class: ['Класс', 'Класс', 'Class'],
  subject: ['Предмет', 'Предмет', 'Subject'],
  subgroup: ['Топ', 'Подгруппа', 'Subgroup'],
  teacher: ['Мугалим', 'Учитель', 'Teacher'],
  classTeacher: ['Класс жетекчи', 'Классный руководитель', 'Class teacher'],
  student: ['Окуучу', 'Ученик', 'Student'],
  students: ['Окуучулар', 'Учеников', 'Students'],
  school: ['Мектеп боюнча', 'По школе', 'School'],
} as const satisfies Record<string, readonly [string, string, string]>;

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- R is given explicitly to check the key
export function commonColumn<R extends Row>(
  key: keyof R & string,
  which: keyof typeof common,
  format: ColumnFormat = 'text',
): ColumnDef {
  const [ky, ru, en] = common[which];
  return column<R>(key, format, ky, ru, en);
}

/** The columns that name a journal and its load: class, subject, subgroup, teacher, weekly hours. */
export const journalColumns: readonly ColumnDef[] = [
  commonColumn('class', 'class'),
  commonColumn('subject', 'subject'),
  commonColumn('subgroup', 'subgroup'),
  commonColumn('teacher', 'teacher'),
  column('weekly_hours', 'decimal', 'Жумалык саат', 'Часов в неделю', 'Weekly hours'),
];

/** The label of a totals row, in the report's data language. */
export function totalLabel(language: 'ky' | 'ru'): string {
  return language === 'ky' ? common.school[0] : common.school[1];
}
