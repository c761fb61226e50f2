import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST_HEADERS, HOST_PATHS, type ChangeEvent } from '../../src/shared/host-events';
import type { CloseBoard } from '../../src/shared/views';
import { HostConnection, pairWithHost } from '../../src/network/host-client';
import { startHost } from '../../src/network/host-server';
import { lossyRelay, rawRequest, signedInClient, startSchoolHost, type HostFixture } from './host-fixture';

let school: HostFixture;
let deputy: Awaited<ReturnType<typeof signedInClient>>;
let secretary: Awaited<ReturnType<typeof signedInClient>>;
let board: CloseBoard;

/** The error code of a refused answer, or 'ok'. */
const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);

const ok = <T>(
  result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } },
): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};

beforeAll(async () => {
  school = await startSchoolHost();
  deputy = await signedInClient(school.host, 'Орун басардын ПК', 'deputy');
  secretary = await signedInClient(school.host, 'Катчынын ПК', 'secretary');
}, 60_000);
afterAll(async () => {
  await school.close();
});

function waitForChange(events: ChangeEvent[], action: string): Promise<ChangeEvent> {
  return new Promise((resolve) => {
    const look = setInterval(() => {
      const found = events.find((e) => e.action === action);
      if (found) {
        clearInterval(look);
        resolve(found);
      }
    }, 20);
  });
}

