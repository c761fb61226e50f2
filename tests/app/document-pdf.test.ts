import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/core/auth/actor';
import { createAppService, type AppService } from '../../src/core/app/service';
import { actorOf, createUser, findUserByLogin, type AppUser } from '../../src/core/auth/users';
import { createDemoSchool } from '../../src/core/demo/create-demo-school';
import { openMirror } from '../../src/core/db/mirror';
import type { CommandName, InputOf } from '../../src/shared/contract';
import type { PrintedCopiesView } from '../../src/shared/views';
import { callAs, movableClock, SETUP } from './fixture';

let service: AppService;
let users: Record<Role, AppUser>;
let copy: PrintedCopiesView['copies'][number];
const clock = movableClock('2025-11-03T08:00:00Z');

const as = <N extends CommandName>(role: Role, name: N, input: InputOf<N>) =>
  callAs(service, users[role], clock(), name, input);

/** The small demo school with one class's copy of the first quarter printed through the close. */
beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moor-document-pdf-'));
  const mirror = openMirror(path.join(dir, 'mirror.sqlite'), { create: true });
  createDemoSchool(mirror, { size: 'small' });
  service = createAppService({ mirror, clock, dataDir: dir });
  const setup = await service.call('setup', 'setup.complete', {
    ...SETUP,
    year: { ...SETUP.year, label: '2025-2026' },
  });
  if (!setup.ok) throw new Error(setup.error.message);
  const admin = findUserByLogin(service.context.mirror, 'admin');
  if (!admin) throw new Error('no admin');
  const make = (login: string, fullName: string, role: Role) =>
    createUser(mirror, actorOf(admin), { login, fullName, role, password: `${login}-password` }, clock());
  users = {
    admin,
    deputy: await make('deputy', 'Орунбасар Гүлнара', 'deputy'),
    secretary: await make('secretary', 'Катчы Нуржан', 'secretary'),
    director: await make('director', 'Директор Бакыт', 'director'),
  };
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
  const done = await service.context.jobs.settled(job.id, actorOf(users.deputy));
  const printed = done.result as PrintedCopiesView | null;
  if (!printed?.copies[0]) throw new Error(`print failed: ${done.error?.message ?? 'no copy'}`);
  copy = printed.copies[0];
});
afterAll(async () => {
  await service.context.jobs.stopAll();
  service.context.mirror.close();
});

describe('documents.pdf: a printed copy for its preview', () => {
  it('answers the recorded bytes, whose SHA-256 is the one the document table holds', async () => {
    const answer = await as('deputy', 'documents.pdf', { documentId: copy.documentId });
    const bytes = Buffer.from(answer.base64, 'base64');
    expect(bytes.equals(fs.readFileSync(copy.pdfPath))).toBe(true);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { mirror } = service.context;
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
      code: 'DOCUMENT_UNKNOWN',
    });
    await expect(as('deputy', 'documents.pdf', { documentId: copy.pdfPath })).rejects.toMatchObject({
      code: 'DOCUMENT_UNKNOWN',
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
