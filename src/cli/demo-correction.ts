import type { Actor } from '../core/auth/actor';
import type { Clock } from '../core/clock';
import type { Mirror } from '../core/db/mirror';
import { emptyBatch, type Row } from '../core/mirror/batch';
import { runSync } from '../core/mirror/run-sync';

/**
 * What happens in real schools during the close: a teacher corrects a mark in Kundoluk after the
 * copies were printed, and the next sync brings it in. The demo plays it as a sync of one class's
 * period with one mark changed, so the close has to show it (re-print, or a flag after freezing).
 */
export function syncTeacherCorrection(
  mirror: Mirror,
  input: { classId: number; from: string; to: string; changedAt: string },
  actor: Actor,
  clock: Clock,
): { markId: number; before: string; after: string } {
  const lessons = mirror.sqlite
    .prepare<[number, string, string], Row>(
      'SELECT * FROM lesson WHERE class_id = ? AND date BETWEEN ? AND ?',
    )
    .all(input.classId, input.from, input.to);
  const ids = JSON.stringify(lessons.map((l) => l.id));
  const marks = mirror.sqlite
    .prepare<[string], Row>(
      'SELECT * FROM mark WHERE lesson_id IN (SELECT value FROM json_each(?)) ORDER BY id',
    )
    .all(ids);
  const attendance = mirror.sqlite
    .prepare<[string], Row>('SELECT * FROM attendance WHERE lesson_id IN (SELECT value FROM json_each(?))')
    .all(ids);
  const index = marks.findIndex((m) => m.numeric_value === 3);
  const target = marks[index];
  if (!target) throw new Error('The demo class has no mark to correct.');
  marks[index] = {
    ...target,
    value: '4',
    numeric_value: 4,
    previous_value: '3',
    changed_at: input.changedAt,
  };
  runSync(
    mirror,
    {
      source: 'kundoluk',
      name: 'Kundoluk (demo: a teacher corrected a mark)',
      build: () => ({
        ...emptyBatch({ lessons: [{ classId: input.classId, from: input.from, to: input.to }], finals: [] }),
        lessons,
        marks,
        attendance,
        judgeFirstSight: false,
      }),
    },
    { actor, clock },
  );
  return { markId: Number(target.id), before: '3', after: '4' };
}
