import type { Cleaned } from '../backup/leftovers';
import type { Actor } from '../auth/actor';
import type { Permission } from '../auth/permissions';
import type { SessionStore } from '../auth/sessions';
import type { AttemptTallies } from '../auth/sign-in-waits';
import type { AppUser } from '../auth/users';
import type { Clock } from '../clock';
import type { CommandName, OutputOf, ParsedInputOf } from '../../shared/contract';
import type { AppHost } from './host';
import type { ClientPlaces } from './client-places';
import type { SecretStore } from '../secrets/secret-store';
import type { JobRunner } from './jobs/job-runner';
import type { ReopenableMirror } from './reopenable-mirror';

/** Everything a handler may use: the open mirror, the clock, the sessions and the job runner. */
export interface AppContext {
  readonly mirror: ReopenableMirror;
  readonly clock: Clock;
  readonly sessions: SessionStore;
  /** Wrong sign-in attempts of sources and unknown logins (known accounts keep theirs in the mirror). */
  readonly signInTallies: AttemptTallies;
  /** The PC of each client on the school's network, recorded with its actions. */
  readonly places: ClientPlaces;
  readonly jobs: JobRunner;
  /** Where printed copies and other files the app makes are written (the user-data folder in the app). */
  readonly dataDir: string;
  /** What a crash had left and this start put in order. */
  readonly cleanedAtStart: Promise<Cleaned>;
  /** Where the Kundoluk sign-in is kept, outside the mirror (safeStorage in the app). */
  readonly secrets: SecretStore;
  /** What the hosting process knows: versions, the log, crashes, the updater. */
  readonly host: AppHost;
}

export interface CallContext extends AppContext {
  readonly clientId: string;
}

export interface SignedInContext extends CallContext {
  readonly user: AppUser;
  readonly actor: Actor;
}

/**
 * Who may call a command: anyone (sign-in, first run, status), any signed-in user, or only the
 * roles the permission matrix gives that permission.
 */
export type Access = 'public' | 'signedIn' | Permission;

export type Handler<N extends CommandName> =
  | {
      readonly access: 'public';
      run(ctx: CallContext, input: ParsedInputOf<N>): OutputOf<N> | Promise<OutputOf<N>>;
    }
  | {
      readonly access: Exclude<Access, 'public'>;
      run(ctx: SignedInContext, input: ParsedInputOf<N>): OutputOf<N> | Promise<OutputOf<N>>;
    };

export type HandlerMap = { readonly [N in CommandName]: Handler<N> };
