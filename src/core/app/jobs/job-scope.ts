import type { Actor } from '../../auth/actor';
import type { Mirror } from '../../db/mirror';

/** What a job's body gets inside its worker thread. */
export interface JobScope {
  readonly mirror: Mirror;
  readonly actor: Actor;
  readonly params: unknown;
  /** fraction 0..1 and a short message code the UI translates. */
  progress(fraction: number, message?: string): void;
  /** True once the user pressed cancel: stop at the next safe point and throw JobCancelled. */
  cancelled(): boolean;
}

export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelled';
  }
}
