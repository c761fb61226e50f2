import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '../../src/core/auth/actor';
import { openMirror, type Mirror } from '../../src/core/db/mirror';

export const deputy: Actor = { userId: 'deputy-1', name: 'Асанова Айгерим', role: 'deputy' };
export const itAdmin: Actor = { userId: 'it-1', name: 'Токтогулов Нурлан', role: 'admin' };
export const secretary: Actor = { userId: 'secretary-1', name: 'Үсөнова Гүлзат', role: 'secretary' };
export const PASSPHRASE = 'Мектеп-95 резерв көчүрмө';

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'moor-'));
}

/** A small mirror with a school, a year, a class and a few pupils: enough to recognise after a restore. */
export function smallMirror(dbPath: string, marker = 'before'): Mirror {
  const mirror = openMirror(dbPath, { create: true });
  mirror.transaction(() => {
    mirror.run(
      mirror.db.insertInto('school').values({
        name_ky: `№95 гимназия (${marker})`,
        name_ru: '№95 гимназия',
        address_ky: '',
        address_ru: '',
        document_language: 'ky',
      }),
    );
    mirror.run(
      mirror.db
        .insertInto('academic_year')
        .values({ id: 1, label: '2025-2026', starts_on: '2025-09-01', ends_on: '2026-05-31' }),
    );
    mirror.run(
      mirror.db.insertInto('reporting_period').values({
        id: 1,
        academic_year_id: 1,
        kind: 'quarter',
        number: 1,
        starts_on: '2025-09-01',
        ends_on: '2025-10-31',
      }),
    );
    mirror.run(
      mirror.db
        .insertInto('class')
        .values({ id: 1, academic_year_id: 1, grade: 7, letter: 'А', language: 'ky' }),
    );
    for (let i = 1; i <= 30; i++) {
      mirror.run(
        mirror.db.insertInto('student').values({ id: i, last_name: `Өмүрбеков${i}`, first_name: 'Үмүт' }),
      );
    }
  });
  return mirror;
}

export function schoolName(dbPath: string): string {
  const mirror = openMirror(dbPath);
  try {
    return mirror.first(mirror.db.selectFrom('school').select('name_ky'))?.name_ky ?? '';
  } finally {
    mirror.close();
  }
}

/** A cheaper scrypt than production's so the suite stays quick; the round-trip test keeps the default. */
export const testKdf = { N: 2 ** 14, r: 8, p: 1 };
