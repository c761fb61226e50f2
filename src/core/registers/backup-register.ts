import type { ErrorCode } from '../../shared/error-codes';
import type { Selectable, Updateable } from 'kysely';
import { appendAudit } from '../audit/audit-log';
import { type Actor, describeActor } from '../auth/actor';
import type { Mirror } from '../db/mirror';
import type { BackupRegisterTable, BackupUseTable } from '../db/schema';
import { nextRegisterNumber, registerYear } from './register-number';

export type BackupRegisterRow = Selectable<BackupRegisterTable>;
export type BackupUseRow = Selectable<BackupUseTable>;

export interface BackupAttempt {
  backupId: string;
  path: string;
  periodId?: number | null;
  mediumLabel: string | null;
  mediumSerial: string | null;
}

/** Opens the register line of a backup as it starts, so even an attempt that dies midway is on record. */
export function registerBackupStart(
  mirror: Mirror,
  attempt: BackupAttempt,
  actor: Actor,
  at: Date,
): { id: number; year: number; number: number } {
  return mirror.transaction(() => {
    const year = registerYear(at);
    const number = nextRegisterNumber(mirror, 'backup_register', year);
    const values = {
      year,
      number,
      backup_id: attempt.backupId,
      started_at: at.toISOString(),
      actor: describeActor(actor),
      actor_name: actor.name,
      period_id: attempt.periodId ?? null,
      medium_label: attempt.mediumLabel,
      medium_serial: attempt.mediumSerial,
      path: attempt.path,
      encrypted: 1,
      documents: 0,
      status: 'writing' as const,
    };
    const { lastInsertRowid: id } = mirror.run(mirror.db.insertInto('backup_register').values(values));
    appendAudit(
      mirror,
      { actor, action: 'backup.start', entity: 'backup_register', entityId: id, after: values },
      at,
    );
    return { id, year, number };
  });
}

export interface VerifiedBackup {
  path: string;
  bytes: number;
  sha256: string;
  documents: number;
  /** The audit chain's head the backup's manifest keeps ("123:0f3a…"). */
  auditHead: string | null;
}

/** Closes a register line with its outcome, audited in the same transaction. */
function finishLine(
  mirror: Mirror,
  id: number,
  values: Updateable<BackupRegisterTable>,
  action: 'backup.verified' | 'backup.failed',
  actor: Actor,
  at: Date,
): void {
  mirror.transaction(() => {
    mirror.run(mirror.db.updateTable('backup_register').set(values).where('id', '=', id));
    appendAudit(mirror, { actor, action, entity: 'backup_register', entityId: id, after: values }, at);
  });
}

export function registerBackupVerified(
  mirror: Mirror,
  id: number,
  result: VerifiedBackup,
  actor: Actor,
  at: Date,
): void {
  const values = {
    status: 'verified' as const,
    finished_at: at.toISOString(),
    path: result.path,
    bytes: result.bytes,
    sha256: result.sha256,
    documents: result.documents,
    audit_head: result.auditHead,
    verified_at: at.toISOString(),
    verify_result: 'ok',
  };
  finishLine(mirror, id, values, 'backup.verified', actor, at);
}

export function registerBackupFailed(
  mirror: Mirror,
  id: number,
  failure: { code: ErrorCode; reason: string; verifiedAt: Date | null },
  actor: Actor,
  at: Date,
): void {
  const values = {
    status: 'failed' as const,
    finished_at: at.toISOString(),
    failure_code: failure.code,
    failure_reason: failure.reason,
    verified_at: failure.verifiedAt?.toISOString() ?? null,
    verify_result: failure.verifiedAt ? failure.reason : null,
  };
  finishLine(mirror, id, values, 'backup.failed', actor, at);
}

export interface BackupUse {
  kind: 'restore' | 'inspect';
  backupId: string | null;
  path: string;
  reason: string;
  result: 'ok' | 'failed';
  detail?: string | null;
  preRestorePath?: string | null;
}

/** The register of use: every restore or inspection of a backup, who did it, when, why, and how it went. */
export function registerBackupUse(mirror: Mirror, use: BackupUse, actor: Actor, at: Date): number {
  return mirror.transaction(() => {
    const register =
      use.backupId === null
        ? undefined
        : mirror.first(
            mirror.db.selectFrom('backup_register').select('id').where('backup_id', '=', use.backupId),
          );
    const values = {
      backup_register_id: register?.id ?? null,
      backup_id: use.backupId,
      path: use.path,
      kind: use.kind,
      at: at.toISOString(),
      actor: describeActor(actor),
      actor_name: actor.name,
      reason: use.reason,
      result: use.result,
      detail: use.detail ?? null,
      pre_restore_path: use.preRestorePath ?? null,
    };
    const { lastInsertRowid: id } = mirror.run(mirror.db.insertInto('backup_use').values(values));
    appendAudit(
      mirror,
      { actor, action: `backup.${use.kind}`, entity: 'backup_use', entityId: id, after: values },
      at,
    );
    return id;
  });
}

export interface BackupRegisterFilter {
  year?: number;
  status?: BackupRegisterRow['status'];
}

/** Reads are gated by the caller's command with 'registers.read'; writes check their own permission. */
export function listBackupRegister(mirror: Mirror, filter: BackupRegisterFilter = {}): BackupRegisterRow[] {
  let query = mirror.db.selectFrom('backup_register').selectAll();
  if (filter.year !== undefined) query = query.where('year', '=', filter.year);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  return mirror.all(query.orderBy('year').orderBy('number'));
}

export function listBackupUses(mirror: Mirror, filter: { backupRegisterId?: number } = {}): BackupUseRow[] {
  let query = mirror.db.selectFrom('backup_use').selectAll();
  if (filter.backupRegisterId !== undefined)
    query = query.where('backup_register_id', '=', filter.backupRegisterId);
  return mirror.all(query.orderBy('at').orderBy('id'));
}
