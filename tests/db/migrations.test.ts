import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openMirror } from '../../src/core/db/mirror';
import { migrations } from '../../src/core/db/migrations';
import { migrate } from '../../src/core/db/migrate';
import { tempDir } from '../support/temp-dir';

function sqliteAt(file: string): Database.Database {
  return new Database(file);
}

describe('migrations', () => {
  it('have unique names in a stable order', () => {
    const names = migrations.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names[0]).toBe('0001_mirror');
    expect([...names].sort()).toEqual(names);
  });

  it('0001 creates the mirror schema that accepts a school year and enforces its rules', () => {
    const sqlite = sqliteAt(path.join(tempDir(), 'm.sqlite'));
    sqlite.pragma('foreign_keys = ON');
    expect(migrate(sqlite, migrations.slice(0, 1))).toEqual(['0001_mirror']);
    sqlite.exec(`
      INSERT INTO academic_year (id, label, starts_on, ends_on) VALUES (1, '2025-2026', '2025-09-01', '2026-05-25');
      INSERT INTO reporting_period (academic_year_id, kind, number, starts_on, ends_on)
        VALUES (1, 'quarter', 1, '2025-09-01', '2025-10-31');
      INSERT INTO staff (id, last_name, first_name, position) VALUES (1, 'Асанова', 'Айгүл', 'teacher');
      INSERT INTO subject (id, code, name_ky, name_ru, short_ky, short_ru)
        VALUES (1, 'algebra', 'Алгебра', 'Алгебра', 'Алг.', 'Алг.');
      INSERT INTO class (id, academic_year_id, grade, letter, language, class_teacher_id) VALUES (1, 1, 8, 'А', 'ky', 1);
      INSERT INTO student (id, last_name, first_name) VALUES (1, 'Үсөнов', 'Өмүр');
      INSERT INTO enrollment (class_id, student_id, joined_on, left_on) VALUES (1, 1, '2025-09-01', '2025-09-30');
      INSERT INTO lesson (id, class_id, subject_id, teacher_id, date, lesson_number, entered_at)
        VALUES (1, 1, 1, 1, '2025-09-02', 1, '2025-09-02T08:00:00Z');
      INSERT INTO mark (lesson_id, student_id, value, numeric_value, mark_type, entered_at, changed_at)
        VALUES (1, 1, 'осв', NULL, 'general', '2025-09-02T08:00:00Z', '2025-09-02T08:00:00Z');
    `);
    const mark = sqlite.prepare('SELECT value FROM mark').get() as { value: string };
    expect(mark.value).toBe('осв');
    expect(() =>
      sqlite.exec(
        "INSERT INTO mark (lesson_id, student_id, value, mark_type, entered_at, changed_at) VALUES (99, 1, '5', 'general', 'x', 'x')",
      ),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      sqlite.exec("INSERT INTO class (academic_year_id, grade, letter, language) VALUES (1, 12, 'Б', 'ky')"),
    ).toThrow(/CHECK/);
    expect(() =>
      sqlite.exec(
        "INSERT INTO attendance (lesson_id, student_id, kind, entered_at) VALUES (1, 1, 'absent', '2025-09-02T08:00:00Z')",
      ),
    ).toThrow(/CHECK/);
    sqlite.close();
  });

  it('each later migration applies over a database at the step before it, keeping its rows', () => {
    for (let step = 1; step < migrations.length; step++) {
      const file = path.join(tempDir(), `step-${step}.sqlite`);
      const before = openMirror(file, { create: true, migrations: migrations.slice(0, step) });
      before.sqlite.exec(`
        INSERT INTO academic_year (id, label, starts_on, ends_on) VALUES (1, '2025-2026', '2025-09-01', '2026-05-25');
        INSERT INTO staff (id, last_name, first_name, position) VALUES (1, 'Асанова', 'Айгүл', 'teacher');
        INSERT INTO student (id, last_name, first_name) VALUES (1, 'Үсөнов', 'Өмүр');
      `);
      before.close();
      const after = openMirror(file, { migrations: migrations.slice(0, step + 1) });
      const names = after.sqlite.prepare('SELECT name FROM schema_migration ORDER BY rowid').pluck().all();
      expect(names).toEqual(migrations.slice(0, step + 1).map((m) => m.name));
      expect(after.sqlite.prepare('SELECT last_name FROM student WHERE id = 1').pluck().get()).toBe('Үсөнов');
      expect(after.sqlite.prepare('SELECT count(*) FROM staff').pluck().get()).toBe(1);
      after.close();
    }
  });

  it('0007 keeps one director signature per printed summary sheet, only of a recorded document', () => {
    const file = path.join(tempDir(), 'signoff.sqlite');
    const before = openMirror(file, { create: true, migrations: migrations.slice(0, 6) });
    before.sqlite.exec(`
      INSERT INTO document (id, kind, language, pages, sha256, data_fingerprint, pdf_path, created_at, created_by)
        VALUES ('Y2025-8А-ky-0a1b2c3d', 'year_summary', 'ky', 1, 'x', 'f', '/p.pdf', '2026-05-30T08:00:00Z', 'Орунбасар');
    `);
    before.close();
    const after = openMirror(file, { migrations: migrations.slice(0, 7) });
    const sign = after.sqlite.prepare(
      `INSERT INTO year_summary_signoff (document_id, signed_on, signed_by, recorded_at)
       VALUES (?, '2026-05-30', 'Директор', '2026-05-30T09:00:00Z')`,
    );
    sign.run('Y2025-8А-ky-0a1b2c3d');
    expect(() => sign.run('Y2025-8А-ky-0a1b2c3d')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => sign.run('no-such-document')).toThrow(/FOREIGN KEY/);
    after.close();
  });

  it('0011 marks a printed summary sheet as a draft, with how many finals it lacked', () => {
    const file = path.join(tempDir(), 'draft.sqlite');
    const before = openMirror(file, { create: true, migrations: migrations.slice(0, 10) });
    before.sqlite.exec(`
      INSERT INTO document (id, kind, language, pages, sha256, data_fingerprint, pdf_path, created_at, created_by)
        VALUES ('YS-2025-8А-ky-0a1b2c3d', 'year_summary', 'ky', 1, 'x', 'f', '/p.pdf', '2026-05-30T08:00:00Z', 'Орунбасар');
    `);
    before.close();
    const after = openMirror(file, { migrations: migrations.slice(0, 11) });
    const mark = after.sqlite.prepare(
      'INSERT INTO year_summary_draft (document_id, missing_finals) VALUES (?, ?)',
    );
    mark.run('YS-2025-8А-ky-0a1b2c3d', 3);
    expect(() => mark.run('no-such-document', 1)).toThrow(/FOREIGN KEY/);
    expect(() => mark.run('YS-2025-8А-ky-0a1b2c3d', 0)).toThrow(/CHECK|UNIQUE|PRIMARY/);
    after.close();
  });

  it('a failing migration leaves the database at the last complete step', () => {
    const file = path.join(tempDir(), 'fail.sqlite');
    const broken = {
      name: '9999_broken',
      up: (db: Database.Database) => db.exec('CREATE TABLE x (a); SELECT * FROM nope'),
    };
    expect(() => openMirror(file, { create: true, migrations: [...migrations, broken] })).toThrow(/nope/);
    const sqlite = sqliteAt(file);
    const names = sqlite.prepare('SELECT name FROM schema_migration').pluck().all();
    expect(names).toEqual(migrations.map((m) => m.name));
    expect(sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'x'").pluck().get()).toBe(0);
    sqlite.close();
  });
});
