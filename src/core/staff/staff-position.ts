import { appendAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { assertAllowed } from '../auth/permissions';
import type { Mirror } from '../db/mirror';
import type { StaffMemberView, StaffPositionName } from '../../shared/staff-views';
import { requireStaffMember, staffMemberView } from './staff-directory';

/**
 * Sets a staff member's post. Kundoluk sends every person as a teacher; the close needs the
 * secretary (day 5) and the printed copies name the director and the deputy, so the admin sets
 * them here. A later sync finds the person by their Kundoluk key and leaves the post as it is.
 */
export function setStaffPosition(
  mirror: Mirror,
  input: { staffId: number; position: StaffPositionName },
  actor: Actor,
  at: Date,
): StaffMemberView {
  assertAllowed(actor, 'settings.manage');
  return mirror.transaction(() => {
    const before = requireStaffMember(mirror, input.staffId, 'staffId');
    if (before.position === input.position) return staffMemberView(before);
    mirror.run(mirror.db.updateTable('staff').set({ position: input.position }).where('id', '=', before.id));
    appendAudit(
      mirror,
      {
        actor,
        action: 'staff.position',
        entity: 'staff',
        entityId: before.id,
        before: { position: before.position },
        after: { position: input.position },
      },
      at,
    );
    return staffMemberView({ ...before, position: input.position });
  });
}
