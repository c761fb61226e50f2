import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../src/core/auth/users';
import type { CommandName, InputOf } from '../../src/shared/contract';
import type { JobView } from '../../src/shared/views';
import { kundolukDataFromMirror } from '../mirror/fake-kundoluk/from-mirror';
import { startFakeKundoluk, type FakeKundoluk } from '../mirror/fake-kundoluk/server';
import { callAs, connectKundoluk, setUpApp, type AppFixture } from './fixture';

const TOKEN = 'eyJ-progress-token';
let app: AppFixture<'deputy'>;
let fake: FakeKundoluk;

const as = <N extends CommandName>(role: 'admin' | 'deputy', name: N, input: InputOf<N>) =>
  callAs(app.service, app.users[role], app.clock(), name, input);

const settled = (job: JobView) => app.service.context.jobs.settled(job.id, actorOf(app.users.deputy));

beforeAll(async () => {
  app = await setUpApp({ school: 'demo-small', now: '2025-11-20T08:00:00Z', roles: ['deputy'] });
  fake = await startFakeKundoluk(TOKEN);
  const data = kundolukDataFromMirror(app.mirror);
  fake.lessons = data.lessons;
  fake.quarters = data.quarters;
  await connectKundoluk(app, fake.url, TOKEN);
});
afterAll(async () => {
  await fake.close();
  await app.close();
});

describe('a Kundoluk sync in the window: progress by account and week, and resume', () => {
  it('names the account and the last week written, and offers to continue a cut sync from the next week', async () => {
    const account = new URL(fake.url).host;
    // Five weeks; the fourth never answers.
    fake.breaks = (r) => (r.query.start_date === '2025-09-22' ? 503 : undefined);
    const cut = await settled(await as('deputy', 'sync.kundoluk', { from: '2025-09-01', to: '2025-10-05' }));
    expect(cut.state).toBe('failed');
    expect(cut.error?.code).toBe('KUNDOLUK_UNAVAILABLE');
    expect(cut.detail).toEqual({
      account,
      week: 3,
      weeks: 5,
      from: '2025-09-15',
      to: '2025-09-21',
      accountNumber: 1,
      accounts: 1,
    });
    expect(await as('deputy', 'sync.kundolukCut', {})).toEqual({
      account,
      from: '2025-09-01',
      to: '2025-10-05',
      weeksDone: 3,
      weeks: 5,
      doneThrough: '2025-09-21',
      startedAt: expect.any(String) as string,
    });

    fake.breaks = undefined;
    fake.requests.length = 0;
    const resumed = await settled(
      await as('deputy', 'sync.kundoluk', { from: '2025-09-01', to: '2025-10-05', resume: true }),
    );
    expect(resumed.state).toBe('done');
    expect(resumed.progress).toBe(1);
    const asked = fake.requests
      .filter((r) => r.path.endsWith('gradebook/list'))
      .map((r) => r.query.start_date);
    expect(asked.sort()).toEqual(['2025-09-22', '2025-09-29']);
    expect(await as('deputy', 'sync.kundolukCut', {})).toBeNull();
  });

  it('stops a running sync when the deputy cancels it', async () => {
    fake.latencyMs = 300;
    try {
      const job = await as('deputy', 'sync.kundoluk', { from: '2025-09-01', to: '2025-10-26' });
      await as('deputy', 'jobs.cancel', { jobId: job.id });
      const cancelled = await settled(job);
      expect(cancelled.state).toBe('cancelled');
    } finally {
      fake.latencyMs = 0;
    }
  });
});
