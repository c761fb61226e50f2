import type { Actor } from '../../src/core/auth/actor';

/** Who the operations under test act as: a deputy, and the IT person for a restore. */
export const crashActor: Actor = { userId: 'crash', name: 'Crash harness', role: 'deputy' };
export const crashAdmin: Actor = { userId: 'crash-it', name: 'Crash harness', role: 'admin' };

export interface CrashParams {
  db: string;
  file?: string;
  out?: string;
  drive?: string;
  work?: string;
  backup?: string;
  passphrase?: string;
  periodId?: number;
  classIds?: number[];
  /** The fake Kundoluk to sync from, the dates, and the clock (the term answers serve only the current year). */
  kundoluk?: { url: string; token: string; from: string; to: string; now: string; resume?: boolean };
}
