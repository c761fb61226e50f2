import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainHost } from '../../src/core/app/host';
import { createAppService, type AppService } from '../../src/core/app/service';
import { openMirror } from '../../src/core/db/mirror';
import { HostConnection, pairWithHost } from '../../src/network/host-client';
import { networkSharing } from '../../src/network/network-sharing';
import { callAs, setUpApp, type AppFixture } from '../app/fixture';
import { tempDir } from '../support/temp-dir';

let app: AppFixture<'deputy'>;
let service: AppService;

/** The installation of the fixture, opened again the way the app opens it: with the sharing switch. */
beforeAll(async () => {
  const set = await setUpApp({ roles: ['deputy'] });
  const file = set.mirror.path;
  await set.close();
  const rendererDir = tempDir('moor-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  const sharing = networkSharing(rendererDir);
  service = createAppService({
    mirror: openMirror(file),
    clock: set.clock,
    host: { ...plainHost(), sharing },
  });
  sharing.attach(service);
  app = { ...set, service, mirror: service.context.mirror };
});
afterAll(async () => {
  await service.call('admin-window', 'sharing.stop', {});
  await app.close();
});

describe('the settings’ switch that shares this Мөөр on the network', () => {
  it('is the admin’s: the admin starts it, sees who works from which PC, ends a session and stops it', async () => {
    const asAdmin = <N extends Parameters<typeof service.call>[1]>(
      name: N,
      input: Parameters<typeof service.call<N>>[2],
    ) => callAs(service, app.users.admin, app.clock(), name, input);
    await expect(
      callAs(service, app.users.deputy, app.clock(), 'sharing.start', { listen: '127.0.0.1:0' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const shared = await asAdmin('sharing.start', { listen: '127.0.0.1:0' });
    expect(shared.sharing).toBe(true);
    expect(shared.pairingCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}$/);
    if (shared.url === null || shared.pairingCode === null) throw new Error('not shared');

    const paired = await pairWithHost(shared.url, shared.pairingCode, 'Орун басардын ПК');
    if (!paired.ok) throw new Error(paired.error.message);
    const client = new HostConnection(paired.value);
    expect((await client.call('auth.signIn', { login: 'deputy', password: 'deputy-password' })).ok).toBe(
      true,
    );

    const seen = await asAdmin('sharing.status', {});
    expect(seen.pcs.map((pc) => pc.name)).toContain('Орун басардын ПК');
    const session = seen.sessions.find((s) => s.place === 'Орун басардын ПК');
    expect(session?.role).toBe('deputy');
    if (!session) throw new Error('no session');

    const ended = await asAdmin('sharing.endSession', { sessionId: session.id });
    expect(ended.sessions).toEqual([]);
    const after = await client.call('dashboard.summary', {});
    expect(after.ok ? 'ok' : after.error.code).toBe('NOT_SIGNED_IN');

    const stopped = await asAdmin('sharing.stop', {});
    expect(stopped.sharing).toBe(false);
    const gone = await client.call('app.status', {});
    expect(gone.ok ? 'ok' : gone.error.code).toBe('HOST_UNREACHABLE');

    const actions = app.mirror.sqlite
      .prepare("select action, actor from audit_log where action like 'network.%' order by id")
      .all() as { action: string; actor: string }[];
    expect(actions.map((a) => a.action)).toEqual([
      'network.share',
      'network.pair',
      'network.endSession',
      'network.stop',
    ]);
    expect(actions.find((a) => a.action === 'network.pair')?.actor).toContain('@Орун басардын ПК');
  });
});
