import fs from 'node:fs';
import os from 'node:os';
import type { Actor, Role } from '../core/auth/actor';
import { signIn } from '../core/auth/sign-in';
import { AttemptTallies } from '../core/auth/sign-in-waits';
import { actorOf } from '../core/auth/users';
import type { Mirror } from '../core/db/mirror';
import { MoorError } from '../core/errors';

/**
 * The command line as what it is: the computer's user at a terminal, not a person of the school.
 * `--as` only says which duty is asked for; the audit names the system user and "command line".
 */
export function commandLineActor(role: Role): Actor {
  const user = os.userInfo().username;
  return { userId: `cli:${user}`, name: `${user} (command line)`, role };
}

/**
 * Steps that put a person's signature, sign-off or seal on record, and a restore: from the command
 * line only by a Мөөр user who signs in with --user and a --password-file (a password is never
 * typed on the command line, where the shell's history would keep it).
 */
export async function signedInActor(
  mirror: Mirror,
  login: string | undefined,
  passwordFile: string | undefined,
  step: string,
): Promise<Actor> {
  if (login === undefined || passwordFile === undefined) {
    throw new MoorError(
      'USAGE',
      `"${step}" is recorded only for a person who signs in: --user LOGIN --password-file FILE.`,
    );
  }
  let password: string;
  try {
    password = fs.readFileSync(passwordFile, 'utf8').replace(/\r?\n$/, '');
  } catch (error) {
    throw new MoorError(
      'USAGE',
      `Cannot read the password file ${passwordFile}: ${(error as Error).message}.`,
    );
  }
  const user = await signIn(mirror, new AttemptTallies(), {
    login,
    password,
    clientId: 'cli',
    at: new Date(),
  });
  return actorOf(user);
}
