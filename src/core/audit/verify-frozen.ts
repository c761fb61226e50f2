import type { Mirror } from '../db/mirror';
import { recordedFingerprints, scopeFingerprint, scopeKey } from './frozen-fingerprint';
import type { AuditProblem } from './verify-chain';

/** "class 8А, 2025-2026 quarter 1", for a verifier's messages. */
function scopeName(mirror: Mirror, classId: number, periodId: number): string {
  const klass = mirror.first(
    mirror.db.selectFrom('class').select(['grade', 'letter']).where('id', '=', classId),
  );
  const period = mirror.first(
    mirror.db
      .selectFrom('reporting_period as p')
      .innerJoin('academic_year as y', 'y.id', 'p.academic_year_id')
      .select(['p.kind', 'p.number', 'y.label'])
      .where('p.id', '=', periodId),
  );
  const kindName = { quarter: 'quarter', half_year: 'half-year', year: 'year' } as const;
  return (
    `class ${klass ? `${klass.grade}${klass.letter}` : `#${classId}`}, ` +
    (period
      ? `${period.label} ${kindName[period.kind]}${period.kind === 'year' ? '' : ` ${period.number}`}`
      : `period #${periodId}`)
  );
}

/** A certified period the chain holds a fingerprint of, whose data or freezing no longer matches. */
export interface ChangedFrozenScope {
  readonly classId: number;
  readonly periodId: number;
  readonly kind: 'frozen-data' | 'unfrozen';
  /** The entry holding the fingerprint. */
  readonly entryId: number;
  readonly sha256: string;
}

/**
 * Recomputes every frozen scope the chain holds a fingerprint of: its marks, absences and finals
 * must still be what was certified (or what the last sync recorded changing), and it must still be
 * frozen.
 */
export function changedFrozenScopes(mirror: Mirror): ChangedFrozenScope[] {
  const changed: ChangedFrozenScope[] = [];
  const frozen = new Set(
    mirror
      .all(mirror.db.selectFrom('frozen_scope').select(['class_id', 'period_id']))
      .map((s) => scopeKey({ classId: s.class_id, periodId: s.period_id })),
  );
  for (const [key, recorded] of recordedFingerprints(mirror)) {
    const { classId, periodId, entryId, sha256 } = recorded;
    if (!frozen.has(key)) changed.push({ classId, periodId, entryId, sha256, kind: 'unfrozen' });
    if (scopeFingerprint(mirror, classId, periodId) !== sha256)
      changed.push({ classId, periodId, entryId, sha256, kind: 'frozen-data' });
  }
  return changed;
}

/** The changed frozen scopes as a verifier's problems, each naming its class period. */
export function verifyFrozenScopes(mirror: Mirror): AuditProblem[] {
  return changedFrozenScopes(mirror).map((scope) => {
    const name = scopeName(mirror, scope.classId, scope.periodId);
    return scope.kind === 'unfrozen'
      ? {
          kind: scope.kind,
          entryId: scope.entryId,
          message: `The certified period ${name} (frozen in entry ${scope.entryId}) is no longer marked frozen: its record was deleted.`,
        }
      : {
          kind: scope.kind,
          entryId: scope.entryId,
          message:
            `The marks, absences or finals of the certified period ${name} were changed outside Мөөр: ` +
            `they no longer match the fingerprint of entry ${scope.entryId} (${scope.sha256.slice(0, 16)}…).`,
        };
  });
}
