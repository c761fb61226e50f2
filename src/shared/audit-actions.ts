/**
 * Every action the audit log records, by its stored id. The window names each in the reader's
 * language from a `Record<AuditAction, string>`, so an action without words is a compile error.
 */
export const auditActions = [
  'setup.complete',
  'user.signIn',
  'user.signInDelayed',
  'user.signOut',
  'user.create',
  'user.setPassword',
  'user.activate',
  'user.deactivate',
  'staff.position',
  'class.classTeacher',
  'class.language',
  'settings.update',
  'settings.school',
  'settings.quarters',
  'settings.journalRules',
  'settings.archiveDefaults',
  'settings.kundoluk',
  'settings.kundolukTokenMoved',
  'settings.kundolukSignIn',
  'kundoluk.accountAdd',
  'kundoluk.accountRemove',
  'settings.backupPassphrase',
  'settings.addSchoolYear',
  'mirror.sync',
  'document.print',
  'document.directorSign',
  'close.start',
  'close.check',
  'close.override',
  'close.backup',
  'close.print',
  'close.reprint',
  'close.sign',
  'close.certify',
  'close.handover',
  'close.receive',
  'close.confirm',
  'close.directorSign',
  'close.stamp',
  'close.formFolder',
  'close.day.complete',
  'close.day.reopen',
  'close.supersede',
  'close.complete',
  'close.cancel',
  'backup.start',
  'backup.verified',
  'backup.failed',
  'backup.restore',
  'backup.inspect',
  'handover.record',
  'archive.add',
  'archive.update',
  'archive.folderStitched',
] as const;

export type AuditAction = (typeof auditActions)[number];

/** The kinds of things an audited action changes, by the table that holds them. */
export const auditEntities = [
  'school',
  'academic_year',
  'app_setting',
  'app_user',
  'staff',
  'class',
  'sync_run',
  'document',
  'close_run',
  'close_day',
  'close_item',
  'close_class',
  'backup_register',
  'backup_use',
  'handover_log',
  'archive_register',
] as const;

export type AuditEntity = (typeof auditEntities)[number];

/** Who an entry names: a person signed in, the command line run by a computer user, setup, or Мөөр itself. */
export type AuditActorKind = 'person' | 'commandLine' | 'setup' | 'system';
