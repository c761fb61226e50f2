import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/command';
import { runCli } from '../../src/cli/run-cli';
import { fixedClock } from '../../src/core/clock';
import { addArchiveEntry } from '../../src/core/registers/archive-register';
import { recordHandover } from '../../src/core/registers/handover-log';
import { registerLayout } from '../../src/core/registers/register-layouts';
import { PASSPHRASE, smallMirror } from '../backup/fixture';
import { tempDir } from '../support/temp-dir';
import { secretary } from '../support/actors';

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

function captureIo(): CliIo & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (line) => lines.push(line), err: (line) => lines.push(line) };
}

describe('printing the registers', () => {
  it('from the command line: backup, verify, the registers in PDF and XLSX, then restore', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'mirror.sqlite');
    const mirror = smallMirror(db);
    const clock = fixedClock('2026-03-30T10:00:00Z');
    addArchiveEntry(mirror, {
      actor: secretary,
      clock,
      classId: 1,
      periodId: 3,
      documentTitle: 'Класстык журналдын көчүрмөсү',
      documentRef: 'Q3-2025-8А-ky',
      pages: 42,
      receivedOn: '2026-03-30',
      handedOverBy: 'Төлөгөнов Нурлан',
      receivedBy: 'Үсөнова Гүлзат',
      directorSigned: true,
      folderNumber: '03-2026',
      storagePlace: 'Архив, шкаф 2',
    });
    recordHandover(mirror, {
      actor: secretary,
      clock,
      at: '2026-03-30T08:00:00Z',
      documentIds: ['Q3-2025-8А-ky'],
      fromName: 'Төлөгөнов Нурлан',
      toName: 'Үсөнова Гүлзат',
    });
    mirror.close();
    const drive = path.join(dir, 'drive');
    fs.mkdirSync(drive);
    const passFile = path.join(dir, 'pass.txt');
    fs.writeFileSync(passFile, `${PASSPHRASE}\n`);

    const io = captureIo();
    expect(
      await runCli(
        ['backup', '--db', db, '--to', drive, '--passphrase-file', passFile, '--label', 'USB-1'],
        io,
      ),
    ).toBe(0);
    const [backupDir] = fs.readdirSync(drive).map((f) => path.join(drive, f));
    expect(io.lines[0]).toBe('Backup № 1/2026 written and verified:');
    const args = ['--backup', backupDir ?? '', '--passphrase-file', passFile];
    expect(await runCli(['verify', ...args, '--db', db, '--reason', 'monthly check'], io)).toBe(0);
    fs.writeFileSync(path.join(dir, 'wrong.txt'), 'not the passphrase');
    expect(
      await runCli(
        ['verify', '--backup', backupDir ?? '', '--passphrase-file', path.join(dir, 'wrong.txt')],
        io,
      ),
    ).toBe(1);
    expect(io.lines.at(-1)).toMatch(/passphrase does not open/);

    for (const kind of ['archive', 'backup', 'backup-use', 'handover']) {
      expect(
        await runCli(
          ['registers', 'print', '--db', db, '--kind', kind, '--out', path.join(dir, `${kind}.pdf`)],
          io,
        ),
      ).toBe(0);
    }
    expect(pdfText(path.join(dir, 'archive.pdf'))).toContain(
      'Күбөлөндүрүлгөн көчүрмөлөрдүн архивдик реестри',
    );
    expect(pdfText(path.join(dir, 'archive.pdf'))).toContain('Архив, шкаф 2');
    expect(pdfText(path.join(dir, 'backup.pdf'))).toContain('USB-1');
    expect(pdfText(path.join(dir, 'backup-use.pdf'))).toContain('monthly check');
    expect(pdfText(path.join(dir, 'handover.pdf'))).toContain('Үсөнова Гүлзат');

    expect(
      await runCli(
        [
          'registers',
          'print',
          '--db',
          db,
          '--kind',
          'archive',
          '--lang',
          'ru',
          '--out',
          path.join(dir, 'a.xlsx'),
        ],
        io,
      ),
    ).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, 'a.xlsx'));
    const cells = (workbook.worksheets[0]?.getSheetValues() ?? []).flat().map(String);
    expect(cells).toContain('Архивный реестр заверенных копий');
    expect(cells).toContain('1/2026');
    expect(cells).toContain('Класстык журналдын көчүрмөсү (Q3-2025-8А-ky)');
    // The Russian register words the period in Russian, whatever the school's language.
    expect(cells).toContain('2025-2026, 3-я четверть');

    expect(await runCli(['restore', ...args, '--db', db, '--reason', 'test of the drill'], io)).toBe(0);
    expect(io.lines.some((l) => l.includes('pre-restore'))).toBe(true);
    expect(await runCli(['registers', 'print', '--db', db, '--kind', 'nothing', '--out', 'x.pdf'], io)).toBe(
      2,
    );
    const docx = path.join(dir, 'a.docx');
    expect(await runCli(['registers', 'print', '--db', db, '--kind', 'archive', '--out', docx], io)).toBe(2);
    expect(io.lines.some((l) => l.includes('--out must end in .pdf or .xlsx'))).toBe(true);
    expect(fs.existsSync(docx)).toBe(false);
  });

  it('builds a register as data first: the Russian hand-over log of an empty mirror', () => {
    const dir = tempDir();
    const mirror = smallMirror(path.join(dir, 'mirror.sqlite'));
    const layout = registerLayout(mirror, {
      kind: 'handover',
      language: 'ru',
      createdAt: new Date('2026-03-30T10:00:00Z'),
    });
    expect(layout.title).toBe('Журнал передачи документов строгой отчётности');
    expect(layout.columns.map((c) => c.header)).toContain('Кто принял');
    expect(layout.rows).toEqual([]);
    mirror.close();
  });
});
