import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import type { Actor } from '../../src/core/auth/actor';
import { openMirror, type Mirror } from '../../src/core/db/mirror';
import { createDemoSchool } from '../../src/core/demo/create-demo-school';

export const deputy: Actor = { userId: 'u1', name: 'Асанова А. Б.', role: 'deputy' };

/** A fresh mirror file holding the small demo school (8А in Kyrgyz, 5Б in Russian, full 2025–26 year). */
export function smallSchool(): Mirror {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moor-'));
  const mirror = openMirror(path.join(dir, 'mirror.db'), { create: true });
  createDemoSchool(mirror, { size: 'small' });
  return mirror;
}

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
