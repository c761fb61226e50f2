import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock';
import { recordHandover, listHandovers } from '../../src/core/registers/handover-log';
import { smallMirror } from '../backup/fixture';
import { tempDir } from '../support/temp-dir';
import { deputy, director, secretary } from '../support/actors';

const clock = fixedClock('2026-03-30T12:00:00Z');

describe('hand-over log of strict reporting documents', () => {
  it('records who handed which documents to whom and when, with staff names from the mirror', () => {
    const mirror = smallMirror(path.join(tempDir(), 'mirror.sqlite'));
    const entry = recordHandover(mirror, {
      actor: deputy,
      clock,
      at: '2026-03-30T08:15:00Z',
      documentIds: ['Q3-2025-8А-ky', 'Q3-2025-5Б-ru'],
      fromStaffId: 2,
      toStaffId: 3,
      pages: 80,
    });
    expect(entry).toMatchObject({
      from_staff_id: 2,
      to_staff_id: 3,
      copies: 2,
      pages: 80,
      description: 'Q3-2025-8А-ky, Q3-2025-5Б-ru',
      at: '2026-03-30T08:15:00.000Z',
    });
    expect(entry.from_name).toMatch(/^Төлөгөнов /);
    expect(entry.to_name).toMatch(/^Смирнов/);
    recordHandover(mirror, {
      actor: secretary,
      clock,
      at: new Date('2026-03-30T11:00:00Z'),
      description: 'Класстык журналдардын 2 көчүрмөсү директорго кол коюуга',
      toName: 'Жумабеков Бакыт',
    });
    const all = listHandovers(mirror);
    expect(all.map((h) => [h.from_name, h.documents.length])).toEqual([
      [entry.from_name, 2],
      [secretary.name, 0],
    ]);
    expect(listHandovers(mirror, { documentRef: 'Q3-2025-5Б-ru' }).map((h) => h.id)).toEqual([entry.id]);
    expect(listHandovers(mirror, { from: '2026-03-30T10:00:00Z' })).toHaveLength(1);
    expect(mirror.all(mirror.db.selectFrom('audit_log').select('action')).map((a) => a.action)).toEqual([
      'handover.record',
      'handover.record',
    ]);
    mirror.close();
  });

  it('refuses a line that says nothing, names no receiver, or comes from a role without the duty', () => {
    const mirror = smallMirror(path.join(tempDir(), 'mirror.sqlite'));
    const base = { clock, at: '2026-03-30T08:15:00Z', toName: 'Смирнова Анна' };
    expect(() => recordHandover(mirror, { ...base, actor: deputy })).toThrow(/documentIds or description/);
    expect(() => recordHandover(mirror, { ...base, actor: deputy, description: 'x', toName: ' ' })).toThrow(
      /toName/,
    );
    expect(() =>
      recordHandover(mirror, { ...base, actor: deputy, description: 'x', at: 'yesterday' }),
    ).toThrow(/at/);
    expect(() => recordHandover(mirror, { ...base, actor: director, description: 'x' })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(listHandovers(mirror)).toEqual([]);
    mirror.close();
  });
});
