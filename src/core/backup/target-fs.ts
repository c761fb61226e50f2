import fs from 'node:fs/promises';

/**
 * The few file operations a backup does on the external drive. Everything that touches the drive
 * goes through this interface, so tests can put a fault-injecting layer in front of the real disk
 * (a full drive, a drive pulled out mid-write, a read-only drive) without mounting anything.
 */
export interface TargetFs {
  mkdir(path: string): Promise<void>;
  /** Creates a new file for writing; fails if it exists. */
  create(path: string): Promise<TargetWriter>;
  open(path: string): Promise<TargetReader>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  /** Makes a rename or a new file in the directory durable (a no-op where the OS cannot do it). */
  syncDir(path: string): Promise<void>;
}

export interface TargetWriter {
  write(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface TargetReader {
  size(): Promise<number>;
  /** Reads up to `length` bytes at `position` into `buffer` from offset 0; returns the count read. */
  read(buffer: Buffer, length: number, position: number): Promise<number>;
  close(): Promise<void>;
}

export const nodeTargetFs: TargetFs = {
  async mkdir(path) {
    await fs.mkdir(path);
  },
  async create(path) {
    const handle = await fs.open(path, 'wx');
    return {
      async write(data) {
        let offset = 0;
        while (offset < data.length) {
          const { bytesWritten } = await handle.write(data, offset, data.length - offset);
          offset += bytesWritten;
        }
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
  async open(path) {
    const handle = await fs.open(path, 'r');
    return {
      size: async () => (await handle.stat()).size,
      async read(buffer, length, position) {
        const { bytesRead } = await handle.read(buffer, 0, length, position);
        return bytesRead;
      },
      close: () => handle.close(),
    };
  },
  rename: (from, to) => fs.rename(from, to),
  remove: (path) => fs.rm(path, { recursive: true, force: true }),
  readdir: (path) => fs.readdir(path),
  async syncDir(path) {
    // Windows cannot open a directory to flush it; NTFS journals the rename itself.
    if (process.platform === 'win32') return;
    const handle = await fs.open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};
