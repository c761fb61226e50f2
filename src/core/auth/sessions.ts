import { MoorError } from '../errors';
import type { AppUser } from './users';

/** However busy, a session ends after a working day: a forgotten window does not stay signed in. */
export const SESSION_HOURS = 12;

interface Session {
  userId: number;
  signedInAt: number;
  lastActivity: number;
  locked: boolean;
}

/**
 * Who is signed in at each client (an app window, or a browser tab in the development mode).
 * Sessions live in memory only: closing the app signs everyone out. A session idle for longer
 * than the configured minutes is locked and needs the password again; every session ends
 * SESSION_HOURS after its sign-in.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly idleMinutes: () => number) {}

  open(clientId: string, user: AppUser, now: Date): void {
    this.sessions.set(clientId, {
      userId: user.id,
      signedInAt: now.getTime(),
      lastActivity: now.getTime(),
      locked: false,
    });
  }

  close(clientId: string): void {
    this.sessions.delete(clientId);
  }

  lock(clientId: string): void {
    const session = this.sessions.get(clientId);
    if (session) session.locked = true;
  }

  unlock(clientId: string, now: Date): void {
    const session = this.sessions.get(clientId);
    if (session) {
      session.locked = false;
      session.lastActivity = now.getTime();
    }
  }

  /** Peeks without counting as activity (the UI polls its status). */
  peek(clientId: string, now: Date): { userId: number; locked: boolean } | null {
    const session = this.current(clientId, now);
    if (!session) return null;
    if (this.isIdle(session, now)) session.locked = true;
    return { userId: session.userId, locked: session.locked };
  }

  /** The signed-in, unlocked user of a client; the call counts as activity. */
  require(clientId: string, now: Date): number {
    const session = this.current(clientId, now);
    if (!session) throw new MoorError('NOT_SIGNED_IN', 'Sign in first.');
    if (session.locked || this.isIdle(session, now)) {
      session.locked = true;
      throw new MoorError('SESSION_LOCKED', 'The screen was locked; enter your password to continue.');
    }
    session.lastActivity = now.getTime();
    return session.userId;
  }

  /** Signs a user out everywhere (after the account is switched off). */
  endAllOf(userId: number): void {
    for (const [clientId, session] of this.sessions) {
      if (session.userId === userId) this.sessions.delete(clientId);
    }
  }

  /** The client's session, unless it has outlived SESSION_HOURS (then it is ended). */
  private current(clientId: string, now: Date): Session | undefined {
    const session = this.sessions.get(clientId);
    if (session && now.getTime() - session.signedInAt > SESSION_HOURS * 3_600_000) {
      this.sessions.delete(clientId);
      return undefined;
    }
    return session;
  }

  private isIdle(session: Session, now: Date): boolean {
    return now.getTime() - session.lastActivity > this.idleMinutes() * 60_000;
  }
}
