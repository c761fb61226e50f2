import { createHash } from 'node:crypto';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openMirror, type Mirror } from '../../src/core/db/mirror';
import { createDemoSchool } from '../../src/core/demo/create-demo-school';
import { schoolTables } from '../../src/core/db/journal-tables';
import { faultRates } from '../../src/core/demo/faults';
import { generateDemoDataset } from '../../src/core/demo/generate-dataset';
import { MoorError } from '../../src/core/errors';
import { tempDir } from '../support/temp-dir';

function contentHash(mirror: Mirror): string {
  const hash = createHash('sha256');
  for (const table of schoolTables) {
    for (const row of mirror.sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().all()) {
      hash.update(JSON.stringify(row));
    }
  }
  return hash.digest('hex');
}

function scalar(mirror: Mirror, sql: string): number {
  return mirror.sqlite.prepare(sql).pluck().get() as number;
}

describe('demo school generator: determinism', () => {
  it('gives the same content for the same seed, and another for another seed', () => {
    const dir = tempDir();
    const hashes = [11, 11, 12].map((seed, i) => {
      const mirror = openMirror(path.join(dir, `s${i}.sqlite`), { create: true });
      createDemoSchool(mirror, { size: 'small', seed });
      const hash = contentHash(mirror);
      mirror.close();
      return hash;
    });
    expect(hashes[0]).toBe(hashes[1]);
    expect(hashes[2]).not.toBe(hashes[0]);
  });

  it('refuses to write into a mirror that already holds a school', () => {
    const mirror = openMirror(path.join(tempDir(), 'm.sqlite'), { create: true });
    createDemoSchool(mirror, { size: 'small' });
    expect(() => createDemoSchool(mirror, { size: 'small' })).toThrow(MoorError);
    expect(scalar(mirror, 'SELECT count(*) FROM school')).toBe(1);
    mirror.close();
  });
});

