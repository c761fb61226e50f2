import type { JournalTable } from '../../db/journal-tables';
import { markTypes } from '../../../shared/mark-types';

/**
 * The columns of every table a bundle carries, in the order a bundle lists them. One source of
 * truth for the bundle's JSON Schema (docs/bundle.schema.json), its validator, its writer and the
 * import pipeline's prepared statements.
 */
export type ColumnType =
  | 'int'
  | 'int?'
  | 'bool'
  | 'real'
  | 'real?'
  | 'text'
  | 'text?'
  | 'date'
  | 'date?'
  | { readonly enum: readonly string[]; readonly nullable?: boolean };

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
}

function columns(spec: Record<string, ColumnType>): readonly ColumnSpec[] {
  return Object.entries(spec).map(([name, type]) => ({ name, type }));
}

export const bundleTables = {
  school: columns({
    id: 'int',
    name_ky: 'text',
    name_ru: 'text',
    address_ky: 'text',
    address_ru: 'text',
    okpo_code: 'text?',
    kundoluk_code: 'text?',
    document_language: { enum: ['ky', 'ru'] },
  }),
  academic_year: columns({ id: 'int', label: 'text', starts_on: 'date', ends_on: 'date' }),
  reporting_period: columns({
    id: 'int',
    academic_year_id: 'int',
    kind: { enum: ['quarter', 'half_year', 'year'] },
    number: 'int',
    starts_on: 'date',
    ends_on: 'date',
  }),
  holiday: columns({
    id: 'int',
    academic_year_id: 'int',
    starts_on: 'date',
    ends_on: 'date',
    name_ky: 'text',
    name_ru: 'text',
  }),
  staff: columns({
    id: 'int',
    kundoluk_pin: 'text?',
    last_name: 'text',
    first_name: 'text',
    middle_name: 'text?',
    position: { enum: ['teacher', 'deputy', 'director', 'secretary', 'admin'] },
    raw: 'text?',
  }),
  subject: columns({
    id: 'int',
    code: 'text',
    name_ky: 'text',
    name_ru: 'text',
    short_ky: 'text',
    short_ru: 'text',
  }),
  class: columns({
    id: 'int',
    academic_year_id: 'int',
    grade: 'int',
    letter: 'text',
    language: { enum: ['ky', 'ru'] },
    class_teacher_id: 'int?',
    kundoluk_id: 'text?',
  }),
  student: columns({
    id: 'int',
    kundoluk_pin: 'text?',
    last_name: 'text',
    first_name: 'text',
    middle_name: 'text?',
    raw: 'text?',
  }),
  enrollment: columns({ id: 'int', class_id: 'int', student_id: 'int', joined_on: 'date', left_on: 'date?' }),
  subgroup: columns({ id: 'int', class_id: 'int', subject_id: 'int', name: 'text' }),
  subgroup_member: columns({ subgroup_id: 'int', student_id: 'int' }),
  teaching_assignment: columns({
    id: 'int',
    class_id: 'int',
    subject_id: 'int',
    subgroup_id: 'int?',
    teacher_id: 'int',
    weekly_hours: 'real',
  }),
  lesson: columns({
    id: 'int',
    class_id: 'int',
    subject_id: 'int',
    subgroup_id: 'int?',
    teacher_id: 'int',
    date: 'date',
    lesson_number: 'int',
    topic: 'text?',
    homework: 'text?',
    is_substitution: 'bool',
    entered_at: 'text',
    source_ref: 'text?',
    raw: 'text?',
  }),
  mark: columns({
    id: 'int',
    lesson_id: 'int',
    student_id: 'int',
    value: 'text',
    numeric_value: 'real?',
    mark_type: { enum: markTypes },
    previous_value: 'text?',
    entered_at: 'text',
    changed_at: 'text',
    source_ref: 'text?',
    raw: 'text?',
  }),
  attendance: columns({
    id: 'int',
    lesson_id: 'int',
    student_id: 'int',
    kind: { enum: ['absent', 'late'] },
    reason: { enum: ['Н', 'Б', 'У'], nullable: true },
    late_minutes: 'int?',
    entered_at: 'text',
    source_ref: 'text?',
  }),
  period_final: columns({
    id: 'int',
    student_id: 'int',
    class_id: 'int',
    subject_id: 'int',
    period_id: 'int',
    value: 'text',
    numeric_value: 'real?',
    entered_at: 'text',
    changed_at: 'text',
    source_ref: 'text?',
    raw: 'text?',
  }),
  frozen_scope: columns({ class_id: 'int', period_id: 'int', frozen_at: 'text', document_id: 'int?' }),
  sync_run: columns({
    id: 'int',
    source: { enum: ['bundle', 'workbook', 'kundoluk'] },
    source_name: 'text',
    actor: 'text',
    started_at: 'text',
    finished_at: 'text',
    added: 'int',
    changed: 'int',
    removed: 'int',
    warnings_json: 'text',
  }),
  mirror_change: columns({
    id: 'int',
    sync_run_id: 'int?',
    seen_at: 'text',
    kind: 'text',
    entity: 'text',
    entity_id: 'int',
    class_id: 'int?',
    subject_id: 'int?',
    student_id: 'int?',
    period_id: 'int?',
    lesson_date: 'date?',
    before_value: 'text?',
    after_value: 'text?',
    details_json: 'text?',
  }),
} as const satisfies Record<BundleTable, readonly ColumnSpec[]>;

/** A bundle carries every journal table, the mirror's own state included. */
export type BundleTable = JournalTable;

export function columnNames(table: BundleTable): string[] {
  return bundleTables[table].map((c) => c.name);
}

/** The key a row is matched by: its id, or both ids of a membership. */
export function rowKey(table: BundleTable, row: Record<string, unknown>): string | number {
  if (table === 'subgroup_member') return `${String(row.subgroup_id)}:${String(row.student_id)}`;
  if (table === 'frozen_scope') return `${String(row.class_id)}:${String(row.period_id)}`;
  return row.id as number;
}
