import type { Generated } from 'kysely';
import type { ErrorCode } from '../../shared/error-codes';
import type { MarkType } from '../../shared/mark-types';

/**
 * Table types of the mirror database. Columns are snake_case and dialect-neutral:
 * dates are ISO 'YYYY-MM-DD' text, instants ISO 8601 text, booleans 0/1 integers.
 * Raw JSON columns keep whatever a source sent that the mirror does not model yet.
 */

export type Language = 'ky' | 'ru';
export type PeriodKind = 'quarter' | 'half_year' | 'year';
export type StaffPosition = 'teacher' | 'deputy' | 'director' | 'secretary' | 'admin';
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

export interface AppUserTable {
  id: Generated<number>;
  login: string;
  full_name: string;
  role: 'deputy' | 'secretary' | 'director' | 'admin';
  password_hash: string;
  active: Generated<number>;
  failed_attempts: Generated<number>;
  locked_until: string | null;
  last_sign_in_at: string | null;
  created_at: string;
}

export interface AppSettingTable {
  key: string;
  value_json: string;
  updated_at: string;
}

export type CloseStatus = 'open' | 'completed';
export type CloseItemKind =
  | 'teacher_check'
  | 'backup'
  | 'class_print'
  | 'subject_signature'
  | 'title_certification'
  | 'handover'
  | 'director_signature'
  | 'stamp'
  | 'folder';
/** 'voided': was done, but the copy it applied to was superseded; it must be done again. */
export type CloseItemStatus = 'open' | 'done' | 'voided' | 'overridden';

export interface CloseRunTable {
  id: Generated<number>;
  period_id: number;
  status: Generated<CloseStatus>;
  started_at: string;
  started_by: string;
  completed_at: string | null;
  completed_by: string | null;
  folder_label: string | null;
}

export interface CloseClassTable {
  close_id: number;
  period_id: number;
  class_id: number;
}

export interface CloseOverrideTable {
  id: Generated<number>;
  close_id: number;
  day: number;
  reason: string;
  open_items: number;
  at: string;
  actor: string;
}

export interface CloseDayTable {
  close_id: number;
  day: number;
  completed_at: string | null;
  completed_by: string | null;
  override_id: number | null;
}

export interface CloseItemTable {
  id: Generated<number>;
  close_id: number;
  day: number;
  kind: CloseItemKind;
  item_key: string;
  class_id: number | null;
  subject_id: number | null;
  teacher_id: number | null;
  status: Generated<CloseItemStatus>;
  done_at: string | null;
  done_by: string | null;
  signed_on: string | null;
  signer_id: number | null;
  document_id: string | null;
  reference: string | null;
  findings: number | null;
  checked_at: string | null;
  override_id: number | null;
  void_reason: string | null;
  voided_at: string | null;
}

export interface AuditHeadTable {
  singleton: number;
  last_id: number;
  last_hash: string;
}

export type SyncSource = 'bundle' | 'workbook' | 'kundoluk';

export interface SyncRunTable {
  id: Generated<number>;
  source: SyncSource;
  source_name: string;
  actor: string;
  started_at: string;
  finished_at: string;
  added: number;
  changed: number;
  removed: number;
  warnings_json: string;
}

/** Who brought a class's subject: a sync source, or the syncs made before sources were recorded. */
export type CoverageSource = SyncSource | 'earlier';

export interface SyncCoverageTable {
  class_id: number;
  subject_id: number;
  source: CoverageSource;
  /** The Kundoluk account's name or the file's; empty for the earlier syncs. */
  account: string;
  synced_through: string;
  synced_at: string;
}

export interface KundolukSyncTable {
  id: Generated<number>;
  account: string;
  range_from: string;
  range_to: string;
  weeks: number;
  weeks_done: Generated<number>;
  done_through: string | null;
  last_run_id: number | null;
  started_at: string;
  finished_at: string | null;
}

export interface MirrorChangeTable {
  id: Generated<number>;
  sync_run_id: number | null;
  seen_at: string;
  kind: string;
  entity: string;
  entity_id: number;
  class_id: number | null;
  subject_id: number | null;
  student_id: number | null;
  period_id: number | null;
  lesson_date: string | null;
  before_value: string | null;
  after_value: string | null;
  details_json: string | null;
}