describe('demo school generator: realism of the medium school', () => {
  let mirror: Mirror;
  beforeAll(() => {
    mirror = openMirror(path.join(tempDir(), 'medium.sqlite'), { create: true });
    createDemoSchool(mirror, { size: 'medium' });
    return () => {
      mirror.close();
    };
  });

  it('has about 800 students in 30 classes of grades 1–11, in Kyrgyz and Russian', () => {
    expect(scalar(mirror, 'SELECT count(*) FROM class')).toBe(30);
    expect(scalar(mirror, 'SELECT count(*) FROM student')).toBeGreaterThan(720);
    expect(scalar(mirror, 'SELECT count(*) FROM student')).toBeLessThan(900);
    expect(scalar(mirror, 'SELECT count(DISTINCT grade) FROM class')).toBe(11);
    expect(scalar(mirror, "SELECT count(*) FROM class WHERE language = 'ru'")).toBeGreaterThan(5);
    expect(scalar(mirror, 'SELECT count(*) FROM class WHERE class_teacher_id IS NULL')).toBe(0);
    expect(scalar(mirror, "SELECT count(*) FROM student WHERE last_name GLOB '*[ҢңӨөҮү]*'")).toBeGreaterThan(
      0,
    );
  });

  it('does not mark grade 1 and lays lessons only on school days', () => {
    expect(
      scalar(
        mirror,
        'SELECT count(*) FROM mark JOIN lesson l ON l.id = mark.lesson_id JOIN class c ON c.id = l.class_id WHERE c.grade = 1',
      ),
    ).toBe(0);
    expect(scalar(mirror, "SELECT count(*) FROM lesson WHERE strftime('%w', date) = '0'")).toBe(0);
    expect(
      scalar(
        mirror,
        'SELECT count(*) FROM lesson l JOIN holiday h ON l.date BETWEEN h.starts_on AND h.ends_on',
      ),
    ).toBe(0);
  });

  it('gives marks and absences only to students enrolled on the lesson day', () => {
    expect(
      scalar(
        mirror,
        `SELECT count(*) FROM mark m JOIN lesson l ON l.id = m.lesson_id
         JOIN enrollment e ON e.student_id = m.student_id AND e.class_id = l.class_id
         WHERE l.date < e.joined_on OR (e.left_on IS NOT NULL AND l.date > e.left_on)`,
      ),
    ).toBe(0);
    const left = scalar(mirror, 'SELECT avg(left_on IS NOT NULL) FROM enrollment');
    expect(left).toBeGreaterThan(faultRates.studentLeaves / 2);
    expect(left).toBeLessThan(faultRates.studentLeaves * 2);
  });

  it('has each journal fault at its stated rate', () => {
    const rate = (sql: string): number => scalar(mirror, sql);
    const between = (value: number, expected: number): void => {
      expect(value).toBeGreaterThan(expected * 0.6);
      expect(value).toBeLessThan(expected * 1.4);
    };
    between(rate('SELECT avg(previous_value IS NOT NULL) FROM mark'), faultRates.correctedMark);
    between(rate('SELECT avg(topic IS NULL) FROM lesson'), faultRates.lessonWithoutTopic);
    between(
      rate('SELECT avg(homework IS NULL) FROM lesson l JOIN class c ON c.id = l.class_id WHERE c.grade >= 2'),
      faultRates.lessonWithoutHomework,
    );
    between(
      rate(`SELECT avg(CASE WHEN m.mark_type IN ('control', 'write', 'test', 'exam')
                 THEN julianday(m.entered_at) - julianday(l.date) > 5
                 ELSE julianday(m.entered_at) - julianday(l.date) > 1 END)
            FROM mark m JOIN lesson l ON l.id = m.lesson_id`),
      faultRates.lateMark,
    );
    between(
      rate(`SELECT avg(l.is_substitution = 0 AND NOT EXISTS (
              SELECT 1 FROM teaching_assignment t WHERE t.class_id = l.class_id AND t.subject_id = l.subject_id
                AND t.subgroup_id IS l.subgroup_id AND t.teacher_id = l.teacher_id)) FROM lesson l`),
      faultRates.substitution * faultRates.unrecordedSubstitutionShare,
    );
    between(
      rate(`SELECT avg(pf.id IS NULL)
            FROM enrollment e JOIN class c ON c.id = e.class_id
            JOIN (SELECT DISTINCT class_id, subject_id FROM teaching_assignment) ta ON ta.class_id = c.id
            JOIN reporting_period p ON p.kind = 'quarter'
            LEFT JOIN period_final pf ON pf.student_id = e.student_id AND pf.subject_id = ta.subject_id AND pf.period_id = p.id
            WHERE c.grade BETWEEN 2 AND 9 AND e.joined_on <= p.ends_on AND (e.left_on IS NULL OR e.left_on >= p.ends_on)`),
      faultRates.missingFinal,
    );
  });

  it('puts numeric finals near the current marks, but a few far from them', () => {
    const far = scalar(
      mirror,
      `SELECT avg(abs(pf.numeric_value - round(a.average)) >= 2) FROM period_final pf
       JOIN reporting_period p ON p.id = pf.period_id AND p.kind = 'quarter'
       JOIN (SELECT m.student_id, l.subject_id, p2.id AS period_id, avg(m.numeric_value) AS average
             FROM mark m JOIN lesson l ON l.id = m.lesson_id
             JOIN reporting_period p2 ON p2.kind = 'quarter' AND l.date BETWEEN p2.starts_on AND p2.ends_on
             GROUP BY 1, 2, 3) a
         ON a.student_id = pf.student_id AND a.subject_id = pf.subject_id AND a.period_id = pf.period_id
       WHERE pf.numeric_value IS NOT NULL`,
    );
    expect(far).toBeGreaterThan(faultRates.finalFarFromAverage * 0.6);
    expect(far).toBeLessThan(faultRates.finalFarFromAverage * 1.6);
  });

  it('leaves some students with no or one mark in a subject and quarter', () => {
    const sparse = scalar(
      mirror,
      `WITH counts AS (
         SELECT m.student_id, l.subject_id, p.id AS period_id, count(*) AS n
         FROM mark m JOIN lesson l ON l.id = m.lesson_id
         JOIN reporting_period p ON p.kind = 'quarter' AND l.date BETWEEN p.starts_on AND p.ends_on
         GROUP BY 1, 2, 3)
       SELECT avg(coalesce(c.n, 0) <= 1)
       FROM period_final pf JOIN reporting_period p ON p.id = pf.period_id AND p.kind = 'quarter'
       LEFT JOIN counts c ON c.student_id = pf.student_id AND c.subject_id = pf.subject_id AND c.period_id = pf.period_id`,
    );
    // The injected rate plus the students of one-hour subjects who simply had few marks.
    expect(sparse).toBeGreaterThan(faultRates.sparseMarks);
    expect(sparse).toBeLessThan(faultRates.sparseMarks * 2.5);
  });
});

describe('demo school generator: sizes', () => {
  it('the large school holds a full year: about 100k lessons and 1M marks and absences', () => {
    const data = generateDemoDataset('large');
    expect(data.class).toHaveLength(100);
    expect(data.student).toHaveLength(3000);
    expect(data.lesson.length).toBeGreaterThan(90_000);
    expect(data.lesson.length).toBeLessThan(130_000);
    const marksAndAbsences = data.mark.length + data.attendance.length;
    expect(marksAndAbsences).toBeGreaterThan(900_000);
    expect(marksAndAbsences).toBeLessThan(1_300_000);
  });
});
