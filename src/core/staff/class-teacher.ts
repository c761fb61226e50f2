import { appendAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { assertAllowed } from '../auth/permissions';
import type { Mirror } from '../db/mirror';
import { requireClass } from '../journal/require-class';
import type { ClassTeacherView } from '../../shared/staff-views';
import { classTeacherView, requireStaffMember } from './staff-directory';

/**
 * Sets (or, with null, clears) a class's class teacher, who certifies its title page on day 4 and
 * is named on its printed copy. Kundoluk's gradebook does not say who it is; a later sync keeps it.
 */
export function setClassTeacher(
  mirror: Mirror,
  input: { classId: number; teacherId: number | null },
  actor: Actor,
  at: Date,
): ClassTeacherView {
  assertAllowed(actor, 'settings.manage');
  return mirror.transaction(() => {
    const before = requireClass(mirror, input.classId, 'classId');
    if (input.teacherId !== null) requireStaffMember(mirror, input.teacherId, 'teacherId');
    if (before.class_teacher_id === input.teacherId) return classTeacherView(before);
    mirror.run(
      mirror.db.updateTable('class').set({ class_teacher_id: input.teacherId }).where('id', '=', before.id),
    );
    appendAudit(
      mirror,
      {
        actor,
        action: 'class.classTeacher',
        entity: 'class',
        entityId: before.id,
        before: { classTeacherId: before.class_teacher_id },
        after: { classTeacherId: input.teacherId },
      },
      at,
    );
    return classTeacherView({ ...before, class_teacher_id: input.teacherId });
  });
}
