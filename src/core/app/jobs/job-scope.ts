import type { Actor } from '../../auth/actor';
import type { Mirror } from '../../db/mirror';
import type { SecretName } from '../../secrets/secret-store';

/** What a job's body gets inside its worker thread. */
export interface JobScope {
  readonly mirror: Mirror;
  readonly actor: Actor;
  readonly params: unknown;
  /** fraction 0..1, a short message code the UI translates, and what it names (a week, a class). */
  progress(fraction: number, message?: string, detail?: Readonly<Record<string, string | number>>): void;
  /** True once the user pressed cancel: stop at the next safe point and throw JobCancelled. */
  cancelled(): boolean;
  /** A secret the job was lent when it started (null when the store holds none). */
  secret(name: SecretName): string | null;
  /** Hands a renewed secret back to the store in the hosting process. */
  keepSecret(name: SecretName, value: string): void;
}

export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelled';
  }
}
