import { AUDIT_GENESIS_HASH, auditRowHash } from '../../audit/audit-log';
import { changedFrozenScopes } from '../../audit/verify-frozen';
import { classLabel, periodLabel } from '../../registers/journal-labels';
import { schoolLanguage } from '../../settings/school';
import { JobCancelled, type JobScope } from './job-scope';

export interface AuditVerification {
  readonly entries: number;
  /** The first entry whose hash or link does not match, or null when the chain is whole. */
  readonly brokenAt: number | null;
  /** Certified periods whose marks, absences or finals no longer match their fingerprint, or were unfrozen. */
  readonly frozenChanged: readonly { readonly className: string; readonly period: string }[];
}

const CHUNK = 2000;

/** Re-computes the audit log's hash chain, in chunks, reporting progress. */
export function verifyAuditChain(scope: JobScope): AuditVerification {
  const { mirror } = scope;
  const total =
    mirror.first(mirror.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  let previous = AUDIT_GENESIS_HASH;
  let lastId = 0;
  let seen = 0;
  for (;;) {
    if (scope.cancelled()) throw new JobCancelled();
    const rows = mirror.all(
      mirror.db.selectFrom('audit_log').selectAll().where('id', '>', lastId).orderBy('id').limit(CHUNK),
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      const { hash, ...rest } = row;
      if (row.prev_hash !== previous || auditRowHash(rest) !== hash)
        return { entries: total, brokenAt: row.id, frozenChanged: frozenChanged(scope) };
      previous = hash;
      lastId = row.id;
    }
    seen += rows.length;
    scope.progress(total === 0 ? 1 : seen / total, 'job.auditVerify.progress');
  }
  return { entries: total, brokenAt: null, frozenChanged: frozenChanged(scope) };
}

/** Each changed certified period once, named in the school's document language. */
function frozenChanged(scope: JobScope): AuditVerification['frozenChanged'] {
  const { mirror } = scope;
  const language = schoolLanguage(mirror);
  const seen = new Set<string>();
  return changedFrozenScopes(mirror).flatMap((changed) => {
    const key = `${changed.classId}:${changed.periodId}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [
      {
        className: classLabel(mirror, changed.classId, language).label,
        period: periodLabel(mirror, changed.periodId, language).label,
      },
    ];
  });
}
