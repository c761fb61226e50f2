import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { setUpApp, type AppFixture } from '../app/fixture';

let app: AppFixture;
let db: string;

async function moor(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const actors = () =>
  (
    app.mirror.sqlite.prepare("SELECT actor FROM audit_log WHERE action LIKE 'close.%'").all() as {
      actor: string;
    }[]
  ).map((row) => row.actor);

beforeAll(async () => {
  app = await setUpApp({ school: 'demo-small', now: '2025-11-20T08:00:00Z' });
  db = app.mirror.path;
});
afterAll(async () => {
  await app.close();
});

describe('who the command line is', () => {
  it('records the system user and "command line", never the person --as names', async () => {
    const started = await moor('close', 'start', '--db', db, '--period', 'q1', '--as', 'deputy');
    expect(started.code).toBe(0);
    const recorded = actors();
    expect(recorded.length).toBeGreaterThan(0);
    for (const actor of recorded) expect(actor).toContain(`${os.userInfo().username} (command line)`);
    expect(recorded.join()).not.toContain('Орунбасар Гүлнара');
  });

  it('records a signature, the director’s sign-off or the seal only for a user who signs in', async () => {
    const before = actors().length;
    for (const step of ['director-sign', 'stamp', 'handover']) {
      const believed = await moor('close', step, '--db', db, '--as', 'director');
      expect({ step, refused: believed.code !== 0 }).toEqual({ step, refused: true });
      expect(believed.err).toMatch(/--user LOGIN --password-file FILE/);
    }
    const passwordFile = path.join(app.dir, 'director.txt');
    fs.writeFileSync(passwordFile, 'not the password\n');
    const wrong = await moor(
      'close',
      'director-sign',
      '--db',
      db,
      '--user',
      'director',
      '--password-file',
      passwordFile,
    );
    expect(wrong.err).toMatch(/login or the password is wrong/);
    fs.writeFileSync(passwordFile, 'director-password\n');
    // Signed in, the step goes as far as the close allows: day 5 has not come yet.
    const early = await moor(
      'close',
      'director-sign',
      '--db',
      db,
      '--user',
      'director',
      '--password-file',
      passwordFile,
    );
    expect(early.err).toMatch(/Day 5 .* cannot start yet/);
    expect(actors()).toHaveLength(before);
  });
});
