import type { Mirror } from '../db/mirror';
import type { CoverageRowView, CoverageSourceName, CoverageView } from '../../shared/coverage-view';

interface PairRow {
  classId: number;
  grade: number;
  letter: string;
  subjectId: number;
  subjectKy: string;
  subjectRu: string;
  source: CoverageSourceName | null;
  account: string | null;
  syncedThrough: string | null;
}

/**
 * The latest school year's classes × subjects (those taught or brought by a source), each with
 * every source that brought it and through which day; a pair no source brought has none.
 */
export function readCoverage(mirror: Mirror): CoverageView {
  const year = mirror.first(
    mirror.db.selectFrom('academic_year').select(['id', 'label']).orderBy('starts_on', 'desc').limit(1),
  );
  if (year === undefined) return { academicYear: null, reachedThrough: null, rows: [] };
  const rows = mirror.sqlite
    .prepare<[number], PairRow>(
      `WITH pairs AS (
         SELECT class_id, subject_id FROM teaching_assignment
         UNION SELECT class_id, subject_id FROM sync_coverage)
       SELECT c.id AS classId, c.grade, c.letter, s.id AS subjectId, s.name_ky AS subjectKy, s.name_ru AS subjectRu,
              v.source, v.account, v.synced_through AS syncedThrough
       FROM pairs p JOIN class c ON c.id = p.class_id JOIN subject s ON s.id = p.subject_id
       LEFT JOIN sync_coverage v ON v.class_id = p.class_id AND v.subject_id = p.subject_id
       WHERE c.academic_year_id = ?
       ORDER BY c.grade, c.letter, s.name_ky, v.synced_through DESC, v.account`,
    )
    .all(year.id);
  const pairs = new Map<string, CoverageRowView & { sources: CoverageRowView['sources'][number][] }>();
  for (const r of rows) {
    const key = `${r.classId}:${r.subjectId}`;
    let pair = pairs.get(key);
    if (pair === undefined) {
      pair = {
        classId: r.classId,
        className: `${r.grade}${r.letter}`,
        subjectId: r.subjectId,
        subjectKy: r.subjectKy,
        subjectRu: r.subjectRu,
        syncedThrough: r.syncedThrough,
        sources: [],
      };
      pairs.set(key, pair);
    }
    if (r.source !== null && r.account !== null && r.syncedThrough !== null) {
      pair.sources.push({ source: r.source, account: r.account, syncedThrough: r.syncedThrough });
    }
  }
  const list = [...pairs.values()];
  const reached = list.map((p) => p.syncedThrough).filter((d) => d !== null);
  return {
    academicYear: year.label,
    reachedThrough: reached.length === 0 ? null : reached.reduce((a, b) => (a > b ? a : b)),
    rows: list,
  };
}
