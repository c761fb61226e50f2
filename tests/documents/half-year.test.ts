import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock';
import type { Mirror } from '../../src/core/db/mirror';
import { printClassCopy, printYearSummary } from '../../src/core/documents';
import { buildClassCopy } from '../../src/core/documents/class-copy/build-class-copy';
import { buildYearSummary } from '../../src/core/documents/year-summary/build-year-summary';
import { paginate } from '../../src/core/documents/layout/paginate';
import type { TableBlock } from '../../src/core/documents/layout/model';
import { loadClassJournal } from '../../src/core/journal/class-journal';
import { loadYearSummary } from '../../src/core/journal/year-summary';
import { putSetting } from '../../src/core/settings/app-settings';
import { defaultCheckRules } from '../../src/core/settings/journal-rule-defaults';
import { quarterId, smallSchoolForBlock } from '../journal/small-school';
import { deputy } from '../support/actors';
import { tempDir } from '../support/temp-dir';
import { giveMissingYearFinals, pdfPagesText, squash } from './helpers';

const clock = fixedClock('2026-01-10T08:00:00Z');

function periodId(mirror: Mirror, kind: 'half_year' | 'year', number: number): number {
  const row = mirror.first(
    mirror.db
      .selectFrom('reporting_period')
      .select('id')
      .where('kind', '=', kind)
      .where('number', '=', number),
  );
  if (!row) throw new Error(`${kind} ${number} missing`);
  return row.id;
}

/**
 * The small school's 8А, made a class marked by half-year as grades 10–11 are by default: its
 * quarter finals go, and the first half-year's finals are the quarter 2 finals moved there.
 */
function markEighthByHalfYear(mirror: Mirror, classId: number): void {
  putSetting(mirror, 'checkRules', { ...defaultCheckRules, halfYearGrades: [8, 10, 11] }, clock());
  const q2 = quarterId(mirror, 2);
  mirror.sqlite
    .prepare('UPDATE period_final SET period_id = ? WHERE class_id = ? AND period_id = ?')
    .run(periodId(mirror, 'half_year', 1), classId, q2);
  mirror.sqlite
    .prepare(
      `DELETE FROM period_final WHERE class_id = ?
       AND period_id IN (SELECT id FROM reporting_period WHERE kind = 'quarter')`,
    )
    .run(classId);
}

function tables(spec: ReturnType<typeof buildClassCopy>): TableBlock[] {
  return spec.sections.flatMap((s) => s.blocks.filter((b): b is TableBlock => b.kind === 'table'));
}

describe('a class marked by half-year', () => {
  const school = smallSchoolForBlock(8, 'А', 1);
  const options = { id: 'test', fingerprint: 'a'.repeat(64), createdAt: '2026-01-10T08:00:00.000Z' };

  it('prints no finals grid after the 1st quarter, and says the class is marked by half-year', async () => {
    markEighthByHalfYear(school.mirror, school.classId);
    const journal = loadClassJournal(school.mirror, school.classId, school.periodId);
    expect(journal.markedByHalfYear).toEqual({ number: 1, finalsGiven: false });
    const spec = buildClassCopy(journal, { ...options, language: 'ky' });
    for (const table of tables(spec)) expect(table.columns.map((c) => c.header)).not.toContain('Жыйын.');
    const finals = spec.sections.at(-2);
    expect(finals?.blocks.some((b) => b.kind === 'table')).toBe(false);

    const copy = await printClassCopy(school.mirror, {
      classId: school.classId,
      periodId: school.periodId,
      language: 'ru',
      outDir: tempDir(),
      actor: deputy,
      clock,
    });
    const text = squash(pdfPagesText(copy.pdfPath).join(' '));
    expect(text).toContain(
      'Класс аттестуется по полугодиям: итоговые отметки за 1-е полугодие выставляются в конце полугодия.',
    );
    expect(text).not.toContain('Итог.');
    expect(text).not.toContain('Итоговые отметки за 1-ю четверть');
  });

  it('shows the half-year finals on the 2nd quarter copy, in the grid and on the finals page', async () => {
    const q2 = quarterId(school.mirror, 2);
    const journal = loadClassJournal(school.mirror, school.classId, q2);
    expect(journal.markedByHalfYear).toEqual({ number: 1, finalsGiven: true });
    const given = school.mirror.sqlite
      .prepare('SELECT COUNT(*) AS n FROM period_final WHERE class_id = ? AND period_id = ?')
      .get(school.classId, periodId(school.mirror, 'half_year', 1)) as { n: number };
    expect(journal.subjects.flatMap((s) => s.finals).filter((f) => f.value !== null).length).toBeGreaterThan(
      0,
    );
    expect(given.n).toBeGreaterThan(0);
    const spec = buildClassCopy(journal, { ...options, language: 'ky' });
    const grid = tables(spec)[1];
    expect(grid?.columns.at(-1)?.header).toBe('I ж/ж');

    const copy = await printClassCopy(school.mirror, {
      classId: school.classId,
      periodId: q2,
      language: 'ky',
      outDir: tempDir(),
      actor: deputy,
      clock,
    });
    const pages = pdfPagesText(copy.pdfPath).map(squash);
    const finalsPage = pages.find((p) => p.includes('1-жарым жылдыктын жыйынтыктоочу баалары'));
    expect(finalsPage).toBeDefined();
    expect(pages.join(' ')).not.toContain('2-чейректин жыйынтыктоочу баалары');
  });

  it("gives the summary sheet the class's half-years and the year, each subject whole on one page", async () => {
    const summary = loadYearSummary(school.mirror, school.classId, 1);
    expect(summary.periods.map((p) => `${p.kind}${p.number}`)).toEqual(['half_year1', 'half_year2', 'year1']);
    const spec = buildYearSummary(summary, { ...options, language: 'ru' });
    const pages = paginate(spec);
    const subjects = new Set(summary.subjects.map((s) => s.shortRu));
    const seen: string[] = [];
    // On every page, each subject's header stands over its two half-years and its year mark.
    for (const page of pages) {
      const words = page.texts.map((t) => t.text);
      const here = words.filter((w) => subjects.has(w));
      expect(words.filter((w) => w === 'Годовая')).toHaveLength(here.length);
      expect(words.filter((w) => /^I+ п\/г$/.test(w))).toHaveLength(here.length * 2);
      seen.push(...here);
    }
    expect(new Set(seen)).toEqual(subjects);
    giveMissingYearFinals(school.mirror);
    const printed = await printYearSummary(school.mirror, {
      classId: school.classId,
      academicYearId: 1,
      language: 'ru',
      outDir: tempDir(),
      actor: deputy,
      clock,
    });
    const text = squash(pdfPagesText(printed.pdfPath).join(' '));
    expect(text).toContain('I п/г II п/г Годовая');
    expect(text).not.toMatch(/ III | IV /);
  });
});
