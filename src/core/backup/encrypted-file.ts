import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { MoorError } from '../errors';
import { fileKey } from './backup-key';
import type { TargetReader, TargetWriter } from './target-fs';

/**
 * One encrypted file of a backup: a 32-byte header, then chunks of AES-256-GCM ciphertext, each
 * followed by its 16-byte tag. Every chunk's nonce holds its index and whether it is the last one,
 * and the header is the associated data of every chunk, so a flipped bit, a reordered or dropped
 * chunk, a file cut short at any byte, or a file moved to another slot of the backup fails to decrypt.
 */

const MAGIC = Buffer.from('MOORBK01', 'ascii');
export const FILE_HEADER_BYTES = 32;
const TAG_BYTES = 16;
export const DEFAULT_CHUNK_BYTES = 1024 * 1024;

export interface CipherContext {
  readonly masterKey: Buffer;
  readonly backupId: string;
}

/** Sizes and SHA-256 of a file before encryption (plain) and as written to the drive (encrypted). */
export interface FileDigest {
  plainBytes: number;
  plainSha256: string;
  encBytes: number;
  encSha256: string;
}

export interface StreamHooks {
  /** Called with the number of plain bytes just processed. */
  onBytes?: (bytes: number) => void;
  signal?: AbortSignal;
}

/** Reads up to `length` bytes at `position` into the start of `buffer`. */
export type PlainSource = (buffer: Buffer, length: number, position: number) => Promise<number>;

function nonce(chunkIndex: number, final: boolean): Buffer {
  const value = Buffer.alloc(12);
  value.writeBigUInt64BE(BigInt(chunkIndex), 0);
  value[11] = final ? 1 : 0;
  return value;
}

function fileHeader(index: number, chunkBytes: number, salt: Buffer): Buffer {
  const header = Buffer.alloc(FILE_HEADER_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt32BE(index, 8);
  header.writeUInt32BE(chunkBytes, 12);
  salt.copy(header, 16);
  return header;
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new MoorError('BACKUP_CANCELLED', 'The operation was cancelled; nothing was changed.');
  }
}

/**
 * Fills `buffer` with `length` bytes from `position`, however few each read returns; a read that
 * returns nothing means the file ended early, and `ended` says what that means for this file.
 */
async function readFully(
  read: PlainSource,
  buffer: Buffer,
  length: number,
  position: number,
  ended: () => MoorError,
): Promise<void> {
  let done = 0;
  while (done < length) {
    const got = await read(buffer.subarray(done), length - done, position + done);
    if (got === 0) throw ended();
    done += got;
  }
}

function sourceChanged(): MoorError {
  return new MoorError('BACKUP_SOURCE_CHANGED', 'A file changed size while it was being backed up.');
}

/**
 * Starts an asynchronous step whose failure must not go unobserved while the CPU works on the
 * previous chunk: it is rethrown where the step is awaited.
 */
export function inFlight<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  return work;
}

/**
 * Encrypts `plainBytes` bytes from `source` into `writer` as file number `index` of the backup.
 * Reading the next chunk and writing the previous one overlap the encryption of the current one.
 */
export async function encryptStream(
  source: PlainSource,
  plainBytes: number,
  writer: TargetWriter,
  context: CipherContext,
  index: number,
  hooks: StreamHooks = {},
  chunkBytes = DEFAULT_CHUNK_BYTES,
): Promise<FileDigest> {
  const salt = randomBytes(16);
  const key = fileKey(context.masterKey, context.backupId, index, salt);
  const header = fileHeader(index, chunkBytes, salt);
  const plainHash = createHash('sha256');
  const encHash = createHash('sha256').update(header);
  const chunks = Math.max(1, Math.ceil(plainBytes / chunkBytes));
  const size = Math.min(chunkBytes, Math.max(plainBytes, 1));
  const [even, odd] = [Buffer.alloc(size), Buffer.alloc(size)];
  const read = (chunk: number) => {
    const position = chunk * chunkBytes;
    const length = Math.min(chunkBytes, plainBytes - position);
    const view = (chunk % 2 === 0 ? even : odd).subarray(0, length);
    return inFlight(readFully(source, view, length, position, sourceChanged).then(() => view));
  };
  let writing = inFlight(writer.write(header));
  let reading = read(0);
  let encBytes = header.length;
  for (let chunk = 0; chunk < chunks; chunk++) {
    throwIfCancelled(hooks.signal);
    const view = await reading;
    // The other buffer held the previous chunk, already encrypted: the next chunk can go there now.
    if (chunk + 1 < chunks) reading = read(chunk + 1);
    plainHash.update(view);
    const cipher = createCipheriv('aes-256-gcm', key, nonce(chunk, chunk === chunks - 1));
    cipher.setAAD(header);
    const sealed = Buffer.concat([cipher.update(view), cipher.final(), cipher.getAuthTag()]);
    encHash.update(sealed);
    await writing;
    writing = inFlight(writer.write(sealed));
    encBytes += sealed.length;
    hooks.onBytes?.(view.length);
  }
  await writing;
  return {
    plainBytes,
    plainSha256: plainHash.digest('hex'),
    encBytes,
    encSha256: encHash.digest('hex'),
  };
}

