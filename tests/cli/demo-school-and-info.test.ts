import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { tempDir } from '../support/temp-dir';
import { captureIo } from './capture-io';

describe('moor demo-school and info', () => {
  it('creates the small school and reports the same counts through info', async () => {
    const db = path.join(tempDir(), 'small.sqlite');
    const created = captureIo();
    expect(await runCli(['demo-school', '--size', 'small', '--db', db, '--seed', '3'], created)).toBe(0);
    expect(created.stdout.join('\n')).toMatch(/class\s+2/);
    const info = captureIo();
    expect(await runCli(['info', '--db', db], info)).toBe(0);
    // Each command aligns its own list of tables, so only the words are compared, not the padding.
    const lessons = (lines: string[]) =>
      lines
        .find((l) => /^\s+lesson\s/.test(l))
        ?.trim()
        .split(/\s+/);
    expect(lessons(info.stdout)).toEqual(lessons(created.stdout));
  });

  it('refuses to overwrite an existing file', async () => {
    const db = path.join(tempDir(), 'taken.sqlite');
    fs.writeFileSync(db, 'precious');
    const io = captureIo();
    expect(await runCli(['demo-school', '--size', 'small', '--db', db], io)).toBe(2);
    expect(io.stderr[0]).toContain('already exists');
    expect(fs.readFileSync(db, 'utf8')).toBe('precious');
  });

  it('explains a bad size, a missing file and a foreign file', async () => {
    const dir = tempDir();
    const badSize = captureIo();
    expect(await runCli(['demo-school', '--size', 'huge', '--db', path.join(dir, 'x.sqlite')], badSize)).toBe(
      2,
    );
    expect(badSize.stderr[0]).toContain('small, medium, large');
    expect(fs.existsSync(path.join(dir, 'x.sqlite'))).toBe(false);

    const missing = captureIo();
    expect(await runCli(['info', '--db', path.join(dir, 'nope.sqlite')], missing)).toBe(1);
    expect(missing.stderr[0]).toContain('No mirror database');

    const foreign = path.join(dir, 'photo.jpg');
    fs.writeFileSync(foreign, Buffer.alloc(4096, 7));
    const notDb = captureIo();
    expect(await runCli(['info', '--db', foreign], notDb)).toBe(1);
    expect(notDb.stderr[0]).toContain('not an SQLite file');
  });

  it('lists the commands and explains an unknown one', async () => {
    const help = captureIo();
    expect(await runCli(['help'], help)).toBe(0);
    expect(help.stdout.join('\n')).toContain('demo-school');
    const unknown = captureIo();
    expect(await runCli(['frobnicate'], unknown)).toBe(2);
    expect(unknown.stderr[0]).toContain('Unknown command');
  });
});
