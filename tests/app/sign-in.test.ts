import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getUser } from '../../src/core/auth/users';
import { setUpApp, type AppFixture } from './fixture';

let app: AppFixture;
beforeEach(async () => {
  app = await setUpApp();
});
afterEach(async () => {
  await app.close();
});

const signIn = (client: string, login: string, password: string) =>
  app.service.invoke(client, 'auth.signIn', { login, password });

const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);

describe('signing in against guessing', () => {
  it('counts every parallel guess before the slow hash: the right password after 29 wrong ones waits', async () => {
    const attempts = Array.from({ length: 29 }, (_, i) => signIn(`race-${i}`, 'secretary', `guess-${i}`));
    attempts.push(signIn('race-last', 'secretary', 'secretary-password'));
    const codes = (await Promise.all(attempts)).map(codeOf);
    expect(codes.at(-1)).toBe('SIGN_IN_WAIT');
    expect(codes).not.toContain('ok');
    const user = getUser(app.mirror, app.users.secretary.id);
    // The wait the wrong guesses earned is still there after every attempt has ended.
    expect(user.lockedUntil !== null && user.lockedUntil > app.clock().toISOString()).toBe(true);
    expect(user.lastSignInAt).toBeNull();
  });

  it('makes each wrong password wait longer instead of locking the account for a fixed time', async () => {
    const waits: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const wrong = await signIn(`acc-${i}`, 'deputy', 'nope');
      expect(['WRONG_CREDENTIALS', 'SIGN_IN_WAIT']).toContain(codeOf(wrong));
      const until = getUser(app.mirror, app.users.deputy.id).lockedUntil;
      const wait = until ? new Date(until).getTime() - app.clock().getTime() : 0;
      waits.push(wait);
      app.clock.advanceMinutes(wait / 60_000);
    }
    expect(waits.slice(0, 2)).toEqual([0, 0]);
    for (let i = 3; i < waits.length; i += 1) expect(waits[i]).toBeGreaterThan(waits[i - 1] ?? 0);
    // Never a quarter of an hour for a handful of guesses anyone can make.
    expect(Math.max(...waits)).toBeLessThan(5 * 60_000);
    expect(codeOf(await signIn('acc-right', 'deputy', 'deputy-password'))).toBe('ok');
    expect(getUser(app.mirror, app.users.deputy.id)).toMatchObject({ failedAttempts: 0, lockedUntil: null });
  });

  it('answers an unknown login exactly as a wrong password, waits included', async () => {
    const known: string[] = [];
    const unknown: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      known.push(codeOf(await signIn(`k-${i}`, 'director', 'nope')) ?? '');
      unknown.push(codeOf(await signIn(`u-${i}`, 'nobody-here', 'nope')) ?? '');
    }
    expect(unknown).toEqual(known);
    expect(known).toContain('SIGN_IN_WAIT');
  });

  it('tells a switched-off account only to whoever knows its password', async () => {
    app.mirror.sqlite.prepare('UPDATE app_user SET active = 0 WHERE id = ?').run(app.users.director.id);
    expect(codeOf(await signIn('off-1', 'director', 'nope'))).toBe('WRONG_CREDENTIALS');
    expect(codeOf(await signIn('off-2', 'director', 'director-password'))).toBe('USER_INACTIVE');
  });

  it('slows down one source guessing across many accounts', async () => {
    const logins = ['admin', 'deputy', 'secretary', 'director', 'ghost-1', 'ghost-2'];
    const codes = [];
    for (const login of logins) codes.push(codeOf(await signIn('web:rotating-id-1', login, 'nope')));
    expect(codes).toContain('SIGN_IN_WAIT');
    // A browser tab names itself: a new name is the same source.
    expect(codeOf(await signIn('web:rotating-id-2', 'deputy', 'deputy-password'))).toBe('SIGN_IN_WAIT');
    // Another source is not held up by it.
    expect(codeOf(await signIn('window:7', 'deputy', 'deputy-password'))).toBe('ok');
  });
});

describe('sessions', () => {
  it('end after a working day even when kept busy', async () => {
    expect(codeOf(await signIn('long', 'deputy', 'deputy-password'))).toBe('ok');
    // Busy every nine minutes, never idle long enough for the screen lock, for twelve hours.
    for (let step = 0; step < 80; step += 1) {
      app.clock.advanceMinutes(9);
      expect(codeOf(await app.service.invoke('long', 'dashboard.summary', {}))).toBe('ok');
    }
    app.clock.advanceMinutes(9);
    expect(codeOf(await app.service.invoke('long', 'dashboard.summary', {}))).toBe('NOT_SIGNED_IN');
    const status = await app.service.invoke('long', 'app.status', {});
    expect(status).toMatchObject({ ok: true, value: { session: null } });
  });

  it('say nothing about a command’s input before sign-in', async () => {
    const result = await app.service.invoke('stranger', 'users.create', { login: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    expect(JSON.stringify(result)).not.toContain('login');
  });
});