export function bufferSource(data: Buffer): PlainSource {
  return (buffer, length, position) => Promise.resolve(data.copy(buffer, 0, position, position + length));
}

function damaged(name: string, why: string, details: Record<string, unknown> = {}): MoorError {
  return new MoorError(
    'BACKUP_DAMAGED',
    `The backup is damaged: ${name} ${why}. This copy cannot be trusted; use another backup.`,
    { file: name, ...details },
  );
}

function readExactly(
  reader: TargetReader,
  name: string,
  buffer: Buffer,
  length: number,
  position: number,
): Promise<void> {
  return readFully(
    (b, l, p) => reader.read(b, l, p),
    buffer,
    length,
    position,
    () => damaged(name, 'ended while it was being read'),
  );
}

/**
 * Decrypts and authenticates file number `index`, handing each verified plain chunk to `sink`.
 * `name` is how errors name the file.
 */
export async function decryptStream(
  reader: TargetReader,
  context: CipherContext,
  index: number,
  name: string,
  sink: ((plain: Buffer) => Promise<void>) | undefined,
  hooks: StreamHooks = {},
): Promise<FileDigest> {
  const encBytes = await reader.size();
  if (encBytes < FILE_HEADER_BYTES + TAG_BYTES) throw damaged(name, 'is shorter than its header (cut off)');
  const header = Buffer.alloc(FILE_HEADER_BYTES);
  await readExactly(reader, name, header, FILE_HEADER_BYTES, 0);
  if (!header.subarray(0, MAGIC.length).equals(MAGIC)) throw damaged(name, 'is not a Мөөр backup file');
  if (header.readUInt32BE(8) !== index) throw damaged(name, 'belongs to another place in the backup');
  const chunkBytes = header.readUInt32BE(12);
  if (chunkBytes === 0 || chunkBytes > 64 * 1024 * 1024) throw damaged(name, 'has an impossible chunk size');
  const key = fileKey(context.masterKey, context.backupId, index, header.subarray(16, 32));
  const sealedChunk = chunkBytes + TAG_BYTES;
  const body = encBytes - FILE_HEADER_BYTES;
  const chunks = Math.ceil(body / sealedChunk);
  const lastLength = body - (chunks - 1) * sealedChunk;
  if (lastLength < TAG_BYTES) throw damaged(name, 'was cut off', { bytes: encBytes });
  const plainHash = createHash('sha256');
  const encHash = createHash('sha256').update(header);
  const size = Math.min(sealedChunk, body);
  const [even, odd] = [Buffer.alloc(size), Buffer.alloc(size)];
  const read = (chunk: number) => {
    const length = chunk === chunks - 1 ? lastLength : sealedChunk;
    const view = (chunk % 2 === 0 ? even : odd).subarray(0, length);
    return inFlight(
      readExactly(reader, name, view, length, FILE_HEADER_BYTES + chunk * sealedChunk).then(() => view),
    );
  };
  let reading = read(0);
  let sinking: Promise<void> | undefined;
  let plainBytes = 0;
  for (let chunk = 0; chunk < chunks; chunk++) {
    throwIfCancelled(hooks.signal);
    const view = await reading;
    if (chunk + 1 < chunks) reading = read(chunk + 1);
    const length = view.length;
    encHash.update(view);
    const decipher = createDecipheriv('aes-256-gcm', key, nonce(chunk, chunk === chunks - 1));
    decipher.setAAD(header);
    decipher.setAuthTag(view.subarray(length - TAG_BYTES));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(view.subarray(0, length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw damaged(
        name,
        `does not match what was written (from byte ${FILE_HEADER_BYTES + chunk * sealedChunk}: changed or cut off)`,
        { chunk },
      );
    }
    plainHash.update(plain);
    plainBytes += plain.length;
    if (sink) {
      await sinking;
      sinking = inFlight(sink(plain));
    }
    hooks.onBytes?.(plain.length);
  }
  await sinking;
  return { plainBytes, plainSha256: plainHash.digest('hex'), encBytes, encSha256: encHash.digest('hex') };
}
