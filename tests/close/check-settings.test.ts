import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { putSetting } from '../../src/core/settings/app-settings';
import { checkRulesWith } from '../../src/core/checks/check-rules';
import { confirmCleanTeacherChecks, confirmTeacherCheck, recordChecks } from '../../src/core/close';
import type { TinySchool } from '../checks/tiny-school';
import { deputy } from '../support/actors';
import { clock, expectRefused, startedQuarterClose } from './close-helpers';

let school: TinySchool;
let closeId: number;

beforeEach(() => {
  ({ school, closeId } = startedQuarterClose());
});
afterEach(() => {
  school.close();
});

describe("the close checks by the school's check settings", () => {
  it('flags a final one mark from the average only when the school allows no distance; confirming follows suit', () => {
    const [a] = school.students as [number];
    school.mirror.sqlite
      .prepare(
        "UPDATE period_final SET value = '5', numeric_value = 5 WHERE student_id = ? AND subject_id = ? AND period_id = ?",
      )
      .run(a, school.math, school.periodId);
    expect(recordChecks(school.mirror, closeId, deputy, clock).totals.final_far_from_average).toBe(0);

    putSetting(school.mirror, 'checkRules', checkRulesWith({ finalMaxDistance: 0 }), clock());
    const report = recordChecks(school.mirror, closeId, deputy, clock);
    expect(report.totals.final_far_from_average).toBe(1);
    const flagged = report.items.filter((item) => item.findings.length > 0);
    expect(flagged.map((item) => [item.teacherId, item.classId, item.subjectId])).toEqual([
      [school.teacher.t1, school.class5, school.math],
    ]);
    expectRefused(school.mirror, 'CLOSE_ITEM_HAS_FINDINGS', () =>
      confirmTeacherCheck(
        school.mirror,
        { closeId, teacherId: school.teacher.t1, classId: school.class5 },
        deputy,
        clock,
      ),
    );
    // The other three items (10А mathematics, both English subgroups) are clean under the same settings.
    expect(confirmCleanTeacherChecks(school.mirror, closeId, deputy, clock)).toBe(3);
  });
});
