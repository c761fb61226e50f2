import type { Migration } from './migration';

/**
 * The audit chain's head a backup's manifest keeps, on its register line too: the register,
 * printed, carries it onto paper, and `audit verify` compares a mirror with it later.
 */
export const m0009BackupAuditHead: Migration = {
  name: '0009_backup_audit_head',
  up(sqlite) {
    sqlite.exec('ALTER TABLE backup_register ADD COLUMN audit_head TEXT');
  },
};
