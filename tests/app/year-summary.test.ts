import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobView } from '../../src/shared/views';
import type { PrintedYearSummariesView } from '../../src/shared/document-views';
import { giveMissingYearFinals, pdfPagesText, squash } from '../documents/helpers';
import { callAs, refusalAs, setUpApp, type AppFixture } from './fixture';

/** Polls a job to its end, as the window does. */
async function settled(app: AppFixture, job: JobView): Promise<JobView> {
  let view = job;
  while (view.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 20));
    view = await callAs(app.service, app.users.deputy, app.clock(), 'jobs.get', { jobId: view.id });
  }
  return view;
}

describe('the year-end summary sheets through the window', () => {
  let app: AppFixture;
  let out: string;
  let yearId: number;
  let printed: PrintedYearSummariesView;
  beforeAll(async () => {
    app = await setUpApp({ school: 'demo-small', now: '2026-05-30T08:00:00Z' });
    giveMissingYearFinals(app.mirror);
    out = fs.mkdtempSync(path.join(app.dir, 'sheets-'));
  });
  afterAll(async () => {
    await app.close();
  });

  it('the deputy prints every class of the latest year: the files read back and are recorded', async () => {
    const before = await callAs(app.service, app.users.deputy, app.clock(), 'summary.sheets', {
      academicYearId: null,
    });
    expect(before.sheets).toEqual([]);
    expect(before.academicYearId).toBe(before.years[0]?.id);
    yearId = before.academicYearId ?? 0;
    const job = await callAs(app.service, app.users.deputy, app.clock(), 'summary.print', {
      academicYearId: yearId,
      classIds: null,
      language: 'ru',
      folder: out,
      draftWhenIncomplete: false,
    });
    const done = await settled(app, job);
    expect(done.state).toBe('done');
    printed = done.result as PrintedYearSummariesView;
    expect(printed.folder).toBe(path.resolve(out));
    expect(printed.sheets.map((s) => s.className)).toEqual(before.classes.map((c) => c.name));
    for (const sheet of printed.sheets) {
      expect(fs.existsSync(sheet.pdfPath)).toBe(true);
      expect(fs.existsSync(sheet.pdfPath.replace(/\.pdf$/, '.xlsx'))).toBe(true);
      expect(squash(pdfPagesText(sheet.pdfPath).join(' '))).toContain('Итоговая ведомость');
    }
    const after = await callAs(app.service, app.users.director, app.clock(), 'summary.sheets', {
      academicYearId: yearId,
    });
    expect(after.sheets.map((s) => [s.documentId, s.pages, s.shortHash, s.signedOn])).toEqual(
      printed.sheets.map((s) => [s.documentId, s.pages, s.shortHash, null]),
    );
    const audit = app.mirror.sqlite
      .prepare(`SELECT entity_id FROM audit_log WHERE action = 'document.print' ORDER BY id`)
      .pluck()
      .all();
    expect(audit).toEqual(printed.sheets.map((s) => s.documentId));
  });

  it('unchanged data prints the same sheets again, byte for byte', async () => {
    const again = fs.mkdtempSync(path.join(app.dir, 'again-'));
    const first = printed.sheets[0];
    if (!first) throw new Error('no sheet');
    const job = await callAs(app.service, app.users.deputy, app.clock(), 'summary.print', {
      academicYearId: yearId,
      classIds: [first.classId],
      language: 'ru',
      folder: again,
      draftWhenIncomplete: false,
    });
    const sheets = ((await settled(app, job)).result as PrintedYearSummariesView).sheets;
    expect(sheets.map((s) => [s.documentId, s.reprint])).toEqual([[first.documentId, true]]);
    const copy = path.join(again, path.basename(first.pdfPath));
    expect(fs.readFileSync(copy).equals(fs.readFileSync(first.pdfPath))).toBe(true);
  });

  it('the director signs one sheet off on a date: shown with the name, audited', async () => {
    const sheet = printed.sheets[0];
    if (!sheet) throw new Error('no sheet');
    const view = await callAs(app.service, app.users.director, app.clock(), 'summary.signOff', {
      documentIds: [sheet.documentId],
      signedOn: '2026-05-30',
    });
    const signed = view.sheets.filter((s) => s.signedOn !== null);
    expect(signed.map((s) => [s.documentId, s.signedOn, s.signedBy])).toEqual([
      [sheet.documentId, '2026-05-30', app.users.director.fullName],
    ]);
    const audit = app.mirror.sqlite
      .prepare(`SELECT entity_id FROM audit_log WHERE action = 'document.directorSign'`)
      .pluck()
      .all();
    expect(audit).toEqual([sheet.documentId]);
  });

  it('refuses the secretary printing, the deputy signing, an unknown sheet and a wrong folder', async () => {
    const sheet = printed.sheets[1];
    if (!sheet) throw new Error('no second sheet');
    const print = {
      academicYearId: yearId,
      classIds: null,
      language: 'ky',
      folder: out,
      draftWhenIncomplete: false,
    };
    expect(
      (await refusalAs(app.service, app.users.secretary, app.clock(), 'summary.print', print)).code,
    ).toBe('FORBIDDEN');
    const signOff = { documentIds: [sheet.documentId], signedOn: '2026-05-30' };
    expect(
      (await refusalAs(app.service, app.users.deputy, app.clock(), 'summary.signOff', signOff)).code,
    ).toBe('FORBIDDEN');
    const unknown = await refusalAs(app.service, app.users.director, app.clock(), 'summary.signOff', {
      documentIds: ['Y2025-9Ж-ky-00000000'],
      signedOn: '2026-05-30',
    });
    expect(unknown).toMatchObject({ code: 'DOCUMENT_NOT_FOUND', details: { field: 'documentIds' } });
    const folder = await refusalAs(app.service, app.users.deputy, app.clock(), 'summary.print', {
      ...print,
      folder: path.join(out, 'no-such-folder'),
    });
    expect(folder).toMatchObject({ code: 'EXPORT_NO_FOLDER', details: { field: 'folder' } });
    const signatures = app.mirror.sqlite.prepare('SELECT count(*) FROM year_summary_signoff').pluck().get();
    expect(signatures).toBe(1);
  });

  it('refuses signing a sheet a newer print superseded; the newer sheet is signed', async () => {
    const sheet = printed.sheets[1];
    if (!sheet) throw new Error('no second sheet');
    // A year mark corrected after printing: the next print is a new sheet that replaces this one.
    app.mirror.sqlite
      .prepare(
        `UPDATE period_final SET value = CASE value WHEN '5' THEN '4' ELSE '5' END
         WHERE rowid = (SELECT f.rowid FROM period_final f JOIN reporting_period p ON p.id = f.period_id
                        WHERE f.class_id = ? AND p.kind = 'year' LIMIT 1)`,
      )
      .run(sheet.classId);
    const job = await callAs(app.service, app.users.deputy, app.clock(), 'summary.print', {
      academicYearId: yearId,
      classIds: [sheet.classId],
      language: 'ru',
      folder: out,
      draftWhenIncomplete: false,
    });
    const renewed = ((await settled(app, job)).result as PrintedYearSummariesView).sheets[0];
    expect(renewed?.documentId).not.toBe(sheet.documentId);
    const refused = await refusalAs(app.service, app.users.director, app.clock(), 'summary.signOff', {
      documentIds: [renewed?.documentId ?? '', sheet.documentId],
      signedOn: '2026-05-30',
    });
    expect(refused).toMatchObject({ code: 'DOCUMENT_SUPERSEDED', details: { field: 'documentIds' } });
    // All or none: the newer sheet listed first was not signed either.
    expect(app.mirror.sqlite.prepare('SELECT count(*) FROM year_summary_signoff').pluck().get()).toBe(1);
    const view = await callAs(app.service, app.users.director, app.clock(), 'summary.signOff', {
      documentIds: [renewed?.documentId ?? ''],
      signedOn: '2026-05-30',
    });
    expect(view.sheets.find((s) => s.classId === sheet.classId)?.signedOn).toBe('2026-05-30');
  });

  it('with a final missing refuses the print naming class, subject and student, prints a draft when asked, and the director cannot sign the draft', async () => {
    const missing = app.mirror.sqlite
      .prepare(
        `SELECT f.id, f.class_id, s.name_ru, st.last_name FROM period_final f
         JOIN reporting_period p ON p.id = f.period_id JOIN subject s ON s.id = f.subject_id
         JOIN student st ON st.id = f.student_id
         WHERE p.kind = 'year' ORDER BY f.id LIMIT 1`,
      )
      .get() as { id: number; class_id: number; name_ru: string; last_name: string };
    app.mirror.sqlite.prepare('DELETE FROM period_final WHERE id = ?').run(missing.id);
    const className = (
      await callAs(app.service, app.users.deputy, app.clock(), 'summary.sheets', {
        academicYearId: yearId,
      })
    ).classes.find((c) => c.id === missing.class_id)?.name;
    const print = {
      academicYearId: yearId,
      classIds: null,
      language: 'ru' as const,
      folder: fs.mkdtempSync(path.join(app.dir, 'refused-')),
      draftWhenIncomplete: false,
    };
    const refused = await settled(
      app,
      await callAs(app.service, app.users.deputy, app.clock(), 'summary.print', print),
    );
    expect(refused.state).toBe('failed');
    expect(refused.error?.code).toBe('SUMMARY_FINALS_MISSING');
    expect(refused.error?.details).toMatchObject({ classes: className, count: 1 });
    expect(String(refused.error?.details?.missing)).toMatch(
      new RegExp(`^${className ?? ''} — ${missing.name_ru}: ${missing.last_name} `),
    );
    expect(fs.readdirSync(print.folder)).toEqual([]);

    const drafted = await settled(
      app,
      await callAs(app.service, app.users.deputy, app.clock(), 'summary.print', {
        ...print,
        classIds: [missing.class_id],
        draftWhenIncomplete: true,
      }),
    );
    const draft = (drafted.result as PrintedYearSummariesView).sheets[0];
    const text = squash(pdfPagesText(draft?.pdfPath ?? '', { raw: true }).join(' '));
    expect(text).toContain('ЧЕРНОВИК');
    expect(text).toContain('Черновик: не выставлено итоговых отметок — 1.');
    expect(text).not.toContain('Заверяю. Директор');
    expect(text).not.toContain('М.П.');
    const view = await callAs(app.service, app.users.director, app.clock(), 'summary.sheets', {
      academicYearId: yearId,
    });
    expect(view.sheets.find((s) => s.documentId === draft?.documentId)?.draft).toBe(true);
    const signOff = await refusalAs(app.service, app.users.director, app.clock(), 'summary.signOff', {
      documentIds: [draft?.documentId ?? ''],
      signedOn: '2026-05-30',
    });
    expect(signOff).toMatchObject({ code: 'SUMMARY_IS_DRAFT', details: { field: 'documentIds', count: 1 } });
  });
});
