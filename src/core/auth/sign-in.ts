import { appendAudit } from '../audit/audit-log';
import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';
import { verifySecret } from './password';
import { AttemptTallies, FREE_ATTEMPTS, sourceOf, waitAfter } from './sign-in-waits';
import { actorOf, findUserByLogin, getUser, type AppUser } from './users';

const WRONG = () => new MoorError('WRONG_CREDENTIALS', 'The login or the password is wrong.');

/**
 * Checked against an unknown login so that it costs the same scrypt work as a known one.
 * Salt and key are arbitrary: no password matches them.
 */
const NO_ONES_HASH = 'scrypt$32768$8$1$bm8tb25lLXNhbHQtaGVyZQ==$bm8tb25lJ3Mta2V5LW5vLW9uZSdzLWtleS1uby1vbmU=';

export interface SignInAttempt {
  readonly login: string;
  readonly password: string;
  /** The client the attempt comes from; its transport is the source that is slowed down. */
  readonly clientId: string;
  /** The PC of a client on the school's network, recorded with the sign-in. */
  readonly place?: string | undefined;
  readonly at: Date;
}

/**
 * Checks a login and password. Every attempt is counted as wrong, and its wait set, before the
 * slow hash starts, in the same synchronous step that checks the wait: attempts made in parallel
 * cannot all slip past one check. Waits grow per account and per source; an unknown login is
 * counted and answered exactly like a known one with a wrong password, and a switched-off
 * account is told only to whoever knows its password.
 */
export async function signIn(
  mirror: Mirror,
  tallies: AttemptTallies,
  attempt: SignInAttempt,
): Promise<AppUser> {
  const { at } = attempt;
  const source = `source:${sourceOf(attempt.clientId)}`;
  const user = reserveAttempt(mirror, tallies, attempt.login, source, at);
  const ok = await verifySecret(attempt.password, user?.passwordHash ?? NO_ONES_HASH);
  if (!ok || !user) {
    if (user) auditFirstWait(mirror, user.id, at);
    throw WRONG();
  }
  tallies.clear(source);
  return mirror.transaction(() => {
    mirror.run(
      mirror.db
        .updateTable('app_user')
        .set({ failed_attempts: 0, locked_until: null, last_sign_in_at: at.toISOString() })
        .where('id', '=', user.id),
    );
    const signedIn = getUser(mirror, user.id);
    if (!signedIn.active)
      throw new MoorError('USER_INACTIVE', 'This account is switched off. Ask the administrator.');
    appendAudit(
      mirror,
      {
        actor: actorOf(signedIn, attempt.place),
        action: 'user.signIn',
        entity: 'app_user',
        entityId: user.id,
      },
      at,
    );
    const { passwordHash: _hash, ...rest } = signedIn;
    return rest;
  });
}

/**
 * Refuses while the account (or unknown login) or the source must still wait; otherwise counts
 * the attempt as a failure and sets the next wait, all before any await.
 */
function reserveAttempt(
  mirror: Mirror,
  tallies: AttemptTallies,
  login: string,
  source: string,
  at: Date,
): ReturnType<typeof findUserByLogin> {
  const now = at.getTime();
  return mirror.transaction(() => {
    const user = findUserByLogin(mirror, login);
    const unknownKey = `login:${login.trim()}`;
    const accountNotBefore = user
      ? user.lockedUntil
        ? new Date(user.lockedUntil).getTime()
        : 0
      : tallies.notBefore(unknownKey);
    const notBefore = Math.max(accountNotBefore, tallies.notBefore(source));
    if (notBefore > now) {
      throw new MoorError('SIGN_IN_WAIT', 'Too many wrong attempts: try again a little later.', {
        retryAt: new Date(notBefore).toISOString(),
      });
    }
    tallies.reserve(source, now);
    if (!user) {
      tallies.reserve(unknownKey, now);
      return undefined;
    }
    const failures = user.failedAttempts + 1;
    const wait = waitAfter(failures);
    mirror.run(
      mirror.db
        .updateTable('app_user')
        .set({
          failed_attempts: failures,
          locked_until: wait > 0 ? new Date(now + wait).toISOString() : null,
        })
        .where('id', '=', user.id),
    );
    return user;
  });
}

/** The first wait on an account goes into the audit log: someone is guessing, or has forgotten. */
function auditFirstWait(mirror: Mirror, userId: number, at: Date): void {
  mirror.transaction(() => {
    const user = getUser(mirror, userId);
    if (user.failedAttempts !== FREE_ATTEMPTS) return;
    appendAudit(
      mirror,
      {
        actor: actorOf(user),
        action: 'user.signInDelayed',
        entity: 'app_user',
        entityId: userId,
        after: { failedAttempts: user.failedAttempts, lockedUntil: user.lockedUntil },
      },
      at,
    );
  });
}
