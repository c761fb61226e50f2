import type { ErrorCode } from '../shared/error-codes';

/**
 * An error a person can act on: a stable machine code for the UI and tests,
 * and a message that says what was wrong and where.
 */
export class MoorError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'MoorError';
  }
}

export function isMoorError(error: unknown): error is MoorError {
  return error instanceof MoorError;
}
