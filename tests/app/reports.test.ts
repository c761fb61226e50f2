import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/core/auth/actor';
import { actorOf } from '../../src/core/auth/users';
import { fixedClock } from '../../src/core/clock';
import { printedNumber } from '../../src/core/documents/words/printed-number';
import { runReport } from '../../src/core/reports/definitions';
import type { CommandName, InputOf } from '../../src/shared/contract';
import type { JobView, ReportExportView, ReportView } from '../../src/shared/views';
import { callAs, refusalAs, setUpApp, type AppFixture } from './fixture';
import { seeCorrectedMark, type CorrectedMark } from './reports-fixture';

const NOW = '2026-06-01T06:00:00.000Z';
let app: AppFixture;
let corrected: CorrectedMark;

/** The small demo school, set up, with a user of every role, and one corrected mark seen by a sync. */
beforeAll(async () => {
  app = await setUpApp({ school: 'demo-small', now: NOW });
  corrected = seeCorrectedMark(app.mirror, actorOf(app.users.deputy), '2025-11-20T09:00:00.000Z');
});
afterAll(async () => {
  await app.close();
});

const as = <N extends CommandName>(role: Role, name: N, input: InputOf<N>) =>
  callAs(app.service, app.users[role], new Date(NOW), name, input);
const refused = async (role: Role, name: CommandName, input: unknown) =>
  (await refusalAs(app.service, app.users[role], new Date(NOW), name, input)).code;

/** A sheet's cells as plain values, row by row (numbers stay numbers). */
function sheetRows(sheet: ExcelJS.Worksheet): (string | number)[][] {
  const rows: (string | number)[][] = [];
  sheet.eachRow((row) => {
    const values: (string | number)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      values[column - 1] = typeof cell.value === 'number' ? cell.value : cell.text;
    });
    rows.push(Array.from({ length: values.length }, (_, i) => values[i] ?? ''));
  });
  return rows;
}

async function settled(job: JobView, role: Role = 'deputy'): Promise<JobView> {
  return app.service.context.jobs.settled(job.id, actorOf(app.users[role]));
}

