import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { captureIo } from '../cli/capture-io';
import { tempDir } from '../temp-dir';
import { pdfPagesText } from './helpers';

describe('moor print', () => {
  let db: string;
  beforeAll(async () => {
    db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'moor-')), 'school.sqlite');
    expect(await runCli(['demo-school', '--size', 'small', '--db', db], captureIo())).toBe(0);
  });
  afterAll(() => {
    fs.rmSync(path.dirname(db), { recursive: true, force: true });
  });

  it('prints one class in Russian: its PDF and XLSX, the merged PDF, progress and a second run byte for byte', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'copies');
    const args = ['print', '--db', db, '--period', '1', '--class', '8а', '--lang', 'ru', '--workers', '0'];
    const io = captureIo();
    expect(await runCli([...args, '--out', out], io)).toBe(0);
    expect(io.stderr).toEqual([]);
    expect(io.stdout[0]).toMatch(/^ {2}\[1\/1\] 8А: \d+ pages$/);
    expect(io.stdout.at(-1)).toMatch(/^1 class, \d+ pages in [\d.]+ s$/);
    const files = fs.readdirSync(out).sort();
    const id = files.find((f) => f.endsWith('.xlsx'))?.replace(/\.xlsx$/, '');
    expect(id).toMatch(/^Q1-2025-8А-ru-[0-9a-f]{8}$/);
    expect(files).toEqual([`${id}.pdf`, `${id}.xlsx`, 'Q1-ru-school.pdf']);
    expect(pdfPagesText(path.join(out, `${id}.pdf`))[0]).toContain('Бумажная копия электронного журнала');
    const first = fs.readFileSync(path.join(out, `${id}.xlsx`));

    const again = captureIo();
    const outAgain = path.join(dir, 'again');
    expect(await runCli([...args, '--out', outAgain], again)).toBe(0);
    expect(again.stdout.join('\n')).toContain('(unchanged, same bytes)');
    expect(fs.readFileSync(path.join(outAgain, `${id}.xlsx`)).equals(first)).toBe(true);
  });

  it('names a class that does not exist', async () => {
    const dir = tempDir();
    const io = captureIo();
    const code = await runCli(
      ['print', '--db', db, '--period', '1', '--class', '9Ж', '--out', path.join(dir, 'x')],
      io,
    );
    expect(code).not.toBe(0);
    expect(io.stderr.join('\n')).toContain('No class "9Ж"');
    expect(fs.existsSync(path.join(dir, 'x'))).toBe(false);
  });
});