export interface FrozenScopeTable {
  class_id: number;
  period_id: number;
  frozen_at: string;
  document_id: number | null;
}

export interface SchemaMigrationTable {
  name: string;
  applied_at: string;
}

export type BackupStatus = 'writing' | 'verified' | 'failed';
export type BackupUseKind = 'restore' | 'inspect';

export interface BackupRegisterTable {
  id: Generated<number>;
  year: number;
  number: number;
  backup_id: string;
  started_at: string;
  finished_at: string | null;
  actor: string;
  actor_name: string;
  period_id: number | null;
  medium_label: string | null;
  medium_serial: string | null;
  path: string;
  bytes: number | null;
  sha256: string | null;
  encrypted: number;
  documents: number;
  status: BackupStatus;
  verified_at: string | null;
  verify_result: string | null;
  failure_code: ErrorCode | null;
  failure_reason: string | null;
  /** The audit chain's head ("123:0f3a…") kept in the backup's manifest. */
  audit_head: Generated<string | null>;
}

export interface BackupUseTable {
  id: Generated<number>;
  backup_register_id: number | null;
  backup_id: string | null;
  path: string;
  kind: BackupUseKind;
  at: string;
  actor: string;
  actor_name: string;
  reason: string;
  result: 'ok' | 'failed';
  detail: string | null;
  pre_restore_path: string | null;
}

export interface ArchiveRegisterTable {
  id: Generated<number>;
  year: number;
  number: number;
  academic_year_id: number | null;
  class_id: number | null;
  class_label: string;
  period_id: number | null;
  period_label: string;
  document_title: string;
  document_ref: string | null;
  pages: number;
  received_on: string;
  handed_over_by: string;
  received_by: string;
  director_signed: number;
  stamped: number;
  stitched: number;
  folder_number: string | null;
  storage_place: string | null;
  retention_until: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface HandoverLogTable {
  id: Generated<number>;
  at: string;
  from_staff_id: number | null;
  from_name: string;
  to_staff_id: number | null;
  to_name: string;
  description: string;
  copies: number;
  pages: number | null;
  recorded_by: string;
  recorded_at: string;
}

export interface HandoverItemTable {
  handover_id: number;
  position: number;
  document_ref: string;
}

export type DocumentKind = 'class_copy' | 'year_summary' | 'register';

/** A printed document (class copy, year summary, register) and the hashes that identify it. */
export interface DocumentTable {
  id: string;
  kind: DocumentKind;
  class_id: number | null;
  period_id: number | null;
  academic_year_id: number | null;
  language: Language;
  pages: number;
  sha256: string;
  xlsx_sha256: string | null;
  data_fingerprint: string;
  pdf_path: string;
  xlsx_path: string | null;
  created_at: string;
  created_by: string;
  superseded_by: string | null;
  /** The last sync before printing: the journal data is as of then (null: never synced). */
  data_as_of: string | null;
  /** A re-print: the copy it replaces and why (`ReprintReason` as JSON). */
  replaces_json: string | null;
}

/** A summary sheet printed as a draft, with how many finals it lacked. */
export interface YearSummaryDraftTable {
  document_id: string;
  missing_finals: number;
}

/** The director's signature on one printed year-end summary sheet. */
export interface YearSummarySignoffTable {
  document_id: string;
  signed_on: string;
  signed_by: string;
  recorded_at: string;
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
  audit_head: AuditHeadTable;
  close_run: CloseRunTable;
  close_class: CloseClassTable;
  close_override: CloseOverrideTable;
  close_day: CloseDayTable;
  close_item: CloseItemTable;
  schema_migration: SchemaMigrationTable;
  sync_run: SyncRunTable;
  mirror_change: MirrorChangeTable;
  kundoluk_sync: KundolukSyncTable;
  sync_coverage: SyncCoverageTable;
  frozen_scope: FrozenScopeTable;
  backup_register: BackupRegisterTable;
  backup_use: BackupUseTable;
  archive_register: ArchiveRegisterTable;
  handover_log: HandoverLogTable;
  handover_item: HandoverItemTable;
  app_user: AppUserTable;
  app_setting: AppSettingTable;
  document: DocumentTable;
  year_summary_signoff: YearSummarySignoffTable;
  year_summary_draft: YearSummaryDraftTable;
}
