import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeTeacherChecklists } from '../../src/core/checks/print-checklists';
import { runChecks } from '../../src/core/checks/run-checks';
import { createTinySchool, fillCleanQuarter, type TinySchool } from './tiny-school';

let school: TinySchool;

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

beforeEach(() => {
  school = createTinySchool();
  fillCleanQuarter(school);
});
afterEach(() => {
  school.close();
});

describe('printable check list per teacher', () => {
  it('lists each class and subject with what was found, in Kyrgyz and in Russian', async () => {
    const [, , c] = school.students as [number, number, number];
    school.mirror.sqlite
      .prepare('DELETE FROM period_final WHERE student_id = ? AND subject_id = ?')
      .run(c, school.math);
    const lessonId = school.lesson({ date: '2025-10-01', topic: null });
    school.mark({ lessonId, studentId: c, value: 5, enteredAt: '2025-10-02T18:01:00.000Z' });
    school.lesson({ date: '2025-10-02', teacherId: school.teacher.outsider });
    const period = {
      id: school.periodId,
      kind: 'quarter' as const,
      number: 1,
      startsOn: '2025-09-01',
      endsOn: '2025-10-31',
    };
    const report = runChecks(school.mirror, { period, classIds: [school.class5, school.class10] });
    const options = {
      createdAt: '2025-11-03T05:00:00.000Z',
      schoolName: '№ 1 мектеп',
      periodLabel: '1-чейрек',
    };
    const written = await writeTeacherChecklists(school.mirror, report, path.join(school.dir, 'ky'), {
      ...options,
      language: 'ky',
    });
    expect(written.map((w) => [w.teacherName, w.findings])).toEqual([
      ['Асанова Гүлзат', 4],
      ['Петрова Ольга', 0],
      ['Үсөнов Бакыт', 0],
    ]);
    const first = written[0];
    if (!first) throw new Error('no check list');
    const text = pdfText(first.path);
    expect(text).toContain('Жыйынтыктоочу бааларды текшерүү барагы');
    expect(text).toContain('Мугалим: Асанова Гүлзат');
    expect(text).toContain('5А класс — Математика: табылганы: 4');
    expect(text).toContain('Жыйынтыктоочу баа коюлган эмес');
    expect(text).toContain('Осмонов Эмир');
    expect(text).toContain('Баа мөөнөтүнөн кеч коюлган');
    expect(text).toContain('киргизилген 03.10.2025 00:01, мөөнөтү 03.10.2025 00:00');
    expect(text).toContain('Сабактын темасы жазылган эмес');
    expect(text).toContain('өткөргөн: Өмүрбекова Айпери');
    expect(text).toContain('10А класс — Математика: Эч нерсе табылган жок.');
    const ru = await writeTeacherChecklists(school.mirror, report, path.join(school.dir, 'ru'), {
      ...options,
      language: 'ru',
    });
    const ruText = pdfText(ru[0]?.path ?? '');
    expect(ruText).toContain('Лист проверки итоговых отметок');
    expect(ruText).toContain('Не выставлена итоговая отметка');
    expect(ruText).toContain('Замена не отмечена');
  });
});
