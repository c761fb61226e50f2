import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../src/core/auth/users';
import type { CommandName, InputOf } from '../../src/shared/contract';
import type { CloseBackupView, CloseBoard, PrintedCopiesView } from '../../src/shared/views';
import { cellString, pdfPagesText, squash } from '../documents/helpers';
import { tempDir } from '../support/temp-dir';
import { callAs, refusalAs, SETUP, setUpApp, type AppFixture } from './fixture';

let app: AppFixture<'deputy'>;
let board: CloseBoard;

const asDeputy = <N extends CommandName>(name: N, input: InputOf<N>) =>
  callAs(app.service, app.users.deputy, app.clock(), name, input);

async function xlsxRows(file: string): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const rows: string[][] = [];
  book.worksheets[0]?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => cellString(v) ?? ''));
  });
  return rows;
}

/** The small demo school with the first quarter's close started and day 1 closed with a reason. */
beforeAll(async () => {
  app = await setUpApp({ school: 'demo-small', now: '2025-11-03T08:00:00Z', roles: ['deputy'] });
  const { periods } = await asDeputy('close.overview', {});
  const first = periods.find((p) => p.kind === 'quarter' && p.number === 1);
  if (!first) throw new Error('no first quarter');
  const started = await asDeputy('close.start', { periodId: first.id });
  board = await asDeputy('close.override', {
    closeId: started.closeId,
    day: 1,
    reason: 'Жыйынтыктарды орун басар мугалимдер менен бирге текшерди.',
  });
});
afterAll(async () => {
  await app.close();
});

