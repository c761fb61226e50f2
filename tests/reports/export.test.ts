import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import type { Mirror } from '../../src/core/db/mirror';
import { runReport } from '../../src/core/reports/definitions';
import { exportReport } from '../../src/core/reports/export-document';
import { captureIo } from '../cli/capture-io';
import { deputy } from '../support/actors';
import { clock, constructedSchool } from './constructed-school';

let mirror: Mirror | undefined;
afterEach(() => mirror?.close());

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('report files', () => {
  it('prints the Kyrgyz PDF with its title, headers, figures and notes', async () => {
    const school = constructedSchool();
    mirror = school.mirror;
    const report = runReport(mirror, deputy, 'attendance', { period: '1' }, clock);
    const target = path.join(school.dir, 'attendance.pdf');
    const written = await exportReport(report, target, 'ky', '№ 7 мектеп');
    expect(written.pages).toBeGreaterThanOrEqual(3); // one section per table
    const text = pdfText(target);
    expect(text).toContain('Сабакка катышуу');
    expect(text).toContain('1-чейрек');
    expect(text).toContain('Н (жүйөсүз)'); // Ү and Ө must render
    expect(text).toContain('Катышуу, %');
    expect(text).toContain('Бакиров Чынгыз');
    expect(text).toContain('82,1'); // 5А's attendance, with a decimal comma
    expect(text).toContain('Мектеп боюнча');
  });

  it('writes the Russian workbook with numbers kept as numbers, one sheet per table', async () => {
    const school = constructedSchool();
    mirror = school.mirror;
    const report = runReport(mirror, deputy, 'achievement', { period: '1', language: 'ru' }, clock);
    const target = path.join(school.dir, 'achievement.xlsx');
    await exportReport(report, target, 'ru', 'Школа № 7');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(target);
    expect(workbook.worksheets).toHaveLength(Object.keys(report.tables).length);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const cells: unknown[] = [];
    sheet.eachRow((row) => {
      row.eachCell((c) => cells.push(c.value));
    });
    expect(cells).toContain('Успеваемость, %');
    expect(cells).toContain('Качество, %');
    expect(cells).toContain('Асанов Б. Н.');
    expect(cells).toContain(66.7);
    expect(cells).toContain(3.8);
    expect(cells).toContain('По школе');
  });

  it('runs from the command line to PDF, Excel and JSON, and prints totals without --out', async () => {
    const school = constructedSchool();
    mirror = school.mirror;
    mirror.close();
    mirror = undefined;
    const db = path.join(school.dir, 'mirror.db');
    for (const ext of ['pdf', 'xlsx', 'json']) {
      const out = path.join(school.dir, `keeping.${ext}`);
      const io = captureIo();
      const code = await runCli(
        ['report', 'journal-keeping', '--db', db, '--period', '1', '--lang', 'ru', '--out', out],
        io,
      );
      expect(code, io.stderr.join('\n')).toBe(0);
      expect(fs.statSync(out).size).toBeGreaterThan(0);
    }
    const json = JSON.parse(fs.readFileSync(path.join(school.dir, 'keeping.json'), 'utf8')) as {
      tables: { journals: { totals: { held: number } } };
    };
    expect(json.tables.journals.totals.held).toBe(9);
    expect(pdfText(path.join(school.dir, 'keeping.pdf'))).toContain('Ведение электронного журнала');

    const totals = captureIo();
    expect(
      await runCli(
        ['report', 'attendance', '--db', db, '--from', '2025-09-01', '--to', '2025-09-12', '--class', '5А'],
        totals,
      ),
    ).toBe(0);
    expect(totals.stdout.join('\n')).toContain('Attendance, % 82.1');

    const bad = captureIo();
    expect(await runCli(['report', 'achievement', '--db', db, '--period', '7'], bad)).toBe(2);
    expect(bad.stderr[0]).toContain('--period must be one of');
    const unknown = captureIo();
    expect(await runCli(['report', 'gossip', '--db', db, '--period', '1'], unknown)).toBe(1);
    expect(unknown.stderr[0]).toContain('There is no report "gossip"');
  });
});
