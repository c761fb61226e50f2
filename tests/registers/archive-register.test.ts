import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock';
import type { Mirror } from '../../src/core/db/mirror';
import {
  addArchiveEntry,
  type ArchiveEntryInput,
  listArchiveRegister,
  updateArchiveEntry,
} from '../../src/core/registers/archive-register';
import { folderInventory } from '../../src/core/registers/folder-inventory';
import { smallMirror } from '../backup/fixture';
import { tempDir } from '../support/temp-dir';
import { deputy, secretary } from '../support/actors';

const clock = fixedClock('2026-03-30T10:00:00Z');

function copy(overrides: Partial<ArchiveEntryInput> = {}): ArchiveEntryInput {
  return {
    actor: secretary,
    clock,
    classId: 1,
    periodId: 3,
    documentTitle: 'Класстык журналдын кагаз көчүрмөсү',
    documentRef: 'Q3-2025-8А-ky',
    pages: 42,
    receivedOn: '2026-03-30',
    handedOverBy: 'Төлөгөнов Нурлан',
    receivedBy: 'Смирнова Анна',
    directorSigned: true,
    stamped: true,
    stitched: false,
    folderNumber: '03-2026',
    storagePlace: 'Архив, шкаф 2',
    retentionUntil: '2031-06-30',
    ...overrides,
  };
}

describe('archive register', () => {
  let mirror: Mirror;
  beforeEach(() => {
    mirror = smallMirror(path.join(tempDir(), 'mirror.sqlite'));
  });

  it('numbers per year of receipt, from 1 again in a new year', () => {
    const a = addArchiveEntry(mirror, copy({ receivedOn: '2025-12-29', periodId: 2 }));
    const b = addArchiveEntry(mirror, copy({ receivedOn: '2025-12-30', periodId: 2, classId: 2 }));
    const c = addArchiveEntry(mirror, copy({ receivedOn: '2026-01-05', periodId: 5 }));
    const d = addArchiveEntry(mirror, copy());
    expect([a, b, c, d].map((e) => [e.year, e.number])).toEqual([
      [2025, 1],
      [2025, 2],
      [2026, 1],
      [2026, 2],
    ]);
    expect(a.class_label).toBe('8А класс');
    expect(a.period_label).toBe('2025-2026, 2-чейрек');
    expect(a.academic_year_id).toBe(1);
  });

  it('takes a number given by hand, refuses one already used, and lets the secretary correct it', () => {
    const first = addArchiveEntry(mirror, copy({ number: 15 }));
    expect(first.number).toBe(15);
    expect(addArchiveEntry(mirror, copy()).number).toBe(16);
    expect(() => addArchiveEntry(mirror, copy({ number: 15 }))).toThrow(
      expect.objectContaining({ code: 'ARCHIVE_NUMBER_TAKEN' }),
    );
    expect(() => updateArchiveEntry(mirror, first.id, { number: 16 }, secretary, clock)).toThrow(
      expect.objectContaining({ code: 'ARCHIVE_NUMBER_TAKEN' }),
    );
    const changed = updateArchiveEntry(mirror, first.id, { number: 3, stitched: true }, secretary, clock);
    expect([changed.number, changed.stitched, changed.pages]).toEqual([3, 1, 42]);
    const audit = mirror.all(mirror.db.selectFrom('audit_log').select('action').orderBy('id'));
    expect(audit.map((a) => a.action)).toEqual(['archive.add', 'archive.add', 'archive.update']);
  });

  it('only the secretary keeps the register, and bad input names the field', () => {
    expect(() => addArchiveEntry(mirror, copy({ actor: deputy }))).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => addArchiveEntry(mirror, copy({ receivedOn: '30.03.2026' }))).toThrow(/receivedOn/);
    expect(() => addArchiveEntry(mirror, copy({ pages: -1 }))).toThrow(/pages/);
    expect(() => addArchiveEntry(mirror, copy({ classId: 999 }))).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(() => addArchiveEntry(mirror, copy({ classId: null }))).toThrow(/classLabel/);
    expect(listArchiveRegister(mirror)).toEqual([]);
  });

  it('finds lines by filters and by words in any case, Cyrillic included', () => {
    addArchiveEntry(mirror, copy());
    addArchiveEntry(
      mirror,
      copy({ classId: 2, documentRef: 'Q3-2025-5Б-ru', storagePlace: 'Архив, шкаф 3' }),
    );
    addArchiveEntry(
      mirror,
      copy({ periodId: 7, receivedOn: '2026-06-01', stamped: false, folderNumber: '06-2026' }),
    );
    expect(listArchiveRegister(mirror, { classId: 2 }).map((r) => r.document_ref)).toEqual(['Q3-2025-5Б-ru']);
    expect(listArchiveRegister(mirror, { periodId: 3 })).toHaveLength(2);
    expect(listArchiveRegister(mirror, { folderNumber: '06-2026' })).toHaveLength(1);
    expect(listArchiveRegister(mirror, { incomplete: true })).toHaveLength(3);
    expect(listArchiveRegister(mirror, { search: 'ШКАФ 5б' })).toHaveLength(1);
    expect(listArchiveRegister(mirror, { search: '8а' })).toHaveLength(2);
    expect(listArchiveRegister(mirror, { search: 'ОКУУ 8а' }).map((r) => r.period_id)).toEqual([7]);
    expect(listArchiveRegister(mirror, { receivedFrom: '2026-04-01' })).toHaveLength(1);
  });

  it('lists a folder’s inventory in class order, with its page total and the classes still missing', () => {
    addArchiveEntry(mirror, copy({ classId: 1, pages: 40 }));
    const empty = folderInventory(mirror, { academicYearId: 1, periodId: 4 });
    expect(empty.lines).toEqual([]);
    expect(empty.classesMissing.map((c) => `${c.grade}${c.letter}`)).toEqual(['5Б', '8А']);
    addArchiveEntry(mirror, copy({ classId: 2, pages: 38, folderNumber: '03-2026' }));
    const inventory = folderInventory(mirror, { academicYearId: 1, periodId: 3 });
    expect(inventory.periodLabel).toBe('2025-2026, 3-чейрек');
    expect(inventory.lines.map((l) => [l.position, l.classLabel, l.pages])).toEqual([
      [1, '5Б класс', 38],
      [2, '8А класс', 40],
    ]);
    expect(inventory.totalPages).toBe(78);
    expect(inventory.folderNumbers).toEqual(['03-2026']);
    expect(inventory.classesMissing).toEqual([]);
    expect(() => folderInventory(mirror, { academicYearId: 2, periodId: 3 })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});
