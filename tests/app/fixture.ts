import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '../../src/core/auth/actor';
import { createUser, findUserByLogin, type AppUser } from '../../src/core/auth/users';
import { createAppService, type AppService } from '../../src/core/app/service';
import { openMirror, type Mirror } from '../../src/core/db/mirror';
import type { CommandName, InputOf, OutputOf } from '../../src/shared/contract';
import type { ContractError } from '../../src/shared/result';

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

export interface AppFixture {
  mirror: Mirror;
  service: AppService;
  clock: ReturnType<typeof movableClock>;
  users: Record<Role, AppUser>;
  close(): Promise<void>;
}

/** A set-up installation with one user of every role (the admin from setup). */
export async function setUpApp(): Promise<AppFixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moor-'));
  const mirror = openMirror(path.join(dir, 'mirror.sqlite'), { create: true });
  const clock = movableClock('2025-10-20T08:00:00Z');
  const service = createAppService({ mirror, clock });
  const setup = await service.invoke('setup-client', 'setup.complete', SETUP);
  if (!setup.ok) throw new Error(setup.error.message);
  const admin = { userId: '1', name: 'Админ Админов', role: 'admin' as const };
  const make = (login: string, fullName: string, role: Role) =>
    createUser(mirror, admin, { login, fullName, role, password: `${login}-password` }, clock());
  const users: Record<Role, AppUser> = {
    admin: adminUser(mirror),
    deputy: await make('deputy', 'Орунбасар Гүлнара', 'deputy'),
    secretary: await make('secretary', 'Катчы Нуржан', 'secretary'),
    director: await make('director', 'Директор Бакыт', 'director'),
  };
  return {
    mirror,
    service,
    clock,
    users,
    async close() {
      await service.context.jobs.stopAll();
      mirror.close();
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
