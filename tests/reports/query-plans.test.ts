import { afterEach, describe, expect, it } from 'vitest';
import type { Compilable } from 'kysely';
import type { Mirror } from '../../src/core/db/mirror';
import { reportContext } from '../../src/core/reports/context';
import { marksAsOfQuery } from '../../src/core/reports/forecast-data';
import { lessonFactsQuery } from '../../src/core/reports/lesson-facts';
import { clock, constructedSchool } from './constructed-school';

let mirror: Mirror | undefined;
afterEach(() => mirror?.close());

function plan(db: Mirror, query: Compilable): string {
  const compiled = query.compile();
  const rows = db.sqlite.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...compiled.parameters) as {
    detail: string;
  }[];
  return rows.map((r) => r.detail).join('\n');
}

/**
 * The hot reads of the period report must reach a period's lessons through the date index and
 * their marks and absences through the lesson indexes: a scan of the mark table is a million rows.
 */
describe('query plans of the hot report reads', () => {
  it('reads the period lesson by lesson, marks and absences by their lesson', () => {
    mirror = constructedSchool().mirror;
    const facts = plan(mirror, lessonFactsQuery(reportContext(mirror, { period: '1' }, clock)));
    expect(facts).toMatch(/SEARCH lesson USING INDEX lesson_date/);
    expect(facts).toMatch(/SEARCH mark USING (COVERING )?INDEX mark_lesson/);
    expect(facts).toMatch(/SEARCH a USING (COVERING )?INDEX sqlite_autoindex_attendance/);
    expect(facts).not.toMatch(/SCAN (mark|attendance)/);
  });

  it('reads the marks of a forecast window through the lesson date and mark indexes', () => {
    mirror = constructedSchool().mirror;
    const marks = plan(
      mirror,
      marksAsOfQuery(mirror, { from: '2025-09-15', asOf: '2025-09-17', classId: null, subjectId: null }),
    );
    expect(marks).toMatch(/SEARCH lesson USING INDEX lesson_date/);
    expect(marks).toMatch(/SEARCH mark USING INDEX mark_lesson/);
    expect(marks).not.toMatch(/SCAN mark/);
  });
});
