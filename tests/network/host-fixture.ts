import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { createUser } from '../../src/core/auth/users';
import { actorOf } from '../../src/core/auth/users';
import { HostConnection, pairWithHost, type PairedHost } from '../../src/network/host-client';
import { startHost, type RunningHost } from '../../src/network/host-server';
import { tempDir } from '../support/temp-dir';
import { setUpApp, type AppFixture } from '../app/fixture';

export interface HostFixture {
  app: AppFixture<'deputy' | 'secretary'>;
  host: RunningHost;
  close(): Promise<void>;
}

/** The small demo school shared on a loopback port, with a deputy, a second deputy and a secretary. */
export async function startSchoolHost(): Promise<HostFixture> {
  const app = await setUpApp({
    school: 'demo-small',
    now: '2025-11-03T08:00:00Z',
    roles: ['deputy', 'secretary'],
  });
  await createUser(
    app.mirror,
    actorOf(app.users.admin),
    { login: 'deputy2', fullName: 'Экинчи Орунбасар', role: 'deputy', password: 'deputy2-password' },
    app.clock(),
  );
  const rendererDir = tempDir('moor-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Мөөр</title>');
  const host = await startHost({ service: app.service, hostname: '127.0.0.1', port: 0, rendererDir });
  return {
    app,
    host,
    async close() {
      await host.stop();
      await app.close();
    },
  };
}

/** A PC paired with the host and signed in as `login` (its password is `${login}-password`). */
export async function signedInClient(
  host: RunningHost,
  pcName: string,
  login: string,
): Promise<HostConnection & { paired: PairedHost }> {
  const paired = await pairWithHost(host.url, host.clients.pairingCode, pcName);
  if (!paired.ok) throw new Error(paired.error.message);
  const client = new HostConnection(paired.value);
  const signed = await client.call('auth.signIn', { login, password: `${login}-password` });
  if (!signed.ok) throw new Error(signed.error.message);
  return Object.assign(client, { paired: paired.value });
}

/** A raw request to the host, for what no well-behaved client sends. */
export function rawRequest(
  url: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<{ status: number; body: { ok: boolean; error?: { code: string } } }> {
  return new Promise((resolve, reject) => {
    const request = https.request(url, {
      method: 'POST',
      rejectUnauthorized: false,
      headers: { 'content-type': 'application/json', ...headers },
    });
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as never });
      });
    });
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

/**
 * A TCP relay between a client and the host that can lose the host's answer: the request reaches
 * the host whole, and the client's side of the connection is cut as soon as the host sends
 * anything after it. TLS 1.3 sends everything after the handshake as application-data records
 * (type 23): the client's second one is its request.
 */
export async function lossyRelay(hostPort: number) {
  let loseAnswers = false;
  const server = net.createServer((inbound) => {
    const outbound = net.connect(hostPort, '127.0.0.1');
    const records = tlsRecordCounter();
    inbound.on('data', (chunk: Buffer) => {
      records.feed(chunk);
      outbound.write(chunk);
    });
    outbound.on('data', (chunk: Buffer) => {
      if (loseAnswers && records.applicationData >= 2) inbound.destroy();
      else inbound.write(chunk);
    });
    // The host's side stays open: it reads the whole request and answers into the void.
    outbound.on('end', () => inbound.end());
    inbound.on('error', () => undefined);
    outbound.on('error', () => inbound.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    /** The paired host as seen through the relay. */
    through: (paired: PairedHost): PairedHost => ({ ...paired, address: `https://127.0.0.1:${port}` }),
    set loseAnswers(value: boolean) {
      loseAnswers = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.unref();
      }),
  };
}

/** Counts the TLS application-data records in a byte stream cut into arbitrary chunks. */
function tlsRecordCounter() {
  let pending = Buffer.alloc(0);
  const counter = {
    applicationData: 0,
    feed(chunk: Buffer) {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 5) {
        const length = pending.readUInt16BE(3);
        if (pending.length < 5 + length) return;
        if (pending[0] === 23) counter.applicationData += 1;
        pending = pending.subarray(5 + length);
      }
    },
  };
  return counter;
}
