/**
 * How long a sign-in waits after wrong attempts in a row: a few are free (typing mistakes), then
 * each further one doubles the wait, up to a ceiling. Guessing becomes slow without a lock anyone
 * could set on someone else's account by typing a few wrong passwords.
 */
export const FREE_ATTEMPTS = 3;
const FIRST_WAIT_MS = 1_000;
export const LONGEST_WAIT_MS = 4 * 60_000;

/** The wait that `failures` wrong attempts in a row earn, in milliseconds. */
export function waitAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(FIRST_WAIT_MS * 2 ** (failures - FREE_ATTEMPTS), LONGEST_WAIT_MS);
}

interface Tally {
  failures: number;
  notBefore: number;
}

/**
 * Wrong attempts kept in memory for what has no row in the mirror: each source (an app window, or
 * the browser door, whose tabs name themselves and so count as one) and each unknown login, which
 * must wait exactly as a known one so that a wait tells nothing about which logins exist.
 */
export class AttemptTallies {
  private readonly tallies = new Map<string, Tally>();

  /** When the key may try again (ms), or 0. */
  notBefore(key: string): number {
    return this.tallies.get(key)?.notBefore ?? 0;
  }

  /** Counts one attempt as failed before it is checked; a success clears it. */
  reserve(key: string, at: number): void {
    const failures = (this.tallies.get(key)?.failures ?? 0) + 1;
    this.tallies.set(key, { failures, notBefore: at + waitAfter(failures) });
  }

  clear(key: string): void {
    this.tallies.delete(key);
  }
}

/** The source of a client: the transport it came through ("window:3" → "window", "web:…" → "web"). */
export function sourceOf(clientId: string): string {
  return clientId.split(':')[0] ?? clientId;
}
