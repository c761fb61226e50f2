import type { Generated } from 'kysely';

/**
 * Table types of the mirror database. Columns are snake_case and dialect-neutral:
 * dates are ISO 'YYYY-MM-DD' text, instants ISO 8601 text, booleans 0/1 integers.
 * Raw JSON columns keep whatever a source sent that the mirror does not model yet.
 */

export type Language = 'ky' | 'ru';
export type PeriodKind = 'quarter' | 'half_year' | 'year';
export type StaffPosition = 'teacher' | 'deputy' | 'director' | 'secretary' | 'admin';
export type MarkType =
  'general' | 'control' | 'write' | 'test' | 'homework' | 'laboratory' | 'practice' | 'exam';
export type AbsenceReason = 'Н' | 'Б' | 'У';
export type AttendanceKind = 'absent' | 'late';

export interface SchoolTable {
  id: Generated<number>;
  name_ky: string;
  name_ru: string;
  address_ky: string;
  address_ru: string;
  okpo_code: string | null;
  kundoluk_code: string | null;
  document_language: Language;
}

export interface AcademicYearTable {
  id: Generated<number>;
  label: string;
  starts_on: string;
  ends_on: string;
}

export interface ReportingPeriodTable {
  id: Generated<number>;
  academic_year_id: number;
  kind: PeriodKind;
  number: number;
  starts_on: string;
  ends_on: string;
}

export interface HolidayTable {
  id: Generated<number>;
  academic_year_id: number;
  starts_on: string;
  ends_on: string;
  name_ky: string;
  name_ru: string;
}

export interface StaffTable {
  id: Generated<number>;
  kundoluk_pin: string | null;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  position: StaffPosition;
  raw: string | null;
}

export interface SubjectTable {
  id: Generated<number>;
  code: string;
  name_ky: string;
  name_ru: string;
  short_ky: string;
  short_ru: string;
}

export interface ClassTable {
  id: Generated<number>;
  academic_year_id: number;
  grade: number;
  letter: string;
  language: Language;
  class_teacher_id: number | null;
  kundoluk_id: string | null;
}

export interface StudentTable {
  id: Generated<number>;
  kundoluk_pin: string | null;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  raw: string | null;
}

export interface EnrollmentTable {
  id: Generated<number>;
  class_id: number;
  student_id: number;
  joined_on: string;
  left_on: string | null;
}

export interface SubgroupTable {
  id: Generated<number>;
  class_id: number;
  subject_id: number;
  name: string;
}

export interface SubgroupMemberTable {
  subgroup_id: number;
  student_id: number;
}

export interface TeachingAssignmentTable {
  id: Generated<number>;
  class_id: number;
  subject_id: number;
  subgroup_id: number | null;
  teacher_id: number;
  weekly_hours: number;
}

export interface LessonTable {
  id: Generated<number>;
  class_id: number;
  subject_id: number;
  subgroup_id: number | null;
  teacher_id: number;
  date: string;
  lesson_number: number;
  topic: string | null;
  homework: string | null;
  is_substitution: number;
  entered_at: string;
  source_ref: string | null;
  raw: string | null;
}

export interface MarkTable {
  id: Generated<number>;
  lesson_id: number;
  student_id: number;
  value: string;
  numeric_value: number | null;
  mark_type: MarkType;
  previous_value: string | null;
  entered_at: string;
  changed_at: string;
  source_ref: string | null;
  raw: string | null;
}

export interface AttendanceTable {
  id: Generated<number>;
  lesson_id: number;
  student_id: number;
  kind: AttendanceKind;
  reason: AbsenceReason | null;
  late_minutes: number | null;
  entered_at: string;
  source_ref: string | null;
}

export interface PeriodFinalTable {
  id: Generated<number>;
  student_id: number;
  class_id: number;
  subject_id: number;
  period_id: number;
  value: string;
  numeric_value: number | null;
  entered_at: string;
  changed_at: string;
  source_ref: string | null;
  raw: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface SchemaMigrationTable {
  name: string;
  applied_at: string;
}

export interface DB {
  school: SchoolTable;
  academic_year: AcademicYearTable;
  reporting_period: ReportingPeriodTable;
  holiday: HolidayTable;
  staff: StaffTable;
  subject: SubjectTable;
  class: ClassTable;
  student: StudentTable;
  enrollment: EnrollmentTable;
  subgroup: SubgroupTable;
  subgroup_member: SubgroupMemberTable;
  teaching_assignment: TeachingAssignmentTable;
  lesson: LessonTable;
  mark: MarkTable;
  attendance: AttendanceTable;
  period_final: PeriodFinalTable;
  audit_log: AuditLogTable;
  schema_migration: SchemaMigrationTable;
}
