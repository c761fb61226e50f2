import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILED_ATTEMPTS } from '../../src/core/auth/sign-in';
import { actorOf } from '../../src/core/auth/users';
import type { JobView } from '../../src/shared/views';
import { setUpApp, type AppFixture } from './fixture';

let app: AppFixture;
beforeAll(async () => {
  app = await setUpApp();
});
afterAll(async () => {
  await app.close();
});

/** Signs the admin in on `client`, starts the audit-chain verification there and waits for its job. */
async function verifyAuditAsAdmin(client: string): Promise<JobView> {
  await app.service.invoke(client, 'auth.signIn', { login: 'admin', password: 'admin-password' });
  const started = await app.service.call(client, 'audit.verify', {});
  if (!started.ok) throw new Error(started.error.message);
  return app.service.context.jobs.settled(started.value.id, actorOf(app.users.admin));
}

describe('the app service behind the contract', () => {
  it('names the field of bad input and refuses unknown commands', async () => {
    const bad = await app.service.invoke('c1', 'auth.signIn', { login: '', password: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { field: 'login' } } });
    const unknown = await app.service.invoke('c1', 'drop.everything', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'COMMAND_NOT_FOUND' } });
  });

  it('refuses a second setup and keeps passwords and the passphrase only as scrypt verifiers', async () => {
    const status = await app.service.invoke('c1', 'app.status', {});
    expect(status).toMatchObject({
      ok: true,
      value: { setupDone: true, school: { nameKy: '№ 1 орто мектеп' } },
    });
    const again = await app.service.invoke('c1', 'setup.complete', {});
    expect(again.ok).toBe(false);
    const stored = app.mirror.sqlite.prepare('SELECT password_hash FROM app_user').all() as {
      password_hash: string;
    }[];
    for (const row of stored) expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    const settings = JSON.stringify(app.mirror.sqlite.prepare('SELECT * FROM app_setting').all());
    expect(settings).not.toContain('a long school passphrase');
    expect(settings).toContain('scrypt$');
  });

  it('signs in, counts wrong passwords, locks out after five and lets in again after the lock-out', async () => {
    const wrong = await app.service.invoke('c2', 'auth.signIn', { login: 'secretary', password: 'nope' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    const unknownUser = await app.service.invoke('c2', 'auth.signIn', { login: 'ghost', password: 'nope' });
    expect(unknownUser).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    let last = wrong;
    for (let i = 2; i <= MAX_FAILED_ATTEMPTS; i += 1) {
      last = await app.service.invoke('c2', 'auth.signIn', { login: 'secretary', password: 'nope' });
    }
    expect(last).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
    const right = await app.service.invoke('c2', 'auth.signIn', {
      login: 'secretary',
      password: 'secretary-password',
    });
    expect(right).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
    app.clock.advanceMinutes(16);
    const later = await app.service.invoke('c2', 'auth.signIn', {
      login: 'secretary',
      password: 'secretary-password',
    });
    expect(later).toMatchObject({ ok: true, value: { user: { role: 'secretary' }, locked: false } });
    const audit = app.mirror.sqlite.prepare("SELECT action FROM audit_log WHERE action LIKE 'user.%'").all();
    expect(audit).toContainEqual({ action: 'user.lockedOut' });
    expect(audit).toContainEqual({ action: 'user.signIn' });
  });

  it('locks an idle session and unlocks it with the same password', async () => {
    await app.service.invoke('c3', 'auth.signIn', { login: 'deputy', password: 'deputy-password' });
    expect((await app.service.invoke('c3', 'dashboard.summary', {})).ok).toBe(true);
    app.clock.advanceMinutes(11);
    const idle = await app.service.invoke('c3', 'dashboard.summary', {});
    expect(idle).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    const status = await app.service.invoke('c3', 'app.status', {});
    expect(status).toMatchObject({ ok: true, value: { session: { locked: true } } });
    const badUnlock = await app.service.invoke('c3', 'auth.unlock', { password: 'wrong' });
    expect(badUnlock.ok).toBe(false);
    const unlock = await app.service.invoke('c3', 'auth.unlock', { password: 'deputy-password' });
    expect(unlock.ok).toBe(true);
    expect((await app.service.invoke('c3', 'dashboard.summary', {})).ok).toBe(true);
  });

  it('switching a user off ends their sessions; the last admin cannot be switched off', async () => {
    await app.service.invoke('d1', 'auth.signIn', { login: 'director', password: 'director-password' });
    await app.service.invoke('a1', 'auth.signIn', { login: 'admin', password: 'admin-password' });
    const off = await app.service.invoke('a1', 'users.setActive', {
      userId: app.users.director.id,
      active: false,
    });
    expect(off).toMatchObject({ ok: true, value: { active: false } });
    const kicked = await app.service.invoke('d1', 'dashboard.summary', {});
    expect(kicked).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    const self = await app.service.invoke('a1', 'users.setActive', {
      userId: app.users.admin.id,
      active: false,
    });
    expect(self).toMatchObject({ ok: false, error: { code: 'CANNOT_DEACTIVATE_SELF' } });
    await app.service.invoke('a1', 'users.setActive', { userId: app.users.director.id, active: true });
  });

  it('runs the audit verification in a worker thread with progress, and finds the chain whole', async () => {
    const done = await verifyAuditAsAdmin('a2');
    expect(done).toMatchObject({ error: null, state: 'done', progress: 1 });
    expect(done.result).toMatchObject({ brokenAt: null });
    expect((done.result as { entries: number }).entries).toBeGreaterThan(5);
    // Another user cannot see the admin's job.
    await app.service.invoke('dd', 'auth.signIn', { login: 'deputy', password: 'deputy-password' });
    const foreign = await app.service.invoke('dd', 'jobs.get', { jobId: done.id });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'JOB_NOT_FOUND' } });
  });

  it('finds a tampered audit log', async () => {
    app.mirror.sqlite.prepare("UPDATE audit_log SET action = 'user.tampered' WHERE id = 2").run();
    const done = await verifyAuditAsAdmin('a3');
    expect(done.result).toMatchObject({ brokenAt: 2 });
  });
});
