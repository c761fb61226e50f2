import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../src/core/auth/users';
import type { CommandName, InputOf } from '../../src/shared/contract';
import type { JobView } from '../../src/shared/views';
import { kundolukDataFromMirror } from '../mirror/fake-kundoluk/from-mirror';
import { startFakeKundoluk, type FakeKundoluk } from '../mirror/fake-kundoluk/server';
import { callAs, connectKundoluk, refusalAs, setUpApp, type AppFixture } from './fixture';

const FIRST = 'eyJ-handed-out-after-ais';
const RENEWED = 'eyJ-renewed-after-401';
let app: AppFixture<'deputy'>;
let fake: FakeKundoluk;

const as = <N extends CommandName>(role: 'admin' | 'deputy', name: N, input: InputOf<N>) =>
  callAs(app.service, app.users[role], app.clock(), name, input);
const settled = (job: JobView) => app.service.context.jobs.settled(job.id, actorOf(app.users.deputy));

beforeAll(async () => {
  app = await setUpApp({ school: 'demo-small', now: '2025-11-20T08:00:00Z', roles: ['deputy'] });
  fake = await startFakeKundoluk('a-token-nobody-pasted');
  const data = kundolukDataFromMirror(app.mirror);
  fake.lessons = data.lessons;
  fake.quarters = data.quarters;
  fake.aisSessions.set('gb-of-the-teacher', {
    token: FIRST,
    refresh: 'kundoluk-refresh',
    isClassManager: true,
  });
  await connectKundoluk(app, fake.url);
});
afterAll(async () => {
  await fake.close();
  await app.close();
});

describe('signing in to Kundoluk through AIS in the window', () => {
  it('gives the AIS page to open, and keeps the token it brings in the secret store only', async () => {
    const { address, returnsTo } = await as('admin', 'kundoluk.aisAddress', {});
    const page = new URL(address);
    expect(page.pathname).toBe('/gbapi/v2/auth/ais');
    expect(page.searchParams.get('redirect')).toBe(returnsTo);
    expect(page.searchParams.get('session')).toMatch(/^[0-9a-f-]{36}$/);

    const unknown = await refusalAs(app.service, app.users.admin, app.clock(), 'kundoluk.signInAis', {
      returnedTo: `${returnsTo}?gb_token=not-a-session`,
    });
    expect(unknown.code).toBe('KUNDOLUK_TOKEN_EXPIRED');
    const notAnAddress = await refusalAs(app.service, app.users.admin, app.clock(), 'kundoluk.signInAis', {
      returnedTo: 'the password I typed',
    });
    expect(notAnAddress.code).toBe('KUNDOLUK_SIGN_IN');
    const noToken = await refusalAs(app.service, app.users.admin, app.clock(), 'kundoluk.signInAis', {
      returnedTo: `${returnsTo}?error=denied`,
    });
    expect(noToken.code).toBe('KUNDOLUK_SIGN_IN');
    expect(app.service.context.secrets.get('kundoluk.token')).toBeNull();
    const deputy = await refusalAs(app.service, app.users.deputy, app.clock(), 'kundoluk.signInAis', {
      returnedTo: `${returnsTo}?gb_token=gb-of-the-teacher`,
    });
    expect(deputy.code).toBe('FORBIDDEN');

    const settings = await as('admin', 'kundoluk.signInAis', {
      returnedTo: `${returnsTo}?app=moor&gb_token=gb-of-the-teacher&ais_token=ais-access&ais_refresh=ais-refresh`,
    });
    expect(settings.kundolukTokenSet).toBe(true);
    const secrets = app.service.context.secrets;
    expect(secrets.get('kundoluk.token')).toBe(FIRST);
    expect(JSON.parse(secrets.get('kundoluk.ais') ?? 'null')).toEqual({
      gbToken: 'gb-of-the-teacher',
      aisToken: 'ais-access',
      aisRefresh: 'ais-refresh',
    });
    app.mirror.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const file = fs.readFileSync(app.mirror.path);
    for (const secret of [FIRST, 'gb-of-the-teacher', 'ais-access', 'ais-refresh']) {
      expect(file.includes(secret), secret).toBe(false);
    }
    const audited = app.mirror.sqlite
      .prepare("SELECT after_json FROM audit_log WHERE action = 'settings.kundolukSignIn'")
      .get() as { after_json: string };
    expect(JSON.parse(audited.after_json)).toEqual({ isClassManager: true, schools: 0 });
  });

  it('a token Kundoluk refuses is renewed once through the kept AIS sign-in, and the sync goes on', async () => {
    // The token handed out at sign-in has expired; signing in again hands out another.
    fake.tokens.delete(FIRST);
    fake.aisSessions.set('gb-of-the-teacher', { token: RENEWED, refresh: 'r2', isClassManager: true });
    fake.requests.length = 0;
    const job = await settled(await as('deputy', 'sync.kundoluk', { from: '2025-09-01', to: '2025-09-07' }));
    expect(job.error).toBeNull();
    expect(job.state).toBe('done');
    expect(fake.requests.filter((r) => r.path.endsWith('/storetokenmobile/'))).toHaveLength(1);
    expect(app.service.context.secrets.get('kundoluk.token')).toBe(RENEWED);

    // Refused again after renewing: the person is asked to sign in again, once, not in a loop.
    fake.tokens.delete(RENEWED);
    fake.aisSessions.delete('gb-of-the-teacher');
    fake.requests.length = 0;
    const refused = await settled(
      await as('deputy', 'sync.kundoluk', { from: '2025-09-08', to: '2025-09-14' }),
    );
    expect(refused.state).toBe('failed');
    expect(refused.error?.code).toBe('KUNDOLUK_TOKEN_EXPIRED');
    expect(fake.requests.filter((r) => r.path.endsWith('/storetokenmobile/'))).toHaveLength(1);
  });
});
