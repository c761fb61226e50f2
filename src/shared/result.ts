import type { ErrorCode } from './error-codes';

/** What every command returns across the contract: a value, or an error a person can read. */
export interface ContractError {
  /** Stable machine code: the UI picks its translated message by it. */
  readonly code: ErrorCode;
  /** Human message from the core (English/technical detail for the IT person). */
  readonly message: string;
  readonly details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };
