import { appendAudit } from '../audit/audit-log';
import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';
import { verifySecret } from './password';
import { actorOf, findUserByLogin, getUser, type AppUser } from './users';

/** After this many wrong passwords in a row the account is locked for LOCK_OUT_MINUTES. */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_OUT_MINUTES = 15;

const WRONG = () => new MoorError('WRONG_CREDENTIALS', 'The login or the password is wrong.');

/**
 * Checks a login and password. Wrong attempts are counted on the user; the fifth in a row locks
 * the account for a while (audited), so a password cannot be guessed at the keyboard.
 * An unknown login and a wrong password give the same answer.
 */
export async function signIn(mirror: Mirror, login: string, password: string, at: Date): Promise<AppUser> {
  const user = findUserByLogin(mirror, login);
  if (!user) throw WRONG();
  if (!user.active)
    throw new MoorError('USER_INACTIVE', 'This account is switched off. Ask the administrator.');
  if (user.lockedUntil && user.lockedUntil > at.toISOString()) {
    throw new MoorError('LOCKED_OUT', 'Too many wrong passwords: the account is locked for a while.', {
      lockedUntil: user.lockedUntil,
    });
  }
  const ok = await verifySecret(password, user.passwordHash);
  if (!ok) {
    // Recorded in its own transaction: the refusal is thrown after it commits, not inside it.
    const lockedUntil = mirror.transaction(() => recordFailure(mirror, user.id, at));
    if (lockedUntil) {
      throw new MoorError('LOCKED_OUT', 'Too many wrong passwords: the account is locked for a while.', {
        lockedUntil,
      });
    }
    throw WRONG();
  }
  return mirror.transaction(() => {
    mirror.run(
      mirror.db
        .updateTable('app_user')
        .set({ failed_attempts: 0, locked_until: null, last_sign_in_at: at.toISOString() })
        .where('id', '=', user.id),
    );
    const signedIn = getUser(mirror, user.id);
    appendAudit(
      mirror,
      { actor: actorOf(signedIn), action: 'user.signIn', entity: 'app_user', entityId: user.id },
      at,
    );
    const { passwordHash: _hash, ...rest } = signedIn;
    return rest;
  });
}

/** Counts one wrong password; returns when the account is now locked until, or null. */
function recordFailure(mirror: Mirror, userId: number, at: Date): string | null {
  const user = getUser(mirror, userId);
  const failures = user.failedAttempts + 1;
  const lock = failures >= MAX_FAILED_ATTEMPTS;
  const lockedUntil = lock ? new Date(at.getTime() + LOCK_OUT_MINUTES * 60_000).toISOString() : null;
  mirror.run(
    mirror.db
      .updateTable('app_user')
      .set({ failed_attempts: lock ? 0 : failures, locked_until: lockedUntil })
      .where('id', '=', userId),
  );
  if (lock) {
    appendAudit(
      mirror,
      {
        actor: actorOf(user),
        action: 'user.lockedOut',
        entity: 'app_user',
        entityId: userId,
        after: { lockedUntil },
      },
      at,
    );
  }
  return lockedUntil;
}
