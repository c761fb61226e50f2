import { appendAudit } from '../audit/audit-log';
import type { Mirror } from '../db/mirror';
import type { AppUserTable } from '../db/schema';
import { MoorError } from '../errors';
import type { Actor, Role } from './actor';
import { hashSecret } from './password';

export interface AppUser {
  id: number;
  login: string;
  fullName: string;
  role: Role;
  active: boolean;
  failedAttempts: number;
  lockedUntil: string | null;
  lastSignInAt: string | null;
}

type UserRow = Omit<AppUserTable, 'id' | 'active' | 'failed_attempts'> & {
  id: number;
  active: number;
  failed_attempts: number;
};

export function toAppUser(row: UserRow): AppUser {
  return {
    id: row.id,
    login: row.login,
    fullName: row.full_name,
    role: row.role,
    active: row.active === 1,
    failedAttempts: row.failed_attempts,
    lockedUntil: row.locked_until,
    lastSignInAt: row.last_sign_in_at,
  };
}

/** The user as the audit log records them; `place` is the PC of a client on the school's network. */
export function actorOf(user: AppUser, place?: string): Actor {
  return { userId: String(user.id), name: user.fullName, role: user.role, ...(place ? { place } : {}) };
}

export function findUserByLogin(
  mirror: Mirror,
  login: string,
): (AppUser & { passwordHash: string }) | undefined {
  const row = mirror.first(mirror.db.selectFrom('app_user').selectAll().where('login', '=', login.trim()));
  return row ? { ...toAppUser(row), passwordHash: row.password_hash } : undefined;
}

export function getUser(mirror: Mirror, id: number): AppUser & { passwordHash: string } {
  const row = mirror.first(mirror.db.selectFrom('app_user').selectAll().where('id', '=', id));
  if (!row) throw new MoorError('USER_NOT_FOUND', `There is no user with id ${id}.`, { userId: id });
  return { ...toAppUser(row), passwordHash: row.password_hash };
}

export function listUsers(mirror: Mirror): AppUser[] {
  return mirror.all(mirror.db.selectFrom('app_user').selectAll().orderBy('full_name')).map(toAppUser);
}

export function countUsers(mirror: Mirror): number {
  const row = mirror.first(mirror.db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')));
  return row?.n ?? 0;
}

export interface NewUser {
  login: string;
  fullName: string;
  role: Role;
  password: string;
}

/** Hashes first (slow, async), then writes the row and its audit entry in one transaction. */
export async function createUser(mirror: Mirror, actor: Actor, user: NewUser, at: Date): Promise<AppUser> {
  const passwordHash = await hashSecret(user.password);
  return mirror.transaction(() => insertUser(mirror, actor, user, passwordHash, at));
}

/** The synchronous half of `createUser`, for callers that compose it into a larger transaction. */
export function insertUser(
  mirror: Mirror,
  actor: Actor,
  user: NewUser,
  passwordHash: string,
  at: Date,
): AppUser {
  if (findUserByLogin(mirror, user.login)) {
    throw new MoorError('LOGIN_TAKEN', `The login "${user.login}" is already used by another user.`, {
      field: 'login',
    });
  }
  const { lastInsertRowid } = mirror.run(
    mirror.db.insertInto('app_user').values({
      login: user.login.trim(),
      full_name: user.fullName.trim(),
      role: user.role,
      password_hash: passwordHash,
      created_at: at.toISOString(),
    }),
  );
  const created = getUser(mirror, lastInsertRowid);
  appendAudit(
    mirror,
    {
      actor,
      action: 'user.create',
      entity: 'app_user',
      entityId: created.id,
      after: { login: created.login, fullName: created.fullName, role: created.role },
    },
    at,
  );
  return withoutHash(created);
}

export function setUserActive(
  mirror: Mirror,
  actor: Actor,
  userId: number,
  active: boolean,
  at: Date,
): AppUser {
  return mirror.transaction(() => {
    const before = getUser(mirror, userId);
    if (!active && String(userId) === actor.userId) {
      throw new MoorError('CANNOT_DEACTIVATE_SELF', 'You cannot switch off your own account.');
    }
    if (!active && before.role === 'admin' && activeAdmins(mirror) <= 1) {
      throw new MoorError('LAST_ADMIN', 'At least one active administrator must remain.');
    }
    mirror.run(
      mirror.db
        .updateTable('app_user')
        .set({ active: active ? 1 : 0, failed_attempts: 0, locked_until: null })
        .where('id', '=', userId),
    );
    appendAudit(
      mirror,
      {
        actor,
        action: active ? 'user.activate' : 'user.deactivate',
        entity: 'app_user',
        entityId: userId,
        before: { active: before.active },
        after: { active },
      },
      at,
    );
    return withoutHash(getUser(mirror, userId));
  });
}

export async function setPassword(
  mirror: Mirror,
  actor: Actor,
  userId: number,
  password: string,
  at: Date,
): Promise<AppUser> {
  const passwordHash = await hashSecret(password);
  return mirror.transaction(() => {
    getUser(mirror, userId);
    mirror.run(
      mirror.db
        .updateTable('app_user')
        .set({ password_hash: passwordHash, failed_attempts: 0, locked_until: null })
        .where('id', '=', userId),
    );
    // The hash itself is never written to the audit log.
    appendAudit(mirror, { actor, action: 'user.setPassword', entity: 'app_user', entityId: userId }, at);
    return withoutHash(getUser(mirror, userId));
  });
}

function activeAdmins(mirror: Mirror): number {
  const row = mirror.first(
    mirror.db
      .selectFrom('app_user')
      .where('role', '=', 'admin')
      .where('active', '=', 1)
      .select((eb) => eb.fn.countAll<number>().as('n')),
  );
  return row?.n ?? 0;
}

function withoutHash(user: AppUser & { passwordHash: string }): AppUser {
  const { passwordHash: _hash, ...rest } = user;
  return rest;
}
