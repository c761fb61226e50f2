import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock';
import type { Mirror } from '../../src/core/db/mirror';
import { printYearSummary } from '../../src/core/documents';
import { fileYearSummaries } from '../../src/core/documents/year-summary/file-year-summaries';
import { signOffYearSummaries } from '../../src/core/documents/year-summary/sign-off-year-summary';
import { classId } from '../journal/small-school';
import { deputy, director, secretary } from '../support/actors';
import { openSmallSchool } from '../support/schools';
import { tempDir } from '../support/temp-dir';
import { giveMissingYearFinals } from './helpers';

describe('a signed summary sheet received into the archive', () => {
  let mirror: Mirror;
  beforeAll(() => {
    mirror = openSmallSchool();
    // A summary sheet prints only with every final given; the small school leaves some out.
    giveMissingYearFinals(mirror);
  });
  afterAll(() => {
    mirror.close();
  });

  it('gets its hand-over line and its archive register line once signed, each once; unsigned it is refused', async () => {
    const sheet = await printYearSummary(mirror, {
      classId: classId(mirror, 8, 'А'),
      academicYearId: 1,
      language: 'ky',
      outDir: tempDir(),
      actor: deputy,
      clock: fixedClock('2026-05-30T04:00:00Z'),
    });
    const clock = fixedClock('2026-06-02T05:00:00Z');
    const file = () => fileYearSummaries(mirror, { documentIds: [sheet.documentId] }, secretary, clock);
    expect(file).toThrow(expect.objectContaining({ code: 'SUMMARY_NOT_SIGNED' }));
    signOffYearSummaries(
      mirror,
      { documentIds: [sheet.documentId], signedOn: '2026-06-01' },
      director,
      clock,
    );
    expect(() => fileYearSummaries(mirror, { documentIds: [sheet.documentId] }, deputy, clock)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    const [entryId] = file();
    const line = mirror.sqlite
      .prepare(
        'SELECT class_label, period_label, document_title, document_ref, pages, received_on, handed_over_by, received_by, director_signed, stamped FROM archive_register WHERE id = ?',
      )
      .get(entryId);
    expect(line).toEqual({
      class_label: '8А класс',
      period_label: '2025–2026-окуу жылы',
      document_title: 'Жыйынтык ведомость',
      document_ref: sheet.documentId,
      pages: sheet.pages,
      received_on: '2026-06-02',
      handed_over_by: deputy.name,
      received_by: secretary.name,
      director_signed: 1,
      stamped: 1,
    });
    const handover = mirror.sqlite
      .prepare(
        'SELECT from_name, to_name, copies, pages, i.document_ref FROM handover_log JOIN handover_item i ON i.handover_id = handover_log.id',
      )
      .all();
    expect(handover).toEqual([
      {
        from_name: deputy.name,
        to_name: secretary.name,
        copies: 1,
        pages: sheet.pages,
        document_ref: sheet.documentId,
      },
    ]);
    expect(file()).toEqual([]);
    expect(mirror.sqlite.prepare('SELECT count(*) FROM archive_register').pluck().get()).toBe(1);
  });
});
