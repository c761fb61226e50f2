import { parseArgs, type ParseArgsConfig } from 'node:util';
import { MoorError } from '../core/errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's flags; an unknown or malformed flag becomes a usage error naming it. */
export function parseFlags<T extends Options>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Scheduled jobs written before the command line recorded itself may still name a person.
    const asNote = /'--as'/.test(message)
      ? " The command line is recorded as the computer's user; a person's step takes --user LOGIN --password-file FILE."
      : '';
    throw new MoorError('USAGE', `${message}${asNote}`);
  }
}

export function requireFlag(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') {
    throw new MoorError('USAGE', `Missing --${flag}.`);
  }
  return value;
}

export function oneOf<const T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new MoorError('USAGE', `--${flag} must be one of ${allowed.join(', ')} (got "${value}").`);
  }
  return value as T;
}

export function integerFlag(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) {
    throw new MoorError('USAGE', `--${flag} must be a whole number (got "${value}").`);
  }
  return parsed;
}
