import { appendAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { assertAllowed } from '../auth/permissions';
import type { Mirror } from '../db/mirror';
import type { Language } from '../db/schema';
import { requireClass } from '../journal/require-class';
import type { ClassTeacherView } from '../../shared/staff-views';
import { classTeacherView } from './staff-directory';

/**
 * Sets the language a class is taught in, the edition its copies are printed in unless the deputy
 * chooses one for all. A class Kundoluk brings in starts in the school's document language, and a
 * later sync keeps what was set here.
 */
export function setClassLanguage(
  mirror: Mirror,
  input: { classId: number; language: Language },
  actor: Actor,
  at: Date,
): ClassTeacherView {
  assertAllowed(actor, 'settings.manage');
  return mirror.transaction(() => {
    const before = requireClass(mirror, input.classId, 'classId');
    if (before.language === input.language) return classTeacherView(before);
    mirror.run(mirror.db.updateTable('class').set({ language: input.language }).where('id', '=', before.id));
    appendAudit(
      mirror,
      {
        actor,
        action: 'class.language',
        entity: 'class',
        entityId: before.id,
        before: { language: before.language },
        after: { language: input.language },
      },
      at,
    );
    return classTeacherView({ ...before, language: input.language });
  });
}
