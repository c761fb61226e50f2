import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  bufferSource,
  decryptStream,
  encryptStream,
  FILE_HEADER_BYTES,
} from '../../src/core/backup/encrypted-file';
import type { TargetReader, TargetWriter } from '../../src/core/backup/target-fs';
import { isMoorError } from '../../src/core/errors';

const CHUNK = 1000;
const SEALED = CHUNK + 16;
const context = { dataKey: randomBytes(32), backupId: '5b0d7a39-2d55-4c5e-9a43-3f3c7d7d2f10' };

function memoryWriter(): TargetWriter & { bytes(): Buffer } {
  const parts: Buffer[] = [];
  return {
    bytes: () => Buffer.concat(parts),
    write: (data) => Promise.resolve(void parts.push(Buffer.from(data))),
    sync: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}

function memoryReader(bytes: Buffer): TargetReader {
  return {
    size: () => Promise.resolve(bytes.length),
    read: (buffer, length, position) => Promise.resolve(bytes.copy(buffer, 0, position, position + length)),
    close: () => Promise.resolve(),
  };
}

async function sealed(plain: Buffer, index = 1): Promise<Buffer> {
  const writer = memoryWriter();
  await encryptStream(bufferSource(plain), plain.length, writer, context, index, {}, CHUNK);
  return writer.bytes();
}

async function open(bytes: Buffer, index = 1): Promise<Buffer> {
  const parts: Buffer[] = [];
  await decryptStream(memoryReader(bytes), context, index, 'test file', (p) =>
    Promise.resolve(void parts.push(p)),
  );
  return Buffer.concat(parts);
}

async function refusal(bytes: Buffer, index = 1): Promise<string> {
  try {
    await open(bytes, index);
  } catch (error) {
    if (isMoorError(error)) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('chunked authenticated encryption', () => {
  const plain = randomBytes(3 * CHUNK + 500);

  it('round-trips empty, exact-chunk and ragged sizes', async () => {
    for (const size of [0, 1, CHUNK, 2 * CHUNK, 3 * CHUNK + 500]) {
      const data = plain.subarray(0, size);
      expect((await open(await sealed(data))).equals(data)).toBe(true);
    }
  });

  it('detects a file cut at a chunk boundary, where every remaining chunk is intact', async () => {
    const bytes = await sealed(plain);
    expect(await refusal(bytes.subarray(0, FILE_HEADER_BYTES + 2 * SEALED))).toBe('BACKUP_DAMAGED');
    const exact = await sealed(plain.subarray(0, 2 * CHUNK));
    expect(await refusal(exact.subarray(0, FILE_HEADER_BYTES + SEALED))).toBe('BACKUP_DAMAGED');
  });

  it('detects reordered chunks and a file moved to another place in the backup', async () => {
    const bytes = await sealed(plain);
    const first = bytes.subarray(FILE_HEADER_BYTES, FILE_HEADER_BYTES + SEALED);
    const second = bytes.subarray(FILE_HEADER_BYTES + SEALED, FILE_HEADER_BYTES + 2 * SEALED);
    const swapped = Buffer.concat([
      bytes.subarray(0, FILE_HEADER_BYTES),
      second,
      first,
      bytes.subarray(FILE_HEADER_BYTES + 2 * SEALED),
    ]);
    expect(await refusal(swapped)).toBe('BACKUP_DAMAGED');
    expect(await refusal(bytes, 2)).toBe('BACKUP_DAMAGED');
  });

  it('detects a chunk appended after the last one', async () => {
    const bytes = await sealed(plain.subarray(0, CHUNK));
    expect(await refusal(Buffer.concat([bytes, bytes.subarray(FILE_HEADER_BYTES)]))).toBe('BACKUP_DAMAGED');
  });

  it('every single flipped bit of a small file is detected', async () => {
    const bytes = await sealed(plain.subarray(0, 40));
    for (let i = 0; i < bytes.length; i++) {
      const damaged = Buffer.from(bytes);
      damaged[i] = (damaged[i] ?? 0) ^ 0x80;
      expect(await refusal(damaged)).toBe('BACKUP_DAMAGED');
    }
  });
});
