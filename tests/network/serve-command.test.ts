import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HostConnection, pairWithHost } from '../../src/network/host-client';
import { setUpApp } from '../app/fixture';

/** The value printed after `label` on the command's output, once it is there. */
function printed(output: () => string, label: string): Promise<string> {
  return new Promise((resolve) => {
    const look = setInterval(() => {
      const match = new RegExp(`${label}(\\S+)`).exec(output());
      if (match?.[1]) {
        clearInterval(look);
        resolve(match[1]);
      }
    }, 50);
  });
}

describe('moor serve', () => {
  it('shares a set-up mirror, prints the address and the pairing code, and stops on SIGTERM', async () => {
    const app = await setUpApp({ school: 'empty' });
    const dbPath = app.mirror.path;
    await app.close();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--db', dbPath, '--listen', '127.0.0.1:0'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const url = await printed(() => out, 'shared at ');
    const code = await printed(() => out, 'Pairing code: ');
    const fingerprint = await printed(() => out, String.raw`\(SHA-256\): `);

    const paired = await pairWithHost(url, code, 'Директордун ПК');
    if (!paired.ok) throw new Error(paired.error.message);
    expect(paired.value.fingerprint).toBe(fingerprint);
    const client = new HostConnection(paired.value);
    const signedIn = await client.call('auth.signIn', { login: 'admin', password: 'admin-password' });
    expect(signedIn.ok).toBe(true);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toContain('Sharing stopped.');
    const after = await client.call('app.status', {});
    expect(after.ok ? 'ok' : after.error.code).toBe('HOST_UNREACHABLE');
  }, 60_000);
});
