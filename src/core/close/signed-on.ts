import { MoorError } from '../errors';

const DAY_MS = 86_400_000;

/** The calendar date of an instant in any time zone is at most one day off its UTC date. */
function latestLocalDate(at: Date): string {
  return new Date(at.getTime() + DAY_MS).toISOString().slice(0, 10);
}

/**
 * The date written beside a signature: a real calendar date, not in the future, and not before the
 * copy it signs was printed.
 */
export function signedOnDate(value: string, at: Date, printedAt: string | null): string {
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!valid) {
    throw new MoorError(
      'CLOSE_BAD_DATE',
      `The signature date must be a date like 2025-11-03 (got "${value}").`,
      { value, field: 'signedOn' },
    );
  }
  if (value > latestLocalDate(at)) {
    throw new MoorError('CLOSE_BAD_DATE', `The signature date ${value} is in the future.`, {
      value,
      field: 'signedOn',
    });
  }
  if (printedAt !== null) {
    const printedOn = new Date(Date.parse(printedAt) - DAY_MS).toISOString().slice(0, 10);
    if (value < printedOn) {
      throw new MoorError(
        'CLOSE_BAD_DATE',
        `The signature date ${value} is before the copy was printed (${printedAt.slice(0, 10)}).`,
        { value, field: 'signedOn' },
      );
    }
  }
  return value;
}

/** Today's date for a signature given without one. */
export function todayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}
