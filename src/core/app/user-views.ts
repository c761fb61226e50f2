import { may, permissionMatrix, type Permission } from '../auth/permissions';
import type { AppUser } from '../auth/users';
import type { SessionView, UserView } from '../../shared/views';

export function userView(user: AppUser): UserView {
  return {
    id: user.id,
    login: user.login,
    fullName: user.fullName,
    role: user.role,
    active: user.active,
    lockedUntil: user.lockedUntil,
    lastSignInAt: user.lastSignInAt,
  };
}

export function sessionView(user: AppUser, locked: boolean): SessionView {
  const permissions = (Object.keys(permissionMatrix) as Permission[]).filter((p) => may(user.role, p));
  return { user: userView(user), permissions, locked };
}
