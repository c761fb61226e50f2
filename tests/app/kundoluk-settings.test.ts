import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../src/core/auth/users';
import type { CommandName, InputOf } from '../../src/shared/contract';
import type { KundolukService } from '../../src/shared/kundoluk-service';
import { startFakeKundoluk } from '../mirror/fake-kundoluk/server';
import { callAs, connectKundoluk, refusalAs, setUpApp, type AppFixture } from './fixture';

let app: AppFixture<'deputy'>;

const as = <N extends CommandName>(role: 'admin' | 'deputy', name: N, input: InputOf<N>) =>
  callAs(app.service, app.users[role], app.clock(), name, input);

const corrected: KundolukService = {
  role: 'student',
  paths: {
    list: 'v2/{role}/gradebook/list',
    term: 'v2/{role}/gradebook/term/{term}',
    quarterMarks: 'v2/student/qmarks/all',
    signIn: 'mugalimauth/storetokenmobile/',
  },
};

function auditOf(action: string): { before_json: string; after_json: string }[] {
  return app.mirror.sqlite
    .prepare('SELECT before_json, after_json FROM audit_log WHERE action = ?')
    .all(action) as { before_json: string; after_json: string }[];
}

beforeAll(async () => {
  app = await setUpApp({ school: 'demo-small', now: '2025-11-20T08:00:00Z', roles: ['deputy'] });
});
afterAll(async () => {
  await app.close();
});

describe("Kundoluk's address, role and paths in the settings", () => {
  it('starts from the addresses public clients use, and offers them back as the defaults', async () => {
    const settings = await as('deputy', 'settings.get', {});
    expect(settings.kundolukService).toEqual({
      role: 'teacher',
      paths: {
        list: '{role}/gradebook/list',
        term: '{role}/gradebook/term/{term}',
        quarterMarks: null,
        signIn: 'mugalimauth/storetokenmobile/',
      },
    });
    expect(settings.kundolukDefaults).toEqual({
      url: 'https://kundoluk.edu.gov.kg/api/',
      service: settings.kundolukService,
    });
  });

  it('lets only the administrator change them, audited with what they were', async () => {
    const input = { url: 'https://kundoluk.example.kg/api/', service: corrected };
    expect(
      (await refusalAs(app.service, app.users.deputy, app.clock(), 'settings.updateKundoluk', input)).code,
    ).toBe('FORBIDDEN');
    const saved = await as('admin', 'settings.updateKundoluk', input);
    expect(saved.kundoluk.url).toBe('https://kundoluk.example.kg/api/');
    expect(saved.kundolukService).toEqual(corrected);
    const [entry] = auditOf('settings.kundoluk');
    expect(JSON.parse(entry?.before_json ?? 'null')).toMatchObject({
      url: null,
      service: { role: 'teacher' },
    });
    expect(JSON.parse(entry?.after_json ?? 'null')).toEqual(input);
  });

  it('refuses an address or a path the sync could not use, naming the field, and keeps what was there', async () => {
    const before = await as('admin', 'settings.get', {});
    const badUrl = await refusalAs(app.service, app.users.admin, app.clock(), 'settings.updateKundoluk', {
      url: 'kundoluk.edu.gov.kg',
      service: corrected,
    });
    expect(badUrl).toMatchObject({ code: 'KUNDOLUK_ADDRESS', details: { field: 'url' } });
    const badPath = await refusalAs(app.service, app.users.admin, app.clock(), 'settings.updateKundoluk', {
      url: 'https://kundoluk.edu.gov.kg/api/',
      service: { ...corrected, paths: { ...corrected.paths, term: 'https://elsewhere.kg/{role}/term' } },
    });
    expect(badPath).toMatchObject({ code: 'KUNDOLUK_PATH', details: { field: 'service.paths.term' } });
    expect(await as('admin', 'settings.get', {})).toEqual(before);
    expect(auditOf('settings.kundoluk')).toHaveLength(1);
  });

  it('has the sync ask the corrected paths with the chosen role', async () => {
    const token = 'eyJ-settings-paths';
    const fake = await startFakeKundoluk(token);
    try {
      await connectKundoluk(app, fake.url, token);
      await as('admin', 'settings.updateKundoluk', { url: fake.url, service: corrected });
      const job = await as('deputy', 'sync.kundoluk', { from: '2025-11-10', to: '2025-11-16' });
      await app.service.context.jobs.settled(job.id, actorOf(app.users.deputy));
      const asked = fake.requests.map((r) => r.path);
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.every((p) => p.startsWith('/api/v2/student/'))).toBe(true);
      expect(asked).toContain('/api/v2/student/gradebook/list');
    } finally {
      await fake.close();
    }
  });
});
