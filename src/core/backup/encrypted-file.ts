import { createHash, randomBytes, webcrypto } from 'node:crypto';
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
  /** The key every file's key is derived from (see backup-key.ts). */
  readonly dataKey: Buffer;
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

/** How many chunks are encrypted or decrypted at once, on the thread pool, while this thread hashes and writes. */
const CHUNKS_IN_FLIGHT = 4;

function chunkKey(key: Buffer, usage: 'encrypt' | 'decrypt'): Promise<webcrypto.CryptoKey> {
  return webcrypto.subtle.importKey('raw', key, { name: 'AES-GCM' }, false, [usage]);
}

/** A ring of chunk buffers; a buffer comes round again only after its chunk's crypto has finished. */
function chunkBuffers(chunks: number, size: number): Buffer[] {
  return Array.from({ length: Math.min(chunks, CHUNKS_IN_FLIGHT + 1) }, () => Buffer.alloc(size));
}

/**
 * Encrypts `plainBytes` bytes from `source` into `writer` as file number `index` of the backup.
 * The chunks are sealed on the thread pool (WebCrypto's AES-GCM, the same cipher and layout as
 * Node's) while this thread reads, hashes and writes, so both cores work.
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
  const header = fileHeader(index, chunkBytes, salt);
  const key = await chunkKey(fileKey(context.dataKey, context.backupId, index, salt), 'encrypt');
  const plainHash = createHash('sha256');
  const encHash = createHash('sha256').update(header);
  const chunks = Math.max(1, Math.ceil(plainBytes / chunkBytes));
  const buffers = chunkBuffers(chunks, Math.min(chunkBytes, Math.max(plainBytes, 1)));
  const sealing: Promise<ArrayBuffer>[] = [];
  let writing = inFlight(writer.write(header));
  let encBytes = header.length;
  const writeOldest = async () => {
    const sealed = Buffer.from(await (sealing.shift() as Promise<ArrayBuffer>));
    encHash.update(sealed);
    await writing;
    writing = inFlight(writer.write(sealed));
    encBytes += sealed.length;
  };
  for (let chunk = 0; chunk < chunks; chunk++) {
    throwIfCancelled(hooks.signal);
    if (sealing.length === CHUNKS_IN_FLIGHT) await writeOldest();
    const position = chunk * chunkBytes;
    const length = Math.min(chunkBytes, plainBytes - position);
    const view = (buffers[chunk % buffers.length] as Buffer).subarray(0, length);
    await readFully(source, view, length, position, sourceChanged);
    plainHash.update(view);
    const algorithm = { name: 'AES-GCM', iv: nonce(chunk, chunk === chunks - 1), additionalData: header };
    sealing.push(inFlight(webcrypto.subtle.encrypt(algorithm, key, view)));
    hooks.onBytes?.(length);
  }
  while (sealing.length > 0) await writeOldest();
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
 * Decrypts and authenticates file number `index`, handing each verified plain chunk to `sink` in
 * order. `name` is how errors name the file. Chunks are opened on the thread pool while this
 * thread reads and hashes.
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
  const key = await chunkKey(
    fileKey(context.dataKey, context.backupId, index, header.subarray(16, 32)),
    'decrypt',
  );
  const sealedChunk = chunkBytes + TAG_BYTES;
  const body = encBytes - FILE_HEADER_BYTES;
  const chunks = Math.ceil(body / sealedChunk);
  const lastLength = body - (chunks - 1) * sealedChunk;
  if (lastLength < TAG_BYTES) throw damaged(name, 'was cut off', { bytes: encBytes });
  const plainHash = createHash('sha256');
  const encHash = createHash('sha256').update(header);
  const buffers = chunkBuffers(chunks, Math.min(sealedChunk, body));
  const opening: Promise<ArrayBuffer>[] = [];
  let sinking: Promise<void> | undefined;
  let plainBytes = 0;
  const takeOldest = async () => {
    const plain = Buffer.from(await (opening.shift() as Promise<ArrayBuffer>));
    plainHash.update(plain);
    plainBytes += plain.length;
    if (sink) {
      await sinking;
      sinking = inFlight(sink(plain));
    }
    hooks.onBytes?.(plain.length);
  };
  for (let chunk = 0; chunk < chunks; chunk++) {
    throwIfCancelled(hooks.signal);
    if (opening.length === CHUNKS_IN_FLIGHT) await takeOldest();
    const start = FILE_HEADER_BYTES + chunk * sealedChunk;
    const length = chunk === chunks - 1 ? lastLength : sealedChunk;
    const view = (buffers[chunk % buffers.length] as Buffer).subarray(0, length);
    await readExactly(reader, name, view, length, start);
    encHash.update(view);
    const algorithm = { name: 'AES-GCM', iv: nonce(chunk, chunk === chunks - 1), additionalData: header };
    opening.push(
      inFlight(
        webcrypto.subtle.decrypt(algorithm, key, view).catch(() => {
          throw damaged(name, `does not match what was written (from byte ${start}: changed or cut off)`, {
            chunk,
          });
        }),
      ),
    );
  }
  while (opening.length > 0) await takeOldest();
  await sinking;
  return { plainBytes, plainSha256: plainHash.digest('hex'), encBytes, encSha256: encHash.digest('hex') };
}

/**
 * Reads file `name` as it is stored and returns its size and SHA-256, reading the next chunk while
 * this one is hashed. For a file just written, whose stored bytes must be exactly those hashed
 * while writing.
 */
export async function hashStored(
  reader: TargetReader,
  name: string,
  hooks: StreamHooks = {},
  chunkBytes = DEFAULT_CHUNK_BYTES,
): Promise<{ encBytes: number; encSha256: string }> {
  const encBytes = await reader.size();
  const hash = createHash('sha256');
  const chunks = Math.ceil(encBytes / chunkBytes);
  const [even, odd] = [Buffer.alloc(chunkBytes), Buffer.alloc(chunkBytes)];
  const read = (chunk: number) => {
    const length = Math.min(chunkBytes, encBytes - chunk * chunkBytes);
    const view = (chunk % 2 === 0 ? even : odd).subarray(0, length);
    return inFlight(readExactly(reader, name, view, length, chunk * chunkBytes).then(() => view));
  };
  let reading = chunks > 0 ? read(0) : undefined;
  for (let chunk = 0; chunk < chunks; chunk++) {
    throwIfCancelled(hooks.signal);
    const view = await (reading as Promise<Buffer>);
    // The other buffer's chunk is already hashed: the next read can fill it now.
    if (chunk + 1 < chunks) reading = read(chunk + 1);
    hash.update(view);
    hooks.onBytes?.(view.length);
  }
  return { encBytes, encSha256: hash.digest('hex') };
}
