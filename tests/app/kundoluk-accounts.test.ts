import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../src/core/auth/users';
import type { CommandName, InputOf } from '../../src/shared/contract';
import type { JobView } from '../../src/shared/views';
import { kundolukDataFromMirror, type FakeLesson } from '../mirror/fake-kundoluk/from-mirror';
import { startFakeKundoluk, type FakeKundoluk } from '../mirror/fake-kundoluk/server';
import { callAs, connectKundoluk, refusalAs, setUpApp, type AppFixture } from './fixture';

const CLASS_TEACHER = 'eyJ-class-teacher-of-8a';
const TEACHER = 'eyJ-one-teacher-of-both';
let app: AppFixture<'deputy' | 'secretary'>;
let fake: FakeKundoluk;
let teacherPin: string;

const as = <N extends CommandName>(role: 'admin' | 'deputy' | 'secretary', name: N, input: InputOf<N>) =>
  callAs(app.service, app.users[role], app.clock(), name, input);
const settled = (job: JobView) => app.service.context.jobs.settled(job.id, actorOf(app.users.deputy));
const pinOf = (l: FakeLesson) => (l.teacher as { pinAsString: string } | null)?.pinAsString ?? null;

beforeAll(async () => {
  app = await setUpApp({
    school: 'demo-small',
    now: '2025-11-20T08:00:00Z',
    roles: ['deputy', 'secretary'],
  });
  // Nothing is known yet of what brought the school's journal: the accounts will say.
  app.mirror.sqlite.exec('DELETE FROM sync_coverage');
  fake = await startFakeKundoluk(CLASS_TEACHER);
  const data = kundolukDataFromMirror(app.mirror);
  fake.lessons = data.lessons;
  fake.quarters = data.quarters;
  const in5 = new Set(data.lessons.filter((l) => l.grade === 5).map(pinOf));
  teacherPin = pinOf(data.lessons.find((l) => l.grade === 8 && in5.has(pinOf(l))) as FakeLesson) as string;
  fake.tokens.set(CLASS_TEACHER, (l) => l.grade === 8);
  fake.tokens.set(TEACHER, (l) => pinOf(l) === teacherPin);
  await connectKundoluk(app, fake.url, CLASS_TEACHER);
});
afterAll(async () => {
  await fake.close();
  await app.close();
});

describe('the whole school from several Kundoluk accounts, in the window', () => {
  it('the deputy adds an account with its owner’s consent; its token goes to the secret store only', async () => {
    const own = new URL(fake.url).host;
    const refused = await refusalAs(app.service, app.users.deputy, app.clock(), 'kundoluk.addAccount', {
      accountName: 'Мугалим',
      accountToken: TEACHER,
      consent: false,
    });
    expect(refused.code).toBe('BAD_INPUT');
    const secretary = await refusalAs(app.service, app.users.secretary, app.clock(), 'kundoluk.addAccount', {
      accountName: 'Мугалим',
      accountToken: TEACHER,
      consent: true,
    });
    expect(secretary.code).toBe('FORBIDDEN');

    const accounts = await as('deputy', 'kundoluk.addAccount', {
      accountName: 'Мугалим',
      accountToken: TEACHER,
      consent: true,
    });
    expect(accounts).toEqual([
      { id: null, name: own, consentBy: null, consentAt: null },
      { id: 1, name: 'Мугалим', consentBy: app.users.deputy.fullName, consentAt: '2025-11-20T08:00:00.000Z' },
    ]);
    const twice = await refusalAs(app.service, app.users.deputy, app.clock(), 'kundoluk.addAccount', {
      accountName: 'мугалим',
      accountToken: 'another',
      consent: true,
    });
    expect(twice.code).toBe('KUNDOLUK_ACCOUNT_TWICE');
    expect(app.service.context.secrets.get('kundoluk.account.1')).toBe(TEACHER);
    app.mirror.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(fs.readFileSync(app.mirror.path).includes(TEACHER)).toBe(false);
    const audited = app.mirror.sqlite
      .prepare("SELECT after_json FROM audit_log WHERE action = 'kundoluk.accountAdd'")
      .all() as { after_json: string }[];
    expect(audited).toHaveLength(1);
    expect(audited[0]?.after_json).not.toContain(TEACHER);
  });

  it('one sync runs through both accounts, and the coverage shows who brought what and what no one covers', async () => {
    const job = await settled(await as('deputy', 'sync.kundoluk', { from: '2025-09-01', to: '2025-09-30' }));
    expect(job.error).toBeNull();
    expect(job.state).toBe('done');
    const tokens = new Set(fake.requests.map((r) => r.authorization));
    expect(tokens).toEqual(new Set([`Bearer ${CLASS_TEACHER}`, `Bearer ${TEACHER}`]));

    const coverage = await as('secretary', 'sync.coverage', {});
    expect(coverage.reachedThrough).toBe('2025-09-30');
    const of8 = coverage.rows.filter((r) => r.className === '8А');
    const of5 = coverage.rows.filter((r) => r.className === '5Б');
    const own = new URL(fake.url).host;
    expect(of8.length).toBeGreaterThan(0);
    expect(
      of8.every((r) => r.sources.some((s) => s.account === own && s.syncedThrough === '2025-09-30')),
    ).toBe(true);
    expect(of8.some((r) => r.sources.length === 2)).toBe(true);
    const byTeacher = of5.filter((r) => r.sources.length > 0);
    const gap = of5.filter((r) => r.sources.length === 0);
    expect(byTeacher.length).toBeGreaterThan(0);
    expect(byTeacher.every((r) => r.sources.map((s) => s.account).join() === 'Мугалим')).toBe(true);
    expect(gap.length).toBeGreaterThan(0);
    expect(gap.every((r) => r.syncedThrough === null)).toBe(true);
  });

  it('removing an account forgets its token', async () => {
    const accounts = await as('deputy', 'kundoluk.removeAccount', { accountId: 1 });
    expect(accounts.map((a) => a.name)).toEqual([new URL(fake.url).host]);
    expect(app.service.context.secrets.get('kundoluk.account.1')).toBeNull();
    const again = await refusalAs(app.service, app.users.deputy, app.clock(), 'kundoluk.removeAccount', {
      accountId: 1,
    });
    expect(again.code).toBe('KUNDOLUK_ACCOUNT_UNKNOWN');
  });
});