describe('one Мөөр shared on the school network', () => {
  it('shows the secretary the deputy’s steps as they happen, and records each with its PC', async () => {
    const seen: ChangeEvent[] = [];
    const stop = secretary.listen((event) => seen.push(event));
    const { periods } = ok(await deputy.call('close.overview', {}));
    const first = periods.find((p) => p.kind === 'quarter' && p.number === 1);
    if (!first) throw new Error('no first quarter');
    const started = ok(await deputy.call('close.start', { periodId: first.id }));
    await waitForChange(seen, 'close.start');
    for (const day of [1, 2]) {
      board = ok(
        await deputy.call('close.override', {
          closeId: started.closeId,
          day,
          reason: 'Мугалимдер менен кагаз жүзүндө текшерилди, жазылып алынды.',
        }),
      );
    }
    const override = await waitForChange(seen, 'close.override');
    expect(override.entity).toBeTruthy();
    stop();
    const onSecretaryScreen = ok(await secretary.call('close.board', { closeId: started.closeId }));
    expect(onSecretaryScreen.days.filter((d) => d.completed).map((d) => d.day)).toEqual([1, 2]);

    const audit = ok(
      await deputy.call('audit.list', { limit: 20, beforeId: null, search: '', actions: [], entities: [] }),
    ).filter((e) => e.action === 'close.start' || e.action === 'user.signIn');
    expect(audit.find((e) => e.action === 'close.start')?.actor.place).toBe('Орун басардын ПК');
    expect(audit.filter((e) => e.action === 'user.signIn').map((e) => e.actor.place)).toEqual(
      expect.arrayContaining(['Орун басардын ПК', 'Катчынын ПК']),
    );
  });

  it('records a signature once when two deputies record it at once, and tells the second who did', async () => {
    const other = await signedInClient(school.host, 'Экинчи ПК', 'deputy2');
    const item = board.items.find((i) => i.day === 3 && i.status === 'open' && i.teacherId !== null);
    if (!item || item.classId === null || item.teacherId === null || item.subjectId === null)
      throw new Error('no signature to record');
    const sign = {
      closeId: board.closeId,
      classId: item.classId,
      teacherId: item.teacherId,
      subjectId: item.subjectId,
    };
    const [a, b] = await Promise.all([deputy.call('close.sign', sign), other.call('close.sign', sign)]);
    const answers = [a, b];
    expect(answers.filter((r) => r.ok)).toHaveLength(1);
    const refused = answers.find((r) => !r.ok);
    expect(refused && codeOf(refused)).toBe('CLOSE_ALREADY_DONE');
    expect(refused?.ok === false && refused.error.message).toMatch(/already recorded \(on .* by deputy:/);
    const signs = school.app.mirror.sqlite
      .prepare("select count(*) as n from audit_log where action = 'close.sign' and entity_id = ?")
      .get(String(item.id)) as { n: number };
    expect(signs.n).toBe(1);
  });

  it('answers nothing without a paired key or a session, refuses another origin and a session from another PC', async () => {
    const invoke = new URL(HOST_PATHS.invoke, school.host.url).href;
    const body = { name: 'close.overview', input: {} };
    expect((await rawRequest(invoke, {}, body)).body.error?.code).toBe('HOST_NOT_PAIRED');
    expect((await rawRequest(invoke, { [HOST_HEADERS.key]: deputy.paired.key }, body)).body.error?.code).toBe(
      'NOT_SIGNED_IN',
    );
    const withSession = {
      [HOST_HEADERS.key]: deputy.paired.key,
      authorization: `Bearer ${deputy.sessionToken ?? ''}`,
    };
    expect((await rawRequest(invoke, withSession, body)).body.ok).toBe(true);
    for (const foreign of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }] as Record<
      string,
      string
    >[]) {
      const answer = await rawRequest(invoke, { ...withSession, ...foreign }, body);
      expect([answer.status, answer.body.error?.code]).toEqual([403, 'FORBIDDEN_ORIGIN']);
    }
    // The secretary's session brought from the deputy's PC: refused, and ended for its owner too.
    const stolen = await rawRequest(
      invoke,
      { [HOST_HEADERS.key]: deputy.paired.key, authorization: `Bearer ${secretary.sessionToken ?? ''}` },
      body,
    );
    expect(stolen.body.error?.code).toBe('SESSION_OTHER_CLIENT');
    const after = await secretary.call('close.overview', {});
    expect(codeOf(after)).toBe('NOT_SIGNED_IN');
    ok(await secretary.call('auth.signIn', { login: 'secretary', password: 'secretary-password' }));
  });

  it('lets the admin end a session at once', async () => {
    const session = school.host.sessions.list().find((s) => s.place === 'Катчынын ПК');
    if (!session) throw new Error('no session of the secretary');
    expect(school.host.endSession(session.id)).toBe(true);
    const after = await secretary.call('close.overview', {});
    expect(codeOf(after)).toBe('NOT_SIGNED_IN');
  });

  it('neither loses nor doubles a signature whose answer was lost, when it is sent again', async () => {
    const item = board.items.filter((i) => i.day === 3 && i.teacherId !== null).at(-1);
    if (!item || item.classId === null || item.teacherId === null || item.subjectId === null)
      throw new Error('no signature to record');
    const sign = {
      closeId: board.closeId,
      classId: item.classId,
      teacherId: item.teacherId,
      subjectId: item.subjectId,
    };
    const relay = await lossyRelay(school.host.port);
    const paired = await pairWithHost(school.host.url, school.host.clients.pairingCode, 'ПК через сеть');
    const client = new HostConnection(relay.through(ok(paired)));
    ok(await client.call('auth.signIn', { login: 'deputy', password: 'deputy-password' }));
    relay.loseAnswers = true;
    const lost = await client.call('close.sign', sign, 'sign-request-0001');
    expect(codeOf(lost)).toBe('HOST_UNREACHABLE');
    relay.loseAnswers = false;
    // The same request again: the host answers as it did the first time.
    const again = await client.call('close.sign', sign, 'sign-request-0001');
    expect(again.ok).toBe(true);
    const count = () =>
      (
        school.app.mirror.sqlite
          .prepare("select count(*) as n from audit_log where action = 'close.sign' and entity_id = ?")
          .get(String(item.id)) as { n: number }
      ).n;
    expect(count()).toBe(1);
    // A new request for the same step is told that it is already recorded.
    const twice = await client.call('close.sign', sign);
    expect(codeOf(twice)).toBe('CLOSE_ALREADY_DONE');
    expect(count()).toBe(1);
    await relay.close();
  });

  it('refuses a wrong pairing code, and then makes the address wait', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const answer = await pairWithHost(school.host.url, 'WRONG-CODE-1', 'Бөтөн ПК');
      codes.push(answer.ok ? 'paired' : answer.error.code);
    }
    expect(codes).toEqual(['PAIRING_CODE_WRONG', 'PAIRING_CODE_WRONG', 'PAIRING_CODE_WRONG', 'PAIRING_WAIT']);
    expect(school.host.clients.list().map((c) => c.name)).not.toContain('Бөтөн ПК');
  });

  it('stops sharing at once, and a client is told the host does not answer', async () => {
    await school.host.stop();
    const answer = await deputy.call('close.overview', {});
    expect(codeOf(answer)).toBe('HOST_UNREACHABLE');
    // Shared again on the same certificate: the paired PC trusts it and signs in again.
    const again = await startHost({
      service: school.app.service,
      hostname: '127.0.0.1',
      port: 0,
      rendererDir: school.app.dir,
    });
    expect(again.fingerprint).toBe(school.host.fingerprint);
    school.host = again;
  });
});
