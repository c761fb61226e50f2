import { createHash } from 'node:crypto';
import type { Mirror } from '../db/mirror';

/** The SHA-256 of one frozen (certified) class period's data, as the audit chain carries it. */
export interface FrozenFingerprint {
  readonly classId: number;
  readonly periodId: number;
  readonly sha256: string;
}

/** The key audit entries carry their fingerprints under (the close's completion, a sync's run). */
export const FINGERPRINTS_KEY = 'frozenFingerprints';

const FORMAT = 'moor-frozen-scope-1';

/*
 * Each section lists its rows in one fixed order, by natural keys (date, lesson number, subject,
 * student), so the same data always gives the same bytes, whatever ids and row order a sync left.
 */
const MARKS = `
  SELECT l.date, l.lesson_number, l.subject_id, l.subgroup_id, m.student_id, m.mark_type, m.value
  FROM mark m JOIN lesson l ON l.id = m.lesson_id
  WHERE l.class_id = ? AND l.date BETWEEN ? AND ?
  ORDER BY 1, 2, 3, 4, 5, 6, 7`;
const ABSENCES = `
  SELECT l.date, l.lesson_number, l.subject_id, l.subgroup_id, a.student_id, a.kind, a.reason, a.late_minutes
  FROM attendance a JOIN lesson l ON l.id = a.lesson_id
  WHERE l.class_id = ? AND l.date BETWEEN ? AND ?
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`;
const FINALS = `
  SELECT subject_id, student_id, value FROM period_final
  WHERE class_id = ? AND period_id = ?
  ORDER BY 1, 2, 3`;

/**
 * The fingerprint of a class period: its marks, absences and finals serialised one JSON array a
 * line, under a header per section. Anyone with the mirror can recompute it (docs/audit.md).
 */
export function scopeFingerprint(mirror: Mirror, classId: number, periodId: number): string {
  const period = mirror.first(
    mirror.db.selectFrom('reporting_period').select(['starts_on', 'ends_on']).where('id', '=', periodId),
  );
  const hash = createHash('sha256');
  hash.update(`${FORMAT}\n${classId}:${periodId}\n`);
  const section = (name: string, query: string, params: unknown[]) => {
    hash.update(`${name}\n`);
    for (const row of mirror.sqlite
      .prepare(query)
      .raw()
      .iterate(...params)) {
      hash.update(`${JSON.stringify(row)}\n`);
    }
  };
  const during = [classId, period?.starts_on ?? '', period?.ends_on ?? ''];
  section('marks', MARKS, during);
  section('absences', ABSENCES, during);
  section('finals', FINALS, [classId, periodId]);
  return hash.digest('hex');
}

export function scopeKey(scope: { classId: number; periodId: number }): string {
  return `${scope.classId}:${scope.periodId}`;
}

/** The newest fingerprint the chain holds for each scope, with the entry that holds it. */
export function recordedFingerprints(mirror: Mirror): Map<string, FrozenFingerprint & { entryId: number }> {
  const found = new Map<string, FrozenFingerprint & { entryId: number }>();
  const rows = mirror.sqlite
    .prepare<[string], { id: number; after_json: string }>(
      'SELECT id, after_json FROM audit_log WHERE after_json LIKE ? ORDER BY id',
    )
    .iterate(`%"${FINGERPRINTS_KEY}"%`);
  for (const row of rows) {
    const after = JSON.parse(row.after_json) as Record<string, unknown>;
    const list = after[FINGERPRINTS_KEY];
    if (!Array.isArray(list)) continue;
    for (const item of list as FrozenFingerprint[]) {
      found.set(scopeKey(item), { ...item, entryId: row.id });
    }
  }
  return found;
}

/**
 * The fingerprints a change must add to the chain: every frozen scope of `classIds` whose data
 * no longer matches its newest fingerprint, and every frozen scope that has none yet (frozen by a
 * bundle, or before fingerprints were kept).
 */
export function fingerprintsToRecord(mirror: Mirror, classIds: ReadonlySet<number>): FrozenFingerprint[] {
  const recorded = recordedFingerprints(mirror);
  const scopes = mirror.all(mirror.db.selectFrom('frozen_scope').select(['class_id', 'period_id']));
  const wanted: FrozenFingerprint[] = [];
  for (const scope of scopes) {
    const key = scopeKey({ classId: scope.class_id, periodId: scope.period_id });
    const known = recorded.get(key);
    if (known !== undefined && !classIds.has(scope.class_id)) continue;
    const sha256 = scopeFingerprint(mirror, scope.class_id, scope.period_id);
    if (known?.sha256 !== sha256) wanted.push({ classId: scope.class_id, periodId: scope.period_id, sha256 });
  }
  return wanted;
}
