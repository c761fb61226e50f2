import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock';
import { printSchool } from '../../src/core/documents';
import { inventoryLayout } from '../../src/core/registers/inventory-layout';
import { addArchiveEntry } from '../../src/core/registers/archive-register';
import { registerLayout } from '../../src/core/registers/register-layouts';
import { setClassLanguage } from '../../src/core/staff/class-language';
import { classId, smallSchoolForBlock } from '../journal/small-school';
import { admin, deputy, secretary } from '../support/actors';
import { tempDir } from '../support/temp-dir';
import { pdfPagesText, squash } from './helpers';

const clock = fixedClock('2025-11-03T08:00:00Z');
const kyrgyzOnly = /[ҢңӨөҮү]|чейрек|көчүрмө|класс жетекчи/;

describe("each class's copy in its language of instruction", () => {
  const school = smallSchoolForBlock(8, 'А', 1);
  const titles = (documents: readonly { className: string; pdfPath: string }[]) =>
    Object.fromEntries(documents.map((d) => [d.className, squash(pdfPagesText(d.pdfPath)[0] ?? '')]));

  it('prints a Kyrgyz class in Kyrgyz and a Russian class in Russian, unless one language is chosen for all', async () => {
    const { mirror } = school;
    const byClass = await printSchool(mirror, {
      periodId: school.periodId,
      outDir: tempDir(),
      actor: deputy,
      clock,
      workers: 0,
    });
    const first = titles(byClass.documents);
    expect(first['8А']).toContain('Электрондук журналдын кагаз көчүрмөсү');
    expect(first['5Б']).toContain('Бумажная копия электронного журнала');
    expect(byClass.documents.map((d) => [d.className, d.documentId.split('-')[3]])).toEqual([
      ['5Б', 'ru'],
      ['8А', 'ky'],
    ]);
    expect(byClass.mergedPdfPath).toMatch(/Q1-school-1\.pdf$/);

    const allRussian = await printSchool(mirror, {
      periodId: school.periodId,
      language: 'ru',
      outDir: tempDir(),
      actor: deputy,
      clock,
      workers: 0,
    });
    for (const title of Object.values(titles(allRussian.documents)))
      expect(title).toContain('Бумажная копия электронного журнала');
    expect(allRussian.mergedPdfPath).toMatch(/Q1-ru-school-1\.pdf$/);
  });

  it('follows the language set for a class, audited', async () => {
    const { mirror } = school;
    const fifth = classId(mirror, 5, 'Б');
    const view = setClassLanguage(mirror, { classId: fifth, language: 'ky' }, admin, clock());
    expect(view).toMatchObject({ className: '5Б', language: 'ky' });
    expect(() => setClassLanguage(mirror, { classId: fifth, language: 'ru' }, deputy, clock())).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    const audit = mirror.sqlite
      .prepare(`SELECT after_json FROM audit_log WHERE action = 'class.language' AND entity_id = ?`)
      .pluck()
      .all(String(fifth));
    expect(audit).toHaveLength(1);
    const printed = await printSchool(mirror, {
      periodId: school.periodId,
      classIds: [fifth],
      outDir: tempDir(),
      actor: deputy,
      clock,
      workers: 0,
    });
    expect(titles(printed.documents)['5Б']).toContain('Электрондук журналдын кагаз көчүрмөсү');
    setClassLanguage(mirror, { classId: fifth, language: 'ru' }, admin, clock());
  });

  it('words a Russian register and inventory of a Kyrgyz school in Russian only', async () => {
    const { mirror } = school;
    const [copy] = (
      await printSchool(mirror, {
        periodId: school.periodId,
        classIds: [school.classId],
        outDir: tempDir(),
        actor: deputy,
        clock,
        workers: 0,
      })
    ).documents;
    addArchiveEntry(mirror, {
      actor: secretary,
      clock,
      classId: school.classId,
      periodId: school.periodId,
      documentTitle: 'Электрондук журналдын кагаз көчүрмөсү',
      documentRef: copy?.documentId ?? null,
      pages: copy?.pages ?? 1,
      receivedOn: '2025-11-07',
      handedOverBy: 'Төлөгөнов Н.',
      receivedBy: 'Алыбаева А.',
    });
    const archive = registerLayout(mirror, { kind: 'archive', language: 'ru', createdAt: clock() });
    const row = archive.rows[0]?.slice(1, 4).join(' | ');
    expect(row).toBe(
      `8А класс | 2025-2026, 1-я четверть | Бумажная копия электронного журнала (${copy?.documentId ?? ''})`,
    );
    const inventory = inventoryLayout(mirror, {
      periodId: school.periodId,
      language: 'ru',
      createdAt: clock(),
    });
    const words = [...(inventory.subtitle ?? []), ...inventory.rows.flatMap((r) => r.slice(2, 4))].join(
      ' | ',
    );
    expect(words).toContain('Бумажная копия электронного журнала');
    expect(words).not.toMatch(kyrgyzOnly);
    const kyArchive = registerLayout(mirror, { kind: 'archive', language: 'ky', createdAt: clock() });
    expect(kyArchive.rows[0]?.slice(1, 4).join(' | ')).toContain('2025-2026, 1-чейрек');
  });
});
