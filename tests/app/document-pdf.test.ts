import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/core/auth/actor';
import { actorOf } from '../../src/core/auth/users';
import type { CommandName, InputOf } from '../../src/shared/contract';
import type { PrintedCopiesView } from '../../src/shared/views';
import { tempDir } from '../support/temp-dir';
import { callAs, setUpApp, type AppFixture } from './fixture';

let app: AppFixture;
let copy: PrintedCopiesView['copies'][number];

const as = <N extends CommandName>(role: Role, name: N, input: InputOf<N>) =>
  callAs(app.service, app.users[role], app.clock(), name, input);

/** The small demo school with one class's copy of the first quarter printed through the close. */
beforeAll(async () => {
  app = await setUpApp({ school: 'demo-small', now: '2025-11-03T08:00:00Z' });
  const { periods } = await as('deputy', 'close.overview', {});
  const first = periods.find((p) => p.kind === 'quarter' && p.number === 1);
  if (!first) throw new Error('no first quarter');
  const started = await as('deputy', 'close.start', { periodId: first.id });
  const board = await as('deputy', 'close.override', {
    closeId: started.closeId,
    day: 1,
    reason: 'Жыйынтыктарды орун басар мугалимдер менен бирге текшерди.',
  });
  const classId = board.items.find((i) => i.kind === 'class_print' && i.classId !== null)?.classId;
  if (classId == null) throw new Error('no class to print');
  const job = await as('deputy', 'close.print', { closeId: board.closeId, classIds: [classId] });
  const done = await app.service.context.jobs.settled(job.id, actorOf(app.users.deputy));
  const printed = done.result as PrintedCopiesView | null;
  if (!printed?.copies[0]) throw new Error(`print failed: ${done.error?.message ?? 'no copy'}`);
  copy = printed.copies[0];
});
afterAll(async () => {
  await app.close();
});

describe('documents.pdf: a printed copy for its preview', () => {
  it('answers the recorded bytes, whose SHA-256 is the one the document table holds', async () => {
    const answer = await as('deputy', 'documents.pdf', { documentId: copy.documentId });
    const bytes = Buffer.from(answer.base64, 'base64');
    expect(bytes.equals(fs.readFileSync(copy.pdfPath))).toBe(true);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { mirror } = app;
    const record = mirror.first(
      mirror.db.selectFrom('document').select(['sha256', 'pages']).where('id', '=', copy.documentId),
    );
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(record?.sha256);
    expect(answer).toMatchObject({ documentId: copy.documentId, pages: copy.pages });
  });

  it('is given to the roles that see the close and refused to the administrator', async () => {
    for (const role of ['secretary', 'director'] as const) {
      const answer = await as(role, 'documents.pdf', { documentId: copy.documentId });
      expect(answer.pages).toBe(copy.pages);
    }
    await expect(as('admin', 'documents.pdf', { documentId: copy.documentId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('refuses an id no document has, and never reads a path given in its place', async () => {
    await expect(as('deputy', 'documents.pdf', { documentId: 'no-such-document' })).rejects.toMatchObject({
      code: 'DOCUMENT_NOT_FOUND',
    });
    await expect(as('deputy', 'documents.pdf', { documentId: copy.pdfPath })).rejects.toMatchObject({
      code: 'DOCUMENT_NOT_FOUND',
    });
  });

  it('documents.printable: gives a PDF the app wrote in its folder, to print, and nothing else', async () => {
    const printable = await as('secretary', 'documents.printable', { pdfPath: copy.pdfPath });
    expect(Buffer.from(printable.base64, 'base64').equals(fs.readFileSync(copy.pdfPath))).toBe(true);
    const dataDir = app.service.context.dataDir;
    const notPdf = path.join(dataDir, 'notes.txt');
    fs.writeFileSync(notPdf, 'not a copy');
    const outside = path.join(tempDir('moor-outside-'), 'elsewhere.pdf');
    fs.writeFileSync(outside, '%PDF-1.7');
    for (const pdfPath of [
      notPdf,
      outside,
      path.join(path.dirname(copy.pdfPath), '..', '..', '..', 'etc', 'passwd'),
    ]) {
      await expect(as('deputy', 'documents.printable', { pdfPath })).rejects.toMatchObject({
        code: fs.existsSync(pdfPath) ? 'DOCUMENT_NOT_PRINTABLE' : 'DOCUMENT_FILE_MISSING',
      });
    }
    await expect(as('admin', 'documents.printable', { pdfPath: copy.pdfPath })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('refuses the copy once its file was changed on disk, and once it is gone', async () => {
    const original = fs.readFileSync(copy.pdfPath);
    fs.appendFileSync(copy.pdfPath, '\n% edited after printing\n');
    await expect(as('deputy', 'documents.pdf', { documentId: copy.documentId })).rejects.toMatchObject({
      code: 'DOCUMENT_FILE_CHANGED',
    });
    fs.rmSync(copy.pdfPath);
    await expect(as('deputy', 'documents.pdf', { documentId: copy.documentId })).rejects.toMatchObject({
      code: 'DOCUMENT_FILE_MISSING',
    });
    fs.writeFileSync(copy.pdfPath, original);
    const restored = await as('deputy', 'documents.pdf', { documentId: copy.documentId });
    expect(Buffer.from(restored.base64, 'base64').equals(original)).toBe(true);
  });
});
