import type { Compilable } from 'kysely';
import { type Mirror, openMirror } from '../db/mirror';
import { MoorError } from '../errors';

/**
 * The app's own connection to the mirror, which a restore may close while it puts the backup's
 * database in place and open again on the new file. Every handler holds this object, so after a
 * restore they all read the restored mirror.
 */
export interface ReopenableMirror extends Mirror {
  /** Closes the connection; until `resume`, every query is refused with MIRROR_RESTORING. */
  suspend(): void;
  /** Opens the (perhaps replaced) database file again; does nothing when not suspended or closed for good. */
  resume(): void;
}

export function reopenableMirror(initial: Mirror): ReopenableMirror {
  let current: Mirror | null = initial;
  let closed = false;
  const live = (): Mirror => {
    if (current === null) {
      throw new MoorError(
        'MIRROR_RESTORING',
        'The mirror is being replaced by a backup just now; try again in a moment.',
      );
    }
    return current;
  };
  return {
    path: initial.path,
    get sqlite() {
      return live().sqlite;
    },
    get db() {
      return live().db;
    },
    all<R>(query: Compilable<R>): R[] {
      return live().all(query);
    },
    first<R>(query: Compilable<R>): R | undefined {
      return live().first(query);
    },
    run(query: Compilable) {
      return live().run(query);
    },
    transaction<T>(work: () => T): T {
      return live().transaction(work);
    },
    close() {
      closed = true;
      current?.close();
      current = null;
    },
    suspend() {
      current?.close();
      current = null;
    },
    resume() {
      if (current === null && !closed) current = openMirror(initial.path);
    },
  };
}
