import { describe, expect, it } from 'vitest';
import { backupFraction } from '../../src/core/app/read/close-files';
import { signatureSheetLayout } from '../../src/core/app/read/signature-sheet';
import type { CloseBoard, CloseItemView } from '../../src/shared/views';

function item(id: number, fields: Partial<CloseItemView>): CloseItemView {
  return {
    id,
    day: 3,
    kind: 'subject_signature',
    status: 'open',
    classId: 1,
    className: '8А',
    subjectId: id,
    subjectName: null,
    teacherId: 1,
    teacherName: 'Үсөнов Өмүр',
    findings: null,
    doneAt: null,
    signedOn: null,
    voided: false,
    ...fields,
  };
}

const board: CloseBoard = {
  closeId: 3,
  period: { id: 1, kind: 'quarter', number: 1, startsOn: '2025-09-01', endsOn: '2025-10-31' },
  status: 'open',
  startedAt: '2025-11-03T08:00:00.000Z',
  completedAt: null,
  currentDay: 3,
  classes: ['8А'],
  days: [],
  items: [
    item(1, { subjectName: 'Кыргыз тили', status: 'done', signedOn: '2025-11-04' }),
    item(2, { subjectName: 'География', status: 'voided', voided: true }),
    item(3, { subjectName: 'Физика', teacherId: 2, teacherName: 'Токтогулова Айдана' }),
    item(4, {
      day: 4,
      kind: 'title_certification',
      subjectId: null,
      teacherId: 2,
      teacherName: 'Токтогулова Айдана',
    }),
    item(5, { day: 5, kind: 'handover', classId: null, className: null, teacherId: null, teacherName: null }),
  ],
  changedSincePrint: [],
  secretaries: [],
};

const options = {
  schoolName: '№ 1 орто мектеп',
  deputyName: 'Сыдыкова Гүлнара',
  createdAt: '2025-11-05T09:00:00.000Z',
  subjectNames: new Map<number, string>(),
};

describe('the printed signature tracker', () => {
  it('lists every page and title page by teacher, with the date signed and the void ones to sign again', () => {
    const layout = signatureSheetLayout(board, {
      ...options,
      language: 'ky',
      teacherId: null,
      outstandingOnly: false,
    });
    expect(layout.id).toBe('SIGN-Q1-3-ky');
    expect(layout.subtitle).toEqual(['№ 1 орто мектеп', '1-чейрек (01.09.2025 – 31.10.2025)']);
    expect(layout.rows).toEqual([
      [1, 'Токтогулова Айдана', '8А', 'Титулдук барак', 'күтүүдө', '', ''],
      [2, 'Токтогулова Айдана', '8А', 'Физика', 'күтүүдө', '', ''],
      [3, 'Үсөнов Өмүр', '8А', 'География', 'кайра керек: көчүрмө кайра басылды', '', ''],
      [4, 'Үсөнов Өмүр', '8А', 'Кыргыз тили', 'кол коюлду', '04.11.2025', ''],
    ]);
  });

  it("prints one teacher's outstanding pages in Russian, the voided one among them", () => {
    const layout = signatureSheetLayout(board, {
      ...options,
      language: 'ru',
      teacherId: 1,
      outstandingOnly: true,
    });
    expect(layout.title).toBe('Неподписанные страницы');
    expect(layout.subtitle).toContain('Учитель: Үсөнов Өмүр');
    expect(layout.rows).toEqual([
      [1, 'Үсөнов Өмүр', '8А', 'География', 'нужна заново: копия перепечатана', '', ''],
    ]);
  });
});

describe("the backup job's single progress bar", () => {
  it('moves forward through snapshot, write and verify and ends full', () => {
    const steps = (['snapshot', 'write', 'verify'] as const).flatMap((phase) =>
      [0, 1, 2].map((done) => backupFraction({ phase, done, total: 2 })),
    );
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBe(1);
    expect(backupFraction({ phase: 'write', done: 0, total: 0 })).toBe(0.75);
  });
});
