import path from 'node:path';
import type { Role } from '../../src/core/auth/actor';
import { actorOf, createUser, findUserByLogin, type AppUser } from '../../src/core/auth/users';
import { createAppService, type AppService } from '../../src/core/app/service';
import { openMirror, type Mirror } from '../../src/core/db/mirror';
import type { CommandName, InputOf, OutputOf } from '../../src/shared/contract';
import type { ContractError } from '../../src/shared/result';
import { tempDir } from '../support/temp-dir';
import { writeSmallSchool } from '../support/schools';

export const SETUP: InputOf<'setup.complete'> = {
  school: {
    nameKy: '№ 1 орто мектеп',
    nameRu: 'Средняя школа № 1',
    addressKy: 'Кара-Балта ш.',
    addressRu: 'г. Кара-Балта',
  },
  year: { label: '2025–2026', startsOn: '2025-09-01', endsOn: '2026-05-31' },
  quarters: [
    { startsOn: '2025-09-01', endsOn: '2025-10-31' },
    { startsOn: '2025-11-10', endsOn: '2025-12-27' },
    { startsOn: '2026-01-12', endsOn: '2026-03-20' },
    { startsOn: '2026-03-30', endsOn: '2026-05-25' },
  ],
  defaultLanguage: 'ky',
  documentLanguage: 'ky',
  admin: { login: 'admin', fullName: 'Админ Админов', password: 'admin-password' },
  backupPassphrase: 'a long school passphrase',
  kundoluk: { mode: 'later', url: null, login: null },
};

/** A clock tests can move forward (idle lock, lock-out expiry). */
export function movableClock(iso: string) {
  let now = new Date(iso).getTime();
  const clock = () => new Date(now);
  return Object.assign(clock, {
    advanceMinutes(minutes: number) {
      now += minutes * 60_000;
    },
  });
}

/** The roles a test may have users of, beside the admin that setup makes. */
type StaffRole = Exclude<Role, 'admin'>;

const STAFF_NAMES: Record<StaffRole, string> = {
  deputy: 'Орунбасар Гүлнара',
  secretary: 'Катчы Нуржан',
  director: 'Директор Бакыт',
};

interface AppOptions<R extends StaffRole> {
  /** What setup finds in the mirror: nothing, or the small demo school with its journals to close. */
  readonly school?: 'empty' | 'demo-small';
  /** When the clock starts. */
  readonly now?: string;
  /** The roles that get a user, logging in with the role's name; every role when not given. */
  readonly roles?: readonly R[];
}

export interface AppFixture<R extends StaffRole = StaffRole> {
  /** The installation's folder: the mirror and the printed copies. */
  dir: string;
  mirror: Mirror;
  service: AppService;
  clock: ReturnType<typeof movableClock>;
  users: Record<R | 'admin', AppUser>;
  close(): Promise<void>;
}

/** A set-up installation with the admin from setup and a user of every role asked for. */
export async function setUpApp<R extends StaffRole = StaffRole>(
  options: AppOptions<R> = {},
): Promise<AppFixture<R>> {
  const dir = tempDir();
  const file = path.join(dir, 'mirror.sqlite');
  const mirror =
    options.school === 'demo-small' ? openMirror(writeSmallSchool(file)) : openMirror(file, { create: true });
  const clock = movableClock(options.now ?? '2025-10-20T08:00:00Z');
  const service = createAppService({ mirror, clock });
  const setup = await service.invoke('setup-client', 'setup.complete', SETUP);
  if (!setup.ok) throw new Error(setup.error.message);
  const admin = adminUser(mirror);
  const users = { admin } as Record<R | 'admin', AppUser>;
  for (const role of options.roles ?? (Object.keys(STAFF_NAMES) as R[])) {
    users[role] = await createUser(
      mirror,
      actorOf(admin),
      { login: role, fullName: STAFF_NAMES[role], role, password: `${role}-password` },
      clock(),
    );
  }
  return {
    dir,
    // The service's own connection: a restore reopens it on the restored file.
    mirror: service.context.mirror,
    service,
    clock,
    users,
    async close() {
      await service.context.jobs.stopAll();
      service.context.mirror.close();
    },
  };
}

function adminUser(mirror: Mirror): AppUser {
  const user = findUserByLogin(mirror, 'admin');
  if (!user) throw new Error('setup made no admin');
  return user;
}

/** Runs a command as `user`, through a client signed in as them at `at`; a failure throws with its code. */
export async function callAs<N extends CommandName>(
  service: AppService,
  user: AppUser,
  at: Date,
  name: N,
  input: InputOf<N>,
): Promise<OutputOf<N>> {
  const result = await signedIn(service, user, at).call(name, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value;
}

/** What a command ends in as `user` when it must fail (the input may be anything); throws if it succeeds. */
export async function refusalAs(
  service: AppService,
  user: AppUser,
  at: Date,
  name: CommandName,
  input: unknown,
): Promise<ContractError> {
  const result = await signedIn(service, user, at).invoke(name, input);
  if (result.ok) throw new Error(`${name} was not refused`);
  return result.error;
}

function signedIn(service: AppService, user: AppUser, at: Date) {
  const client = `test-${user.login}`;
  service.context.sessions.open(client, user, at);
  return {
    call: <N extends CommandName>(name: N, input: InputOf<N>) => service.call(client, name, input),
    invoke: (name: CommandName, input: unknown) => service.invoke(client, name, input),
  };
}

/**
 * Points the installation at a Kundoluk service through the admin's settings, the other settings
 * kept as they are; a token given is stored with it.
 */
export async function connectKundoluk<R extends StaffRole>(
  app: AppFixture<R>,
  url: string,
  token?: string,
): Promise<void> {
  const {
    backupPassphraseSet: _p,
    kundolukTokenSet: _t,
    ...settings
  } = await callAs(app.service, app.users.admin, app.clock(), 'settings.get', {});
  await callAs(app.service, app.users.admin, app.clock(), 'settings.update', {
    defaultLanguage: settings.defaultLanguage,
    documentLanguage: settings.documentLanguage,
    idleMinutes: settings.idleMinutes,
    updateUrl: settings.updateUrl,
    kundoluk: { mode: 'api', url, login: null },
    ...(token === undefined ? {} : { kundolukToken: token }),
  });
}
