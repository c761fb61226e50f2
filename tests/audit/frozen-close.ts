import {
  completeClose,
  recordDirectorSignature,
  recordStamp,
  recordSubjectSignature,
} from '../../src/core/close';
import type { TinySchool } from '../checks/tiny-school';
import {
  certifyAllTitles,
  clock,
  confirmAllTeachers,
  handOverToSecretary,
  recordDay2,
  startedQuarterClose,
} from '../close/close-helpers';
import { deputy, director, secretary } from '../support/actors';

/**
 * The clean tiny school with one absence in quarter 1, its close run to the end: both classes'
 * quarter is frozen, and the chain holds its fingerprint.
 */
export function frozenTinySchool(): TinySchool {
  const { school, closeId } = startedQuarterClose();
  const lesson = school.mirror.sqlite
    .prepare<[number], { id: number }>('SELECT id FROM lesson WHERE class_id = ? ORDER BY date LIMIT 1')
    .get(school.class5);
  school.mirror.sqlite
    .prepare(
      "INSERT INTO attendance (lesson_id, student_id, kind, reason, entered_at) VALUES (?, ?, 'absent', 'Б', '2025-09-02T08:00:00Z')",
    )
    .run(lesson?.id, school.students[0]);
  confirmAllTeachers(school, closeId);
  recordDay2(school, closeId);
  const { t1, t2, t3 } = school.teacher;
  for (const teacherId of [t1, t2, t3]) {
    recordSubjectSignature(school.mirror, { closeId, classId: school.class5, teacherId }, deputy, clock);
  }
  recordSubjectSignature(school.mirror, { closeId, classId: school.class10, teacherId: t1 }, deputy, clock);
  certifyAllTitles(school, closeId);
  handOverToSecretary(school, closeId);
  recordDirectorSignature(school.mirror, closeId, director, clock);
  recordStamp(school.mirror, closeId, director, clock);
  completeClose(school.mirror, closeId, secretary, clock);
  return school;
}
