import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createUser, findUserByLogin } from '../src/core/auth/users';
import { actorOf } from '../src/core/auth/users';
import { createAppService } from '../src/core/app/service';
import { openMirror } from '../src/core/db/mirror';
import { createDemoSchool } from '../src/core/demo/create-demo-school';
import { HostConnection, pairWithHost } from '../src/network/host-client';
import { startHost } from '../src/network/host-server';
import type { CommandName, InputOf } from '../src/shared/contract';
import { SETUP } from '../tests/app/fixture';
import { tempDir } from '../tests/support/temp-dir';
import { median, printRow } from './measure';

/**
 * A client on the school's network against the host alone: the first screen, a class grid, and a
 * close board's update seen by another client, each with 20 ms added to every request (a school
 * network's round trip), beside the same calls in the host's own process.
 */
const { values } = parseArgs({ options: { size: { type: 'string' } } });
const size = values.size === 'small' ? 'small' : 'large';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const LATENCY_MS = 20;

const dir = tempDir('moor-bench-network-');
const dbPath = path.join(dir, 'school.sqlite');
const fresh = openMirror(dbPath, { create: true });
createDemoSchool(fresh, { size });
fresh.close();
const service = createAppService({
  mirror: openMirror(dbPath),
  clock: () => new Date('2025-11-03T08:00:00Z'),
});
const setup = await service.invoke('bench-setup', 'setup.complete', SETUP);
if (!setup.ok) throw new Error(setup.error.message);
const admin = findUserByLogin(service.context.mirror, 'admin');
if (!admin) throw new Error('no admin');
for (const role of ['deputy', 'secretary'] as const) {
  await createUser(
    service.context.mirror,
    actorOf(admin),
    { login: role, fullName: `${role} bench`, role, password: `${role}-password` },
    new Date('2025-11-03T08:00:00Z'),
  );
}
const rendererDir = tempDir('moor-bench-renderer-');
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
const host = await startHost({ service, hostname: '127.0.0.1', port: 0, rendererDir });

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

async function client(pc: string, login: string) {
  const paired = await pairWithHost(host.url, host.clients.pairingCode, pc);
  if (!paired.ok) throw new Error(paired.error.message);
  const connection = new HostConnection(paired.value);
  const signed = await connection.call('auth.signIn', { login, password: `${login}-password` });
  if (!signed.ok) throw new Error(signed.error.message);
  return connection;
}
const deputy = await client('Орун басардын ПК', 'deputy');
const secretary = await client('Катчынын ПК', 'secretary');
service.context.sessions.open(
  'floor',
  findUserByLogin(service.context.mirror, 'deputy') ?? admin,
  new Date(),
);

type Caller = <N extends CommandName>(name: N, input: InputOf<N>) => Promise<unknown>;
const floor: Caller = async (name, input) => {
  const result = await service.call('floor', name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const overNetwork: Caller = async (name, input) => {
  await sleep(LATENCY_MS);
  const result = await deputy.call(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

const classes = (await floor('journal.classes', {})) as { id: number; subjects: { id: number }[] }[];
const firstClass = classes[0];
const firstSubject = firstClass?.subjects[0];
if (!firstClass || !firstSubject) throw new Error('no class with a subject');

async function seconds(work: () => Promise<unknown>): Promise<number[]> {
  const runs: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = performance.now();
    await work();
    runs.push((performance.now() - started) / 1000);
  }
  return runs;
}
const firstScreen = (call: Caller) => async () => {
  await call('app.status', {});
  await Promise.all([call('dashboard.summary', {}), call('journal.classes', {})]);
};
const grid = (call: Caller) => () =>
  call('journal.grid', { classId: firstClass.id, subjectId: firstSubject.id, periodId: null });

console.log(`Network benchmark: ${size} demo school, ${ROUNDS} rounds, ${LATENCY_MS} ms added per request`);
printRow(['what', 'host alone (median s)', 'client (median s)', 'ratio']);
for (const [label, make] of [
  ['first screen', firstScreen],
  ['class grid', grid],
] as const) {
  const alone = median(await seconds(make(floor)));
  const remote = median(await seconds(make(overNetwork)));
  printRow([label, alone.toFixed(3), remote.toFixed(3), `${(remote / alone).toFixed(2)}×`]);
}

// The board's update: the deputy records a step; the secretary's window hears of it and re-reads the board.
const overview = (await floor('close.overview', {})) as {
  periods: { id: number; kind: string; number: number }[];
};
const quarter = overview.periods.find((p) => p.kind === 'quarter' && p.number === 1);
if (!quarter) throw new Error('no first quarter');
const board = (await overNetwork('close.start', { periodId: quarter.id })) as { closeId: number };
const updates: number[] = [];
const heardAfter: number[] = [];
const floorBoard: number[] = [];
for (let day = 1; day <= 2; day += 1) {
  const heard = new Promise<void>((resolve) => {
    const stop = secretary.listen((event) => {
      if (event.action === 'close.override') {
        stop();
        resolve();
      }
    });
  });
  await sleep(100);
  const started = performance.now();
  await overNetwork('close.override', {
    closeId: board.closeId,
    day,
    reason: 'Мугалимдер менен кагаз жүзүндө текшерилди.',
  });
  await heard;
  heardAfter.push((performance.now() - started) / 1000);
  await sleep(LATENCY_MS);
  await secretary.call('close.board', { closeId: board.closeId });
  updates.push((performance.now() - started) / 1000);
  const floorStarted = performance.now();
  await floor('close.board', { closeId: board.closeId });
  floorBoard.push((performance.now() - floorStarted) / 1000);
}
printRow([
  'board update seen',
  median(floorBoard).toFixed(3),
  median(updates).toFixed(3),
  `${(median(updates) / median(floorBoard)).toFixed(2)}×`,
]);
printRow(['board change heard', '', median(heardAfter).toFixed(3), '']);
console.log(
  '(board update: from the deputy’s step sent to the secretary’s board read again; host alone: the board read)',
);
await host.stop();
await service.context.jobs.stopAll();
service.context.mirror.close();