describe('the print centre and the signature tracker through the contract', () => {
  it('stops a whole-school print that is cancelled at once, recording no copy', async () => {
    const job = await asDeputy('close.print', { closeId: board.closeId, classIds: null });
    await asDeputy('jobs.cancel', { jobId: job.id });
    const settled = await app.service.context.jobs.settled(job.id, actorOf(app.users.deputy));
    expect(settled.state).toBe('cancelled');
    board = await asDeputy('close.board', { closeId: board.closeId });
    expect(board.items.filter((i) => i.kind === 'class_print' && i.status !== 'open')).toEqual([]);
  });

  it('prints the chosen classes in Russian as a job and lists each copy with its pages and hash', async () => {
    const classIds = [...new Set(board.items.flatMap((i) => (i.kind === 'class_print' ? [i.classId] : [])))];
    const chosen = classIds.filter((id): id is number => id !== null).slice(0, 1);
    const job = await asDeputy('close.print', { closeId: board.closeId, classIds: chosen, language: 'ru' });
    const done = await app.service.context.jobs.settled(job.id, actorOf(app.users.deputy));
    expect(done.error).toBeNull();
    expect(done.state).toBe('done');
    const printed = done.result as PrintedCopiesView;
    expect(printed.copies.map((c) => c.classId)).toEqual(chosen);
    for (const copy of printed.copies) {
      expect(copy.documentId).toContain('-ru-');
      expect(copy.shortHash).toMatch(/^[0-9a-f]{12}$/);
      expect(copy.outcome).toBe('printed');
      expect(path.dirname(copy.pdfPath)).toBe(printed.folder);
      expect(pdfPagesText(copy.pdfPath)).toHaveLength(copy.pages);
    }
    board = await asDeputy('close.board', { closeId: board.closeId });
    const prints = board.items.filter((i) => i.kind === 'class_print');
    expect(prints.filter((i) => i.status === 'done').map((i) => i.classId)).toEqual(chosen);
  });

  it('refuses a wrong passphrase and a missing drive, then backs up and answers the register number', async () => {
    const drive = tempDir('moor-close-drive-');
    await expect(
      asDeputy('close.backup', {
        closeId: board.closeId,
        targetDir: drive,
        mediumLabel: 'Флешка',
        passphrase: 'not the passphrase',
      }),
    ).rejects.toMatchObject({ code: 'PASSPHRASE_MISMATCH' });
    // A drive that is not there (unplugged, a mistyped letter): refused with its own code, and the
    // attempt stays in the backup register as failed.
    const missing = await asDeputy('close.backup', {
      closeId: board.closeId,
      targetDir: path.join(drive, 'unplugged'),
      mediumLabel: 'Флешка №0',
      passphrase: SETUP.backupPassphrase,
    });
    const failed = await app.service.context.jobs.settled(missing.id, actorOf(app.users.deputy));
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'BACKUP_TARGET_MISSING' } });
    const { mirror } = app;
    expect(
      mirror.all(mirror.db.selectFrom('backup_register').select(['number', 'status', 'failure_code'])),
    ).toEqual([{ number: 1, status: 'failed', failure_code: 'BACKUP_TARGET_MISSING' }]);

    const job = await asDeputy('close.backup', {
      closeId: board.closeId,
      targetDir: drive,
      mediumLabel: 'Флешка №1',
      passphrase: SETUP.backupPassphrase,
    });
    const done = await app.service.context.jobs.settled(job.id, actorOf(app.users.deputy));
    expect(done.error).toBeNull();
    const backup = done.result as CloseBackupView;
    expect(backup).toMatchObject({ registerNumber: 2, verified: true });
    expect(backup.shortHash).toMatch(/^[0-9a-f]{12}$/);
    expect(path.dirname(backup.backupPath)).toBe(drive);
    expect(fs.existsSync(backup.backupPath)).toBe(true);
  });

  it('prints the whole tracker, and what one teacher still owes once they signed a page', async () => {
    board = await asDeputy('close.override', {
      closeId: board.closeId,
      day: 2,
      reason: 'Калган класстар эртең басылат, флешка сейфте.',
    });
    const whole = await asDeputy('close.printSignatures', {
      closeId: board.closeId,
      language: 'ky',
      teacherId: null,
      outstandingOnly: false,
    });
    const lines = board.items.filter(
      (i) => i.kind === 'subject_signature' || i.kind === 'title_certification',
    );
    const rows = await xlsxRows(whole.xlsxPath);
    const header = rows.findIndex((r) => r[0] === '№');
    expect(rows.slice(header + 1).filter((r) => /^\d+$/.test(r[0] ?? ''))).toHaveLength(lines.length);
    const text = squash(pdfPagesText(whole.pdfPath).join(' '));
    expect(text).toContain('Кагаз көчүрмөлөргө кол коюу жана титулдук барактарды күбөлөндүрүү');
    expect(text).toContain('Титулдук барак');
    expect(text).toContain('Орунбасар Гүлнара');

    const item = lines.find((i) => i.kind === 'subject_signature' && i.teacherId !== null);
    if (!item || item.classId === null || item.subjectId === null || item.teacherId === null)
      throw new Error('no signature to collect');
    const teacherId = item.teacherId;
    const owedBefore = lines.filter((i) => i.teacherId === teacherId).length;
    board = await asDeputy('close.sign', {
      closeId: board.closeId,
      classId: item.classId,
      subjectId: item.subjectId,
      teacherId,
    });
    const owed = await asDeputy('close.printSignatures', {
      closeId: board.closeId,
      language: 'ru',
      teacherId,
      outstandingOnly: true,
    });
    const owedRows = (await xlsxRows(owed.xlsxPath)).filter((r) => /^\d+$/.test(r[0] ?? ''));
    expect(owedRows).toHaveLength(owedBefore - 1);
    expect(owedRows.every((r) => r[1] === item.teacherName && r[4] === 'ожидается')).toBe(true);
    expect(squash(pdfPagesText(owed.pdfPath).join(' '))).toContain('Неподписанные страницы');
    expect(owed.pages).toBeGreaterThan(0);
  });

  it('records the date written beside a signature or a title page, and refuses one in the future naming it', async () => {
    const open = (kind: string) =>
      board.items.find(
        (i) => i.kind === kind && i.status === 'open' && i.classId !== null && i.teacherId !== null,
      );
    const signature = open('subject_signature');
    if (!signature?.classId || !signature.teacherId || !signature.subjectId)
      throw new Error('nothing to sign');
    const input = {
      closeId: board.closeId,
      classId: signature.classId,
      subjectId: signature.subjectId,
      teacherId: signature.teacherId,
    };
    const future = await refusalAs(app.service, app.users.deputy, app.clock(), 'close.sign', {
      ...input,
      signedOn: '2025-11-20',
    });
    expect([future.code, future.details?.field]).toEqual(['CLOSE_BAD_DATE', 'signedOn']);
    board = await asDeputy('close.sign', { ...input, signedOn: '2025-11-01' });
    const signed = board.items.find((i) => i.id === signature.id);
    expect([signed?.status, signed?.signedOn]).toEqual(['done', '2025-11-01']);

    board = await asDeputy('close.override', {
      closeId: board.closeId,
      day: 3,
      reason: 'Калган мугалимдер дүйшөмбүдө кол коюшат.',
    });
    const title = open('title_certification');
    if (!title?.classId) throw new Error('no title page to certify');
    board = await asDeputy('close.certify', {
      closeId: board.closeId,
      classId: title.classId,
      signedOn: '2025-11-02',
    });
    expect(board.items.find((i) => i.id === title.id)?.signedOn).toBe('2025-11-02');
  });
});
