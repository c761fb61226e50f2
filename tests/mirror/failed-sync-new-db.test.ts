import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { captureIo } from '../cli/capture-io';
import { tempDir } from '../support/temp-dir';

describe('a failed sync into a new mirror', () => {
  it('leaves no empty mirror file behind, and keeps a mirror that was there before', async () => {
    const dir = tempDir();
    const bundle = path.join(dir, 'broken.json');
    fs.writeFileSync(bundle, '{"format": "moor-bundle", "version": 1');
    const fresh = path.join(dir, 'new.sqlite');
    const io = captureIo();
    expect(await runCli(['sync', '--db', fresh, '--bundle', bundle], io)).not.toBe(0);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('new.sqlite'))).toEqual([]);

    const existing = path.join(dir, 'existing.sqlite');
    expect(await runCli(['demo-school', '--size', 'small', '--db', existing], captureIo())).toBe(0);
    expect(await runCli(['sync', '--db', existing, '--bundle', bundle], captureIo())).not.toBe(0);
    expect(fs.existsSync(existing)).toBe(true);
  });
});
