import type { Migration } from './migration';
import { m0001Mirror } from './0001_mirror';
import { m0002SyncHistory } from './0002_sync_history';
import { m0003Close } from './0003_close';
import { m0004Documents } from './0004_documents';
import { m0005BackupRegisters } from './0005_backup_registers';
import { m0006App } from './0006_app';
import { m0007YearSummarySignoff } from './0007_year_summary_signoff';
import { m0008KundolukSync } from './0008_kundoluk_sync';
import { m0009BackupAuditHead } from './0009_backup_audit_head';
import { m0010DocumentReprints } from './0010_document_reprints';
import { m0011YearSummaryDraft } from './0011_year_summary_draft';
import { m0012ArchiveDefaults } from './0012_archive_defaults';
import { m0013SyncCoverage } from './0013_sync_coverage';

/**
 * Every migration in the order it is applied. A static list (no folder scanning) so the
 * packaged app, where sources live inside an asar archive, sees exactly the same steps.
 */
export const migrations: readonly Migration[] = [
  m0001Mirror,
  m0002SyncHistory,
  m0003Close,
  m0004Documents,
  m0005BackupRegisters,
  m0006App,
  m0007YearSummarySignoff,
  m0008KundolukSync,
  m0009BackupAuditHead,
  m0010DocumentReprints,
  m0011YearSummaryDraft,
  m0012ArchiveDefaults,
  m0013SyncCoverage,
];
