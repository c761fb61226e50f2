import { afterAll, beforeAll } from 'vitest';
import type { Mirror } from '../../src/core/db/mirror';
import { openSmallSchool } from '../support/schools';

export function classId(mirror: Mirror, grade: number, letter: string): number {
  const row = mirror.first(
    mirror.db.selectFrom('class').select('id').where('grade', '=', grade).where('letter', '=', letter),
  );
  if (!row) throw new Error(`class ${grade}${letter} missing`);
  return row.id;
}

export function quarterId(mirror: Mirror, number: number): number {
  const row = mirror.first(
    mirror.db
      .selectFrom('reporting_period')
      .select('id')
      .where('kind', '=', 'quarter')
      .where('number', '=', number),
  );
  if (!row) throw new Error(`quarter ${number} missing`);
  return row.id;
}

export interface SchoolClassQuarter {
  readonly mirror: Mirror;
  readonly classId: number;
  readonly periodId: number;
}

/**
 * A fresh small school for the tests of the describe block this is called in, with the class and
 * quarter they read. Its fields are filled before the block's first test and the mirror is closed
 * after its last, so read them inside the tests.
 */
export function smallSchoolForBlock(grade: number, letter: string, quarter: number): SchoolClassQuarter {
  const school = {} as { mirror: Mirror; classId: number; periodId: number };
  beforeAll(() => {
    school.mirror = openSmallSchool();
    school.classId = classId(school.mirror, grade, letter);
    school.periodId = quarterId(school.mirror, quarter);
  });
  afterAll(() => {
    school.mirror.close();
  });
  return school;
}
