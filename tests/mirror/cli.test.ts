import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { cellText } from '../../src/core/mirror/workbook/cell';
import { captureIo } from '../cli/capture-io';
import { tempDir } from '../support/temp-dir';
import { openSmallSchool } from '../support/schools';
import { kundolukDataFromMirror } from './fake-kundoluk/from-mirror';
import { startFakeKundoluk, type FakeKundoluk } from './fake-kundoluk/server';
import { writeJournalWorkbook } from './journal-workbook';

const TOKEN = 'eyJ-cli-token-never-printed';
let dir: string;
let source: string;
let fake: FakeKundoluk;

beforeAll(async () => {
  dir = tempDir();
  const demo = openSmallSchool(path.join(dir, 'source.db'));
  source = demo.path;
  fake = await startFakeKundoluk(TOKEN);
  Object.assign(fake, kundolukDataFromMirror(demo));
  const schoolClass = demo.sqlite.prepare('SELECT id FROM class WHERE grade = 8').get() as { id: number };
  await writeJournalWorkbook(demo, path.join(dir, '8А-1.xlsx'), schoolClass.id, 1);
  demo.close();
});
afterAll(async () => {
  await fake.close();
});

async function run(...args: string[]) {
  const io = captureIo();
  const code = await runCli(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('the mirror from the command line', () => {
  it('exports a bundle, syncs it into a new mirror, then again with nothing to change', async () => {
    const bundle = path.join(dir, 'school.json');
    const db = path.join(dir, 'copy.db');
    const exported = await run('export-bundle', '--db', source, '--out', bundle);
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/^Wrote [\d,]+ rows to .*school\.json$/);

    const first = await run('sync', '--db', db, '--bundle', bundle);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(
      /^Sync run 1 from bundle school\.json\n {2}added [1-9]\d*, changed 0, removed 0/,
    );
    const second = await run('sync', '--db', db, '--bundle', bundle);
    expect(second.out).toContain('added 0, changed 0, removed 0');

    // The class journal saved again after a teacher corrected a 4 to 5: "changes" lists it.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, '8А-1.xlsx'));
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    // A student's cell (row 4 on) under a day of the month (row 3 holds the day numbers).
    const four = sheet
      .getRows(4, sheet.rowCount - 3)
      ?.flatMap((row) => Array.from({ length: Math.max(0, row.cellCount - 2) }, (_, i) => row.getCell(i + 3)))
      .find((cell) => cell.value === 4 && /^\d+$/.test(cellText(sheet.getCell(3, cell.col).value)));
    if (!four) throw new Error('no mark 4 in the journal');
    four.value = 5;
    const corrected = path.join(dir, 'corrected', '8А-1.xlsx');
    fs.mkdirSync(path.dirname(corrected));
    await workbook.xlsx.writeFile(corrected);
    const week = await run('sync', '--db', db, '--workbook', corrected);
    expect(week.out).toMatch(/^Sync run 3 from workbook 8А-1\.xlsx\n {2}added 0, changed 1, removed 0/);
    const changes = await run('changes', '--db', db, '--kind', 'mark_changed');
    expect(changes.code).toBe(0);
    expect(changes.out).toMatch(
      /^1 change\(s\)\n.*mark_changed +mark \d+ 4 → 5 {2}\(class \d+, subject \d+, student \d+, lesson 2025-/,
    );

    // The same cell saved as #N/A: refused naming it, or with --skip-unreadable a warning that keeps the 5.
    four.value = { error: '#N/A' };
    const unreadable = path.join(dir, 'unreadable', '8А-1.xlsx');
    fs.mkdirSync(path.dirname(unreadable));
    await workbook.xlsx.writeFile(unreadable);
    const refused = await run('sync', '--db', db, '--workbook', unreadable);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`cell ${four.address}: holds #N/A`);
    const skipped = await run('sync', '--db', db, '--workbook', unreadable, '--skip-unreadable');
    expect(skipped.code).toBe(0);
    expect(skipped.out).toContain('added 0, changed 0, removed 0');
    expect(skipped.out).toContain(
      `warning: 8А-1.xlsx, sheet "${sheet.name}", cell ${four.address}: holds #N/A`,
    );
  });

  it('syncs from Kundoluk with the token read from a file, and never prints it', async () => {
    const db = path.join(dir, 'kundoluk.db');
    fs.copyFileSync(source, db);
    const tokenFile = path.join(dir, 'token.txt');
    fs.writeFileSync(tokenFile, `${TOKEN}\n`);
    const range = ['--from', '2025-09-01', '--to', '2025-09-30'];
    const ok = await run('sync', '--db', db, '--kundoluk', fake.url, '--token-file', tokenFile, ...range);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/from kundoluk 127\.0\.0\.1:\d+ 2025-09-01 – 2025-09-30/);

    fs.writeFileSync(tokenFile, 'expired-token');
    const refused = await run(
      'sync',
      '--db',
      db,
      '--kundoluk',
      fake.url,
      '--token-file',
      tokenFile,
      ...range,
    );
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/HTTP 401/);
    expect(`${ok.out}${ok.err}${refused.out}${refused.err}`).not.toContain(TOKEN);
    expect(fake.requests.every((r) => r.authorization?.startsWith('Bearer '))).toBe(true);
  });

  it('refuses bad usage with exit code 2 and says what is expected', async () => {
    const db = path.join(dir, 'usage.db');
    const two = await run('sync', '--db', db, '--bundle', 'a.json', '--workbook', 'b.xlsx');
    expect(two).toMatchObject({ code: 2, err: expect.stringContaining('exactly one source') as string });
    const half = await run('export-bundle', '--db', source, '--out', 'x.json', '--from', '2025-09-01');
    expect(half).toMatchObject({ code: 2, err: expect.stringContaining('both --from and --to') as string });
    const kind = await run('changes', '--db', source, '--kind', 'mark_edited');
    expect(kind).toMatchObject({ code: 2, err: expect.stringContaining('--kind must be one of') as string });
  });
});
