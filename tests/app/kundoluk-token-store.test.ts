import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../src/core/auth/users';
import { createAppService, secretsBeside } from '../../src/core/app/service';
import { openMirror } from '../../src/core/db/mirror';
import type { CommandName, InputOf } from '../../src/shared/contract';
import { kundolukDataFromMirror } from '../mirror/fake-kundoluk/from-mirror';
import { startFakeKundoluk } from '../mirror/fake-kundoluk/server';
import { callAs, setUpApp, type AppFixture } from './fixture';

let app: AppFixture<'deputy'>;

const as = <N extends CommandName>(role: 'admin' | 'deputy', name: N, input: InputOf<N>) =>
  callAs(app.service, app.users[role], app.clock(), name, input);

/** The mirror's files (the database, its WAL) that hold `secret` in plain. */
function mirrorFilesHolding(secret: string): string[] {
  return fs
    .readdirSync(app.dir)
    .filter((name) => name.startsWith('mirror.sqlite'))
    .filter((name) => fs.readFileSync(path.join(app.dir, name)).includes(Buffer.from(secret, 'utf8')));
}

beforeAll(async () => {
  app = await setUpApp({ school: 'demo-small', now: '2025-11-20T08:00:00Z', roles: ['deputy'] });
});
afterAll(async () => {
  await app.close();
});

describe('the Kundoluk token kept in the secret store', () => {
  it('moves a token an earlier version kept in the settings out of the mirror, its WAL and its free pages', () => {
    const older = 'eyJ-older-token-left-in-a-freed-cell';
    const legacy = 'eyJ-legacy-token-in-app-setting';
    const put = app.mirror.sqlite.prepare(
      "INSERT INTO app_setting (key, value_json, updated_at) VALUES ('kundolukToken', ?, '2025-11-01T00:00:00Z') " +
        'ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json',
    );
    put.run(JSON.stringify(older));
    put.run(JSON.stringify(legacy));
    expect(mirrorFilesHolding(legacy)).toContain('mirror.sqlite-wal');

    // The next start of the app, on the same file.
    const next = createAppService({ mirror: openMirror(app.mirror.path), clock: app.clock });
    try {
      expect(next.context.secrets.get('kundoluk.token')).toBe(legacy);
      expect(mirrorFilesHolding(legacy)).toEqual([]);
      expect(mirrorFilesHolding(older)).toEqual([]);
      const row = app.mirror.sqlite.prepare("SELECT 1 FROM app_setting WHERE key = 'kundolukToken'").get();
      expect(row).toBeUndefined();
      const moved = app.mirror.sqlite
        .prepare("SELECT actor, after_json FROM audit_log WHERE action = 'settings.kundolukTokenMoved'")
        .all();
      expect(moved).toEqual([
        { actor: expect.stringContaining('system') as string, after_json: '"secret store"' },
      ]);
    } finally {
      next.context.mirror.close();
    }
  });

  it('shows the token as set, and a pasted token replaces the kept AIS sign-in', async () => {
    const secrets = app.service.context.secrets;
    secrets.set('kundoluk.ais', JSON.stringify({ gbToken: 'gb-old', aisToken: null, aisRefresh: null }));
    const { backupPassphraseSet: _p, kundolukTokenSet, ...settings } = await as('admin', 'settings.get', {});
    expect(kundolukTokenSet).toBe(true);
    const saved = await as('admin', 'settings.update', { ...settings, kundolukToken: 'eyJ-pasted' });
    expect(saved.kundolukTokenSet).toBe(true);
    expect(secrets.get('kundoluk.token')).toBe('eyJ-pasted');
    expect(secrets.get('kundoluk.ais')).toBeNull();
    expect(mirrorFilesHolding('eyJ-pasted')).toEqual([]);
    const removed = await as('admin', 'settings.update', { ...settings, kundolukToken: null });
    expect(removed.kundolukTokenSet).toBe(false);
    // A second store on the same file: what the next start reads.
    expect(secretsBeside(app.mirror.path).get('kundoluk.token')).toBeNull();
  });

  it('renews an expired token through the kept AIS sign-in during a sync and keeps the new one', async () => {
    const fresh = 'eyJ-renewed-by-ais';
    const fake = await startFakeKundoluk(fresh);
    try {
      const data = kundolukDataFromMirror(app.mirror);
      fake.lessons = data.lessons;
      fake.quarters = data.quarters;
      fake.tokens.delete(fresh);
      fake.aisSessions.set('gb-kept', { token: fresh, refresh: 'r', isClassManager: true });
      const {
        backupPassphraseSet: _p,
        kundolukTokenSet: _t,
        ...settings
      } = await as('admin', 'settings.get', {});
      await as('admin', 'settings.update', {
        ...settings,
        kundoluk: { mode: 'api', url: fake.url, login: null },
        kundolukToken: 'eyJ-expired',
      });
      const secrets = app.service.context.secrets;
      secrets.set('kundoluk.ais', JSON.stringify({ gbToken: 'gb-kept', aisToken: 'a', aisRefresh: 'r' }));

      const job = await as('deputy', 'sync.kundoluk', { from: '2025-09-01', to: '2025-09-14' });
      const done = await app.service.context.jobs.settled(job.id, actorOf(app.users.deputy));
      expect(done.error).toBeNull();
      expect(done.state).toBe('done');
      expect(fake.requests.some((r) => r.authorization === 'Bearer eyJ-expired')).toBe(true);
      expect(secrets.get('kundoluk.token')).toBe(fresh);
      expect(mirrorFilesHolding(fresh)).toEqual([]);
      expect(JSON.stringify(done)).not.toContain(fresh);
    } finally {
      await fake.close();
    }
  });
});
