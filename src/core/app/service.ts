import { cleanLeftoversAtStart } from '../backup/leftovers';
import path from 'node:path';
import { assertAllowed } from '../auth/permissions';
import { SessionStore } from '../auth/sessions';
import { AttemptTallies } from '../auth/sign-in-waits';
import { actorOf, getUser } from '../auth/users';
import { systemClock, type Clock } from '../clock';
import type { Mirror } from '../db/mirror';
import { knownError } from '../backup/drive-errors';
import { MoorError } from '../errors';
import { log } from '../log/log';
import {
  contract,
  isCommandName,
  type CommandName,
  type InputOf,
  type OutputOf,
} from '../../shared/contract';
import type { ContractError, Result } from '../../shared/result';
import type { AppContext, Handler } from './handler';
import { handlers } from './handlers';
import { plainHost, type AppHost } from './host';
import { JobRunner } from './jobs/job-runner';
import { reopenableMirror } from './reopenable-mirror';
import { getSetting } from '../settings/app-settings';
import { FileSecretStore, type SecretStore } from '../secrets/secret-store';
import { moveKundolukTokenOutOfMirror } from '../secrets/token-out-of-mirror';

export interface AppService {
  /**
   * Runs one command for one client (an app window or a browser tab): checks the name, parses
   * the input with the contract's schema, checks the session and the role, and returns a Result.
   * It never throws: every failure becomes an error value with a stable code.
   */
  invoke(clientId: string, name: unknown, input: unknown): Promise<Result<unknown>>;
  /** The same, typed from the contract, for callers in TypeScript (tests, the CLI). */
  call<N extends CommandName>(clientId: string, name: N, input: InputOf<N>): Promise<Result<OutputOf<N>>>;
  /** Ends a client's session (its window closed). */
  forget(clientId: string): void;
  readonly context: AppContext;
}

export interface AppServiceOptions {
  readonly mirror: Mirror;
  readonly clock?: Clock;
  /** Folder for printed copies; the mirror's folder when not given. */
  readonly dataDir?: string;
  /** The installed app's versions, log, crash notice and updater; `plainHost()` when not given. */
  readonly host?: AppHost;
  /**
   * Where secrets are kept: the app gives Electron's safeStorage; elsewhere (the browser mode,
   * tests) an owner-only file beside the mirror.
   */
  readonly secrets?: SecretStore;
}

/** The browser mode's and the tests' secret file, beside the mirror, never inside it. */
export function secretsBeside(mirrorPath: string): SecretStore {
  return new FileSecretStore(path.join(path.dirname(mirrorPath), 'moor-secrets.json'));
}

export function createAppService(options: AppServiceOptions): AppService {
  // Wrapped so a restore can swap the database file under every handler without a restart.
  const mirror = reopenableMirror(options.mirror);
  const clock = options.clock ?? systemClock;
  const sessions = new SessionStore(() => getSetting(mirror, 'idleMinutes'));
  const dataDir = options.dataDir ?? path.dirname(mirror.path);
  const secrets = options.secrets ?? secretsBeside(mirror.path);
  moveKundolukTokenOutOfMirror(mirror, secrets, clock());
  const context: AppContext = {
    mirror,
    clock,
    sessions,
    signInTallies: new AttemptTallies(),
    jobs: new JobRunner(mirror.path, secrets),
    secrets,
    dataDir,
    host: options.host ?? plainHost(),
    cleanedAtStart: cleanLeftoversAtStart(mirror, { clock, printFolder: dataDir }).catch(() => ({
      snapshots: [],
      interrupted: [],
      partialBackups: [],
      partialFiles: [],
    })),
  };

  const service: AppService = {
    context,
    forget: (clientId) => {
      sessions.close(clientId);
    },
    call: (clientId, name, input) =>
      service.invoke(clientId, name, input) as Promise<Result<OutputOf<typeof name>>>,
    async invoke(clientId, name, rawInput) {
      try {
        if (!isCommandName(name)) {
          throw new MoorError('COMMAND_NOT_FOUND', `There is no command "${String(name)}".`);
        }
        return { ok: true, value: await dispatch(name, rawInput) };
      } catch (error) {
        const contractError = toContractError(error);
        if (contractError.code === 'INTERNAL') log.error(`command ${String(name)} failed`, error);
        else
          log.warn(`command ${String(name)} refused`, {
            code: contractError.code,
            message: contractError.message,
          });
        return { ok: false, error: contractError };
      }

      async function dispatch(commandName: CommandName, raw: unknown): Promise<unknown> {
        const handler = handlers[commandName] as Handler<CommandName>;
        const call = { ...context, clientId };
        if (handler.access === 'public') return handler.run(call, parse(commandName, raw));
        // Who asks comes first: a stranger learns nothing, not even what a command's input looks like.
        const user = getUser(mirror, sessions.require(clientId, clock()));
        if (!user.active) {
          sessions.endAllOf(user.id);
          throw new MoorError('USER_INACTIVE', 'This account is switched off. Ask the administrator.');
        }
        const actor = actorOf(user);
        if (handler.access !== 'signedIn') assertAllowed(actor, handler.access);
        return handler.run({ ...call, user, actor }, parse(commandName, raw));
      }
    },
  };
  return service;
}

function parse(commandName: CommandName, raw: unknown) {
  const parsed = contract[commandName].input.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MoorError('BAD_INPUT', `${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'invalid'}`, {
      field: issue?.path.join('.') ?? null,
      // Some forms label the same path differently (a password or a passphrase as `next`).
      command: commandName,
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return parsed.data;
}

function toContractError(error: unknown): ContractError {
  const known = knownError(error);
  if (known) {
    return { code: known.code, message: known.message, ...(known.details ? { details: known.details } : {}) };
  }
  // An unexpected failure: the code says so; the message is the technical one for the IT person.
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}
