import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Result } from '../shared/result';

export interface HostSession {
  /** Shown to the admin, who may end it by it; never the token itself. */
  readonly id: string;
  /** The core's client id: its session, its sign-in waits (per address) and its PC. */
  readonly clientId: string;
  /** The paired PC the session was opened from: it works from that PC only. */
  readonly pairedId: string;
  readonly place: string;
  readonly address: string;
  readonly since: string;
  /** Answers already given, by the request id the client sent: a retry gets the same answer. */
  readonly answers: Map<string, Promise<Result<unknown>>>;
}

const ANSWERS_KEPT = 64;

/**
 * The sessions of the clients on the network, by a hash of their bearer token. The core keeps who
 * is signed in (and locks and ends it as in the window); this keeps which PC and address it is.
 */
export class HostSessions {
  private readonly byToken = new Map<string, HostSession>();

  /** A client id for a sign-in from this address: its waits count per address. */
  static clientIdFor(address: string): string {
    return `net@${address}:${randomUUID()}`;
  }

  open(session: Omit<HostSession, 'id' | 'answers' | 'since'>, at: Date): string {
    const token = randomBytes(32).toString('base64url');
    this.byToken.set(hash(token), {
      ...session,
      id: randomUUID(),
      since: at.toISOString(),
      answers: new Map(),
    });
    return token;
  }

  find(token: string | undefined): HostSession | null {
    return token ? (this.byToken.get(hash(token)) ?? null) : null;
  }

  /** Ends a session by the id the admin sees; returns its client id, or null when there was none. */
  end(id: string): string | null {
    for (const [key, session] of this.byToken) {
      if (session.id === id) {
        this.byToken.delete(key);
        return session.clientId;
      }
    }
    return null;
  }

  endByClient(clientId: string): void {
    for (const [key, session] of this.byToken) if (session.clientId === clientId) this.byToken.delete(key);
  }

  list(): HostSession[] {
    return [...this.byToken.values()];
  }

  clear(): string[] {
    const clients = this.list().map((s) => s.clientId);
    this.byToken.clear();
    return clients;
  }

  /** Runs a request once per request id; the answer is kept for a retry of the same request. */
  static once(session: HostSession, requestId: string | undefined, run: () => Promise<Result<unknown>>) {
    if (requestId === undefined) return run();
    const known = session.answers.get(requestId);
    if (known) return known;
    const answer = run();
    session.answers.set(requestId, answer);
    if (session.answers.size > ANSWERS_KEPT) {
      const oldest = session.answers.keys().next().value;
      if (oldest !== undefined) session.answers.delete(oldest);
    }
    return answer;
  }
}

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
