import { MoorError } from '../errors';

/** A written reason says what was decided and why; a word or two is not one. */
export const MIN_REASON_LENGTH = 15;

/** The reason trimmed, or a refusal naming the field when it is too short to say anything. */
export function writtenReason(reason: string, act: string): string {
  const trimmed = reason.trim();
  if (trimmed.length < MIN_REASON_LENGTH) {
    throw new MoorError(
      'CLOSE_REASON_REQUIRED',
      `${act} needs a written reason of at least ${MIN_REASON_LENGTH} characters (what was decided and why).`,
      { length: trimmed.length, field: 'reason' },
    );
  }
  return trimmed;
}
