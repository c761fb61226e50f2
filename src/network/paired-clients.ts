import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AttemptTallies } from '../core/auth/sign-in-waits';
import { MoorError } from '../core/errors';
import { sameSecret } from '../dev-server/same-secret';
import { newPairingCode, normalPairingCode, pairingProof } from './pairing-code';

const FILE = 'moor-host-clients.json';

/** A PC's name as people call it ("Катчынын ПК"): letters, digits, spaces, dots, dashes. */
export const clientNameSchema = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,39}$/u);

const storedClient = z.object({
  id: z.string(),
  name: clientNameSchema,
  keyHash: z.string(),
  pairedAt: z.string(),
});
export type PairedClient = z.infer<typeof storedClient>;

export interface PairingRequest {
  readonly name: string;
  /** The code as typed (a browser, which cannot see the certificate from a page). */
  readonly code?: string;
  /** The code bound to the certificate the client saw (the desktop app). */
  readonly proof?: string;
  readonly address: string;
  readonly at: Date;
}

/**
 * The PCs paired to this host, kept beside the mirror (their keys only as hashes), and the code
 * that pairs a new one. A wrong code makes its address wait longer each time, as a wrong password does.
 */
export class PairedClients {
  private readonly file: string;
  private readonly tallies = new AttemptTallies();
  private code = newPairingCode();

  constructor(
    mirrorPath: string,
    private readonly fingerprint: string,
  ) {
    this.file = path.join(path.dirname(mirrorPath), FILE);
  }

  /** The code the host shows now. */
  get pairingCode(): string {
    return this.code;
  }

  /** A new code: the one shown before pairs nobody any more. */
  renewCode(): string {
    this.code = newPairingCode();
    return this.code;
  }

  list(): PairedClient[] {
    if (!fs.existsSync(this.file)) return [];
    return z.array(storedClient).parse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
  }

  /** Pairs a PC and returns its key, which it keeps and brings with every request. */
  pair(request: PairingRequest): { client: PairedClient; key: string } {
    const now = request.at.getTime();
    const key = `pair:${request.address}`;
    const notBefore = this.tallies.notBefore(key);
    if (notBefore > now) {
      throw new MoorError('PAIRING_WAIT', 'Too many wrong pairing codes: try again a little later.', {
        retryAt: new Date(notBefore).toISOString(),
      });
    }
    const name = clientNameSchema.safeParse(request.name);
    if (!name.success) throw new MoorError('BAD_INPUT', 'The PC name is not valid.', { field: 'name' });
    this.tallies.reserve(key, now);
    if (!this.matches(request)) {
      throw new MoorError('PAIRING_CODE_WRONG', 'The pairing code is wrong; nothing was paired.');
    }
    this.tallies.clear(key);
    const secret = randomBytes(32).toString('base64url');
    const client: PairedClient = {
      id: randomUUID(),
      name: name.data,
      keyHash: hashKey(secret),
      pairedAt: request.at.toISOString(),
    };
    this.write([...this.list(), client]);
    return { client, key: secret };
  }

  /** The paired PC a key belongs to, or null. */
  byKey(secret: string | undefined): PairedClient | null {
    if (!secret) return null;
    const hash = hashKey(secret);
    return this.list().find((client) => sameSecret(client.keyHash, hash)) ?? null;
  }

  /** Forgets a PC: its key opens nothing any more. */
  unpair(id: string): void {
    this.write(this.list().filter((client) => client.id !== id));
  }

  private matches(request: PairingRequest): boolean {
    if (request.proof !== undefined) {
      return sameSecret(request.proof, pairingProof(this.code, this.fingerprint));
    }
    return request.code !== undefined && sameSecret(normalPairingCode(request.code), this.code);
  }

  private write(clients: PairedClient[]): void {
    const temporary = `${this.file}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(clients, null, 2), { mode: 0o600 });
    fs.renameSync(temporary, this.file);
  }
}

function hashKey(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
