import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface HostCertificate {
  readonly key: string;
  readonly cert: string;
  /** SHA-256 of the certificate, as clients pin it ("AB:CD:…"). */
  readonly fingerprint: string;
}

const KEY_FILE = 'moor-host.key';
const CERT_FILE = 'moor-host.crt';
const YEARS_VALID = 20;

/**
 * The host's certificate, kept beside the mirror: created on the first sharing and reused after,
 * so that the clients paired to it keep trusting the same one. Nothing signs it but itself; the
 * clients pin it at pairing instead of trusting an authority.
 */
export async function hostCertificate(mirrorPath: string): Promise<HostCertificate> {
  const dir = path.dirname(mirrorPath);
  const keyPath = path.join(dir, KEY_FILE);
  const certPath = path.join(dir, CERT_FILE);
  if (!fs.existsSync(keyPath) || !fs.existsSync(certPath)) {
    const made = await generate([{ name: 'commonName', value: `Мөөр ${os.hostname()}` }], {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notAfterDate: new Date(Date.now() + YEARS_VALID * 365 * 86_400_000),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true },
        { name: 'extKeyUsage', serverAuth: true },
      ],
    });
    // The key first and owner-only: a certificate without its key is never left behind.
    fs.writeFileSync(keyPath, made.private, { mode: 0o600 });
    fs.writeFileSync(certPath, made.cert);
  }
  const cert = fs.readFileSync(certPath, 'utf8');
  return { key: fs.readFileSync(keyPath, 'utf8'), cert, fingerprint: fingerprintOf(cert) };
}

export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}
