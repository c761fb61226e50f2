import path from 'node:path';
import type { Actor } from '../../src/core/auth/actor';
import { fixedClock } from '../../src/core/clock';
import type { Mirror } from '../../src/core/db/mirror';
import { freezePeriod } from '../../src/core/mirror/frozen';
import { exportBundleFile, syncBundleFile } from '../../src/core/mirror/sync-bundle';
import { tempDir } from '../support/temp-dir';

export interface CorrectedMark {
  readonly markId: number;
  readonly classId: number;
  readonly className: string;
  /** What the mirror had before the sync. */
  readonly before: string;
  /** What Kundoluk shows now. */
  readonly after: string;
}

/**
 * Makes the mirror see a corrected mark the way it would in a school: the mirror holds one value,
 * then a sync from Kundoluk (here our JSON bundle) brings another for the same mark. With
 * `certified`, the mark's class quarter is first frozen, as the close does once its copy is certified.
 */
export function seeCorrectedMark(
  mirror: Mirror,
  actor: Actor,
  seenAt: string,
  options: { certified?: boolean } = {},
): CorrectedMark {
  const dir = tempDir('moor-seen-');
  const file = path.join(dir, 'kundoluk.json');
  exportBundleFile(mirror, file, new Date(seenAt));
  const mark = mirror.sqlite
    .prepare<
      [],
      { id: number; value: string; class_id: number; grade: number; letter: string; date: string }
    >(
      `SELECT m.id, m.value, c.id AS class_id, c.grade, c.letter, l.date FROM mark m
       JOIN lesson l ON l.id = m.lesson_id JOIN class c ON c.id = l.class_id
       WHERE m.value = '4' AND c.grade >= 2 ORDER BY m.id LIMIT 1`,
    )
    .get();
  if (!mark) throw new Error('the demo school has no mark 4 to correct');
  mirror.sqlite.prepare("UPDATE mark SET value = '2', numeric_value = 2 WHERE id = ?").run(mark.id);
  if (options.certified) {
    const quarter = mirror.sqlite
      .prepare<[string, string], { id: number }>(
        "SELECT id FROM reporting_period WHERE kind = 'quarter' AND starts_on <= ? AND ends_on >= ?",
      )
      .get(mark.date, mark.date);
    if (!quarter) throw new Error(`no quarter holds ${mark.date}`);
    mirror.transaction(() => {
      freezePeriod(mirror, { classId: mark.class_id, periodId: quarter.id }, new Date(seenAt));
    });
  }
  syncBundleFile(mirror, file, { actor, clock: fixedClock(seenAt) });
  return {
    markId: mark.id,
    classId: mark.class_id,
    className: `${mark.grade}${mark.letter}`,
    before: '2',
    after: mark.value,
  };
}
