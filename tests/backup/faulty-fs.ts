import { nodeTargetFs, type TargetFs, type TargetReader } from '../../src/core/backup/target-fs';

function fsError(code: string): Error {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

export type Fault =
  | { kind: 'full'; freeBytes: number }
  | { kind: 'removed'; afterBytes: number }
  | { kind: 'removed-on-read'; afterBytes: number }
  | { kind: 'readonly' }
  | { kind: 'flip-on-read'; file: string; position: number };

/**
 * The real disk behind a layer that fails like a real drive: runs out of space after `freeBytes`
 * (the write that crosses the line is half done, as a real one would be), disappears after
 * `afterBytes` written or read (every later call fails with EIO), refuses every write (EROFS), or
 * returns a flipped bit when a given file is read back.
 */
export function faultyFs(fault: Fault): TargetFs & { written(): number } {
  let written = 0;
  let read = 0;
  const gone = () =>
    (fault.kind === 'removed' && written >= fault.afterBytes) ||
    (fault.kind === 'removed-on-read' && read >= fault.afterBytes);
  const guard = (write: boolean) => {
    if (gone()) throw fsError('EIO');
    if (write && fault.kind === 'readonly') throw fsError('EROFS');
  };
  const counting = (reader: TargetReader): TargetReader => ({
    size: () => reader.size(),
    close: () => reader.close(),
    async read(buffer, length, position) {
      guard(false);
      const got = await reader.read(buffer, length, position);
      read += got;
      return got;
    },
  });
  const flipping = (path: string, reader: TargetReader): TargetReader => {
    if (fault.kind !== 'flip-on-read' || !path.endsWith(fault.file)) return reader;
    return {
      size: () => reader.size(),
      close: () => reader.close(),
      async read(buffer, length, position) {
        const got = await reader.read(buffer, length, position);
        const at = fault.position - position;
        if (at >= 0 && at < got) buffer[at] = (buffer[at] ?? 0) ^ 0x10;
        return got;
      },
    };
  };
  return {
    written: () => written,
    async mkdir(path) {
      guard(true);
      await nodeTargetFs.mkdir(path);
    },
    async create(path) {
      guard(true);
      const writer = await nodeTargetFs.create(path);
      return {
        async write(data) {
          guard(true);
          if (fault.kind === 'full' && written + data.length > fault.freeBytes) {
            const fits = Math.max(0, fault.freeBytes - written);
            await writer.write(data.subarray(0, fits));
            written += fits;
            throw fsError('ENOSPC');
          }
          if (fault.kind === 'removed' && written + data.length > fault.afterBytes) {
            written = fault.afterBytes;
            throw fsError('EIO');
          }
          await writer.write(data);
          written += data.length;
        },
        async sync() {
          guard(false);
          await writer.sync();
        },
        close: () => writer.close(),
      };
    },
    async open(path) {
      guard(false);
      return flipping(path, counting(await nodeTargetFs.open(path)));
    },
    async rename(from, to) {
      guard(true);
      await nodeTargetFs.rename(from, to);
    },
    async remove(path) {
      guard(true);
      await nodeTargetFs.remove(path);
    },
    async readdir(path) {
      guard(false);
      return nodeTargetFs.readdir(path);
    },
    async syncDir(path) {
      guard(false);
      await nodeTargetFs.syncDir(path);
    },
  };
}