describe('reports through the contract', () => {
  it('lists every report with its filters, and the choices of the school year', async () => {
    const catalog = await as('director', 'reports.catalog', {});
    expect(catalog.reports.map((r) => r.name)).toEqual([
      'journal-keeping',
      'mark-accumulation',
      'weekly-activity',
      'monthly-filling',
      'attendance',
      'achievement',
      'forecast',
    ]);
    expect(catalog.reports.find((r) => r.name === 'achievement')).toMatchObject({ periodOnly: true });
    expect(catalog.academicYear).toBe('2025-2026');
    expect(catalog.periods.map((p) => p.ref)).toEqual(['1', '2', '3', '4', 'h1', 'h2', 'year']);
    const classCount = app.mirror.sqlite.prepare('SELECT count(*) AS n FROM class').get() as { n: number };
    expect(catalog.classes).toHaveLength(classCount.n);
    expect(catalog.teachers.length).toBeGreaterThan(0);
    expect(catalog.teachers.every((t) => t.name.includes(' '))).toBe(true);
  });

  it('builds a report in a worker exactly as the core builds it in place', async () => {
    const job = await as('deputy', 'reports.run', {
      name: 'achievement',
      params: { period: '1', language: 'ru' },
    });
    const done = await settled(job);
    expect(done.state).toBe('done');
    const report = done.result as ReportView;
    const direct = runReport(
      app.mirror,
      actorOf(app.users.deputy),
      'achievement',
      { period: '1', language: 'ru' },
      fixedClock(NOW),
    );
    expect(report).toEqual(direct);
    expect(report.tables.classes?.rows.length).toBeGreaterThan(0);
    expect(report.charts.map((c) => c.id)).toContain('rates-by-class');
  });

  it('answers a wrong request at once, before any job starts', async () => {
    expect(await refused('deputy', 'reports.run', { name: 'no-such', params: { period: '1' } })).toBe(
      'REPORT_NOT_FOUND',
    );
    expect(
      await refused('deputy', 'reports.run', {
        name: 'achievement',
        params: { from: '2025-09-01', to: '2025-09-30' },
      }),
    ).toBe('REPORT_NEEDS_PERIOD');
    expect(
      await refused('deputy', 'reports.run', {
        name: 'attendance',
        params: { from: '2025-10-01', to: '2025-09-01' },
      }),
    ).toBe('REPORT_BAD_PARAMS');
    expect(await refused('deputy', 'reports.run', { name: 'attendance', params: { period: '9' } })).toBe(
      'BAD_INPUT',
    );
    expect(await refused('secretary', 'reports.run', { name: 'attendance', params: { period: '1' } })).toBe(
      'FORBIDDEN',
    );
  });

  it('exports to Excel in a folder the user names, and the file reads back', async () => {
    const folder = fs.mkdtempSync(path.join(app.dir, 'out-'));
    const job = await as('deputy', 'reports.export', {
      name: 'achievement',
      params: { period: '1' },
      format: 'xlsx',
      language: 'ru',
      destination: { kind: 'folder', folder },
    });
    const done = await settled(job);
    expect(done.state).toBe('done');
    const written = done.result as ReportExportView;
    expect(written.path).toBe(path.join(folder, 'achievement-1-ru.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(written.path);
    const texts = book.worksheets.flatMap((sheet) => sheetRows(sheet).flat().map(String));
    expect(texts).toContain('Средняя школа № 1');
    // No language among the report's parameters: the workbook's Russian decides its totals line too.
    expect(texts).toContain('По школе');
    expect(texts).not.toContain('Мектеп боюнча');
    // Every table on its own sheet: the headers in Russian, then each row and the totals, numbers kept as numbers.
    const report = runReport(
      app.mirror,
      actorOf(app.users.deputy),
      'achievement',
      { period: '1', language: 'ru' },
      fixedClock(NOW),
    );
    const tables = Object.values(report.tables);
    expect(book.worksheets).toHaveLength(tables.length);
    tables.forEach((table, index) => {
      const sheet = book.worksheets[index];
      if (!sheet) throw new Error(`no sheet for ${table.id}`);
      const rows = sheetRows(sheet);
      const headers = table.columns.map((c) => c.header.ru);
      const headerAt = rows.findIndex((row) => headers.every((h, i) => row[i] === h));
      expect(headerAt, table.id).toBeGreaterThanOrEqual(0);
      const expected = [...table.rows, ...(table.totals ? [table.totals] : [])].map((row) =>
        table.columns.map((c) => row[c.key] ?? ''),
      );
      expect(rows.slice(headerAt + 1, headerAt + 1 + expected.length), table.id).toEqual(expected);
    });
    const classes = report.tables.classes;
    expect(classes?.rows.length).toBeGreaterThan(0);
    expect(typeof classes?.totals?.success_pct).toBe('number');
  });

  it('exports a PDF to the file a save dialog chose', async () => {
    const file = path.join(app.dir, 'жетишүү.pdf');
    const job = await as('director', 'reports.export', {
      name: 'attendance',
      params: { from: '2025-09-01', to: '2025-10-31' },
      format: 'pdf',
      language: 'ky',
      destination: { kind: 'file', file },
    });
    const done = await settled(job, 'director');
    expect(done.state).toBe('done');
    expect((done.result as ReportExportView).pages).toBeGreaterThan(0);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const printed = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { encoding: 'utf8' });
    const report = runReport(
      app.mirror,
      actorOf(app.users.director),
      'attendance',
      { from: '2025-09-01', to: '2025-10-31', language: 'ky' },
      fixedClock(NOW),
    );
    expect(printed).toContain(report.title.ky);
    // Each class's line, as the paper reads it: the class, its figures as the edition writes them
    // (thousands apart, a decimal comma).
    const lines = printed.split('\n').map((line) => line.replace(/\s+/gu, ' ').trim());
    const classes = report.tables.classes;
    if (!classes?.totals) throw new Error('the attendance report has no class totals');
    for (const row of [...classes.rows, classes.totals]) {
      const figures = classes.columns
        .filter((c) => c.format !== 'text')
        .map((c) => {
          const value = row[c.key];
          if (typeof value !== 'number') return '';
          return printedNumber(value, c.format === 'percent' ? 1 : undefined).replace(/\s/gu, ' ');
        })
        .filter((text) => text !== '')
        .join(' ');
      expect(
        lines.some((line) => line.endsWith(` ${figures}`)),
        `${String(row.class)}: ${figures}`,
      ).toBe(true);
    }
  });

  it('refuses a folder that is not there and a file of the wrong kind, naming the field', async () => {
    const base = { name: 'attendance', params: { period: '1' as const }, language: 'ky' as const };
    expect(
      await refused('deputy', 'reports.export', {
        ...base,
        format: 'xlsx',
        destination: { kind: 'folder', folder: path.join(app.dir, 'missing') },
      }),
    ).toBe('EXPORT_NO_FOLDER');
    expect(
      await refused('deputy', 'reports.export', {
        ...base,
        format: 'xlsx',
        destination: { kind: 'file', file: path.join(app.dir, 'report.pdf') },
      }),
    ).toBe('EXPORT_WRONG_EXTENSION');
    expect(fs.existsSync(path.join(app.dir, 'missing'))).toBe(false);
  });
});

describe('changes seen by the mirror through the contract', () => {
  it('lists the corrected mark with its class, values and who it concerns', async () => {
    const view = await as('deputy', 'changes.list', { classId: null, kinds: [], since: null, limit: 100 });
    const change = view.changes.find((c) => c.kind === 'mark_changed');
    expect(change).toMatchObject({
      entity: 'mark',
      className: corrected.className,
      before: corrected.before,
      after: corrected.after,
      certified: false,
    });
    expect(change?.studentName).toMatch(/\S+ \S+/u);
    expect(change?.subject?.ky).toBeTruthy();
    expect(view.classes.map((c) => c.name)).toContain(corrected.className);
  });

  it('filters by class, kind and the day it was seen', async () => {
    const all = await as('deputy', 'changes.list', { classId: null, kinds: [], since: null, limit: 100 });
    const byClass = await as('deputy', 'changes.list', {
      classId: corrected.classId,
      kinds: [],
      since: null,
      limit: 100,
    });
    expect(byClass.total).toBeGreaterThan(0);
    expect(byClass.changes.every((c) => c.className === corrected.className)).toBe(true);
    const removed = await as('deputy', 'changes.list', {
      classId: null,
      kinds: ['mark_removed'],
      since: null,
      limit: 100,
    });
    expect(removed.changes.every((c) => c.kind === 'mark_removed')).toBe(true);
    expect(removed.total).toBeLessThan(all.total);
    const later = await as('deputy', 'changes.list', {
      classId: null,
      kinds: [],
      since: '2025-11-21',
      limit: 100,
    });
    expect(later.total).toBe(0);
    const limited = await as('deputy', 'changes.list', { classId: null, kinds: [], since: null, limit: 1 });
    expect(limited.changes).toHaveLength(1);
    expect(limited.total).toBe(all.total);
  });

  it('marks a change to a certified class period, and the note of it', async () => {
    // Seen at 02:00 on 27 November in Bishkek, still the 26th in UTC: a change of the school's 27th.
    const again = seeCorrectedMark(app.mirror, actorOf(app.users.deputy), '2025-11-26T20:00:00.000Z', {
      certified: true,
    });
    const view = await as('director', 'changes.list', {
      classId: again.classId,
      kinds: [],
      since: '2025-11-27',
      limit: 100,
    });
    expect(view.changes.map((c) => [c.kind, c.certified]).sort()).toEqual([
      ['frozen_data_changed', true],
      ['mark_changed', true],
    ]);
    const earlier = await as('director', 'changes.list', {
      classId: null,
      kinds: ['mark_changed'],
      since: null,
      limit: 100,
    });
    expect(earlier.changes.map((c) => c.certified)).toEqual([true, false]);
  });
});
