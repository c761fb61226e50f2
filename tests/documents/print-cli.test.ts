import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { captureIo } from '../cli/capture-io';
import { tempDir } from '../support/temp-dir';
import { pdfPagesText } from './helpers';

describe('moor print', () => {
  let db: string;
  beforeAll(async () => {
    db = path.join(tempDir(), 'school.sqlite');
    expect(await runCli(['demo-school', '--size', 'small', '--db', db], captureIo())).toBe(0);
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
    expect(files).toEqual([`${id}.pdf`, `${id}.xlsx`, 'Q1-ru-school-1.pdf']);
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

  it('prints the summary sheets of a past year named with --year after the next year was added', async () => {
    const mirror = new Database(db);
    mirror.exec(`
      INSERT INTO academic_year (label, starts_on, ends_on) VALUES ('2026-2027', '2026-09-01', '2027-05-31');
      INSERT INTO class (academic_year_id, grade, letter, language)
        SELECT id, 9, 'А', 'ky' FROM academic_year WHERE label = '2026-2027';
    `);
    mirror.close();
    const out = path.join(tempDir(), 'sheets');
    const latest = captureIo();
    expect(await runCli(['print', '--db', db, '--summary', '--out', out], latest)).toBe(0);
    expect(latest.stdout).toEqual([expect.stringMatching(/^YS-2026-9А-ky-[0-9a-f]{8} {2}\d+ p\./)]);

    const refused = captureIo();
    const args = ['print', '--db', db, '--summary', '--year', '2025–2026', '--class', '8а', '--out', out];
    expect(await runCli(args, refused)).not.toBe(0);
    expect(refused.stderr.join('\n')).toMatch(/finals are missing, so no summary sheet was printed: 8А — /);
    const past = captureIo();
    expect(await runCli([...args, '--draft'], past)).toBe(0);
    expect(past.stderr).toEqual([]);
    expect(past.stdout[0]).toMatch(/ {2}DRAFT: \d+ finals missing$/);
    const id = /^(YS-2025-8А-ky-[0-9a-f]{8}) /.exec(past.stdout[0] ?? '')?.[1];
    expect(past.stdout).toHaveLength(1);
    expect(pdfPagesText(path.join(out, `${id ?? ''}.pdf`)).join(' ')).toContain('Жыйынтык ведомость');

    for (const [year, message] of [
      ['2025', 'The school year must be written like 2025-2026 (got "2025")'],
      ['2030-2031', 'The mirror has no school year 2030-2031'],
    ] as const) {
      const io = captureIo();
      expect(await runCli(['print', '--db', db, '--summary', '--year', year, '--out', out], io)).not.toBe(0);
      expect(io.stderr.join('\n')).toContain(message);
    }
  });
});
