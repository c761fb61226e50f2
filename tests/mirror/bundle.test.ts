import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Mirror } from '../../src/core/db/mirror';
import { MoorError } from '../../src/core/errors';
import { collectBundle } from '../../src/core/mirror/bundle/export';
import { bundleJsonSchema } from '../../src/core/mirror/bundle/json-schema';
import { listChanges } from '../../src/core/mirror/changes';
import { freezePeriod } from '../../src/core/mirror/frozen';
import { exportBundleFile, syncBundleFile } from '../../src/core/mirror/sync-bundle';
import { tempDir } from '../support/temp-dir';
import { openSmallSchool } from '../support/schools';
import { context, emptyMirror, fingerprint } from './helpers';

let dir: string;
let source: Mirror;
const opened: Mirror[] = [];

function track(mirror: Mirror): Mirror {
  opened.push(mirror);
  return mirror;
}

beforeEach(() => {
  dir = tempDir();
  source = track(openSmallSchool(path.join(dir, 'source.db')));
});
afterEach(() => {
  for (const m of opened.splice(0)) m.close();
});

function exportTo(mirror: Mirror, name: string, range?: { from: string; to: string }): string {
  const file = path.join(dir, name);
  exportBundleFile(mirror, file, new Date('2025-11-20T08:00:00Z'), range);
  return file;
}

function journalTables(mirror: Mirror) {
  const { tables } = collectBundle(mirror, new Date(0));
  const { sync_run: _runs, mirror_change: _changes, ...journal } = tables;
  return journal;
}

describe('bundle export and import', () => {
  it('round-trips the whole demo school without loss', () => {
    const file = exportTo(source, 'school.json');
    const target = track(emptyMirror(dir));
    const result = syncBundleFile(target, file, context());
    expect(result.added).toBeGreaterThan(20_000);
    expect(result.changed + result.removed).toBe(0);
    expect(journalTables(target)).toEqual(journalTables(source));
    const again = syncBundleFile(target, file, context('2025-11-21T09:00:00Z'));
    expect([again.added, again.changed, again.removed]).toEqual([0, 0, 0]);
    expect(target.sqlite.prepare('SELECT count(*) AS n FROM sync_run').get()).toEqual({ n: 2 });
    const audit = target.sqlite
      .prepare("SELECT action, entity FROM audit_log WHERE action = 'mirror.sync'")
      .all();
    expect(audit).toHaveLength(2);
  });

  it('carries the change history to a new mirror', () => {
    const file = exportTo(source, 'v1.json');
    const first = track(emptyMirror(dir, 'first.db'));
    syncBundleFile(first, file, context());
    source.sqlite.prepare("UPDATE mark SET value = '2', numeric_value = 2 WHERE id = 1").run();
    syncBundleFile(first, exportTo(source, 'v2.json'), context('2025-11-21T09:00:00Z'));
    const carried = track(emptyMirror(dir, 'carried.db'));
    syncBundleFile(carried, exportTo(first, 'with-history.json'), context('2025-11-22T09:00:00Z'));
    const strip = (mirror: Mirror) => listChanges(mirror).map(({ id: _id, ...c }) => c);
    expect(strip(carried)).toEqual(strip(first));
    expect(strip(carried).map((c) => c.kind)).toContain('mark_changed');
  });

  it('keeps marks corrected, removed and finals changed between syncs, and flags frozen periods', () => {
    const target = track(emptyMirror(dir));
    syncBundleFile(target, exportTo(source, 'v1.json'), context());
    const mark = source.sqlite
      .prepare<[], { id: number; value: string; lesson_id: number }>(
        "SELECT m.id, m.value, m.lesson_id FROM mark m JOIN lesson l ON l.id = m.lesson_id WHERE l.date < '2025-10-01' AND m.value = '4' LIMIT 1",
      )
      .get();
    const removed = source.sqlite
      .prepare<[], { id: number }>("SELECT id FROM mark WHERE value = '3' ORDER BY id DESC LIMIT 1")
      .get();
    const final = source.sqlite
      .prepare<[], { id: number; class_id: number; period_id: number }>(
        "SELECT id, class_id, period_id FROM period_final WHERE value = '4' LIMIT 1",
      )
      .get();
    if (!mark || !removed || !final) throw new Error('demo school lacks the rows this test changes');
    source.sqlite.prepare("UPDATE mark SET value = '5', numeric_value = 5 WHERE id = ?").run(mark.id);
    source.sqlite.prepare('DELETE FROM mark WHERE id = ?').run(removed.id);
    source.sqlite
      .prepare("UPDATE period_final SET value = '5', numeric_value = 5 WHERE id = ?")
      .run(final.id);
    target.transaction(() => {
      freezePeriod(target, { classId: final.class_id, periodId: final.period_id }, new Date());
    });

    const result = syncBundleFile(target, exportTo(source, 'v2.json'), context('2025-11-25T10:00:00Z'));
    expect([result.added, result.changed, result.removed]).toEqual([0, 2, 1]);
    const changes = listChanges(target);
    expect(changes.find((c) => c.kind === 'mark_changed')).toMatchObject({
      entity: 'mark',
      entityId: mark.id,
      before: '4',
      after: '5',
      seenAt: '2025-11-25T10:00:00.000Z',
    });
    expect(changes.find((c) => c.kind === 'mark_removed')).toMatchObject({
      entityId: removed.id,
      before: '3',
    });
    expect(changes.find((c) => c.kind === 'final_changed')).toMatchObject({
      entityId: final.id,
      before: '4',
      after: '5',
      periodId: final.period_id,
    });
    expect(
      changes.filter((c) => c.kind === 'frozen_data_changed' && c.entity === 'period_final'),
    ).toHaveLength(1);
    expect(listChanges(target, { since: '2025-11-26' })).toHaveLength(0);
    expect(listChanges(target, { kinds: ['mark_removed'] })).toHaveLength(1);
    expect(listChanges(target, { periodId: final.period_id }).map((c) => c.kind)).toContain('final_changed');
  });

  it('re-syncs one week from a scoped bundle and leaves the rest alone', () => {
    const target = track(emptyMirror(dir));
    syncBundleFile(target, exportTo(source, 'v1.json'), context());
    const week = { from: '2025-10-06', to: '2025-10-12' };
    source.sqlite
      .prepare(
        `DELETE FROM mark WHERE id = (SELECT m.id FROM mark m JOIN lesson l ON l.id = m.lesson_id
           WHERE l.date BETWEEN ? AND ? ORDER BY m.id LIMIT 1)`,
      )
      .run(week.from, week.to);
    const before = target.sqlite.prepare('SELECT count(*) AS n FROM mark').get() as { n: number };
    const result = syncBundleFile(target, exportTo(source, 'week.json', week), context());
    expect([result.added, result.changed, result.removed]).toEqual([0, 0, 1]);
    expect(target.sqlite.prepare('SELECT count(*) AS n FROM mark').get()).toEqual({ n: before.n - 1 });
    expect(journalTables(target)).toEqual(journalTables(source));
  });

  it('documents exactly the schema the importer checks', () => {
    const documented: unknown = JSON.parse(fs.readFileSync(path.join('docs', 'bundle.schema.json'), 'utf8'));
    expect(documented).toEqual(bundleJsonSchema());
  });
});

describe('bad bundles leave the mirror exactly as it was', () => {
  function expectRejected(write: (file: string) => void, code: string, message: RegExp) {
    const target = track(emptyMirror(dir));
    syncBundleFile(target, exportTo(source, 'good.json'), context());
    const before = fingerprint(target);
    const file = path.join(dir, 'bad.json');
    write(file);
    let error: unknown;
    try {
      syncBundleFile(target, file, context());
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MoorError);
    expect((error as MoorError).code).toBe(code);
    expect((error as MoorError).message).toMatch(message);
    expect(fingerprint(target)).toBe(before);
  }

  const good = () => collectBundle(source, new Date('2025-11-20T08:00:00Z'));

  it('refuses a file that is not JSON', () => {
    expectRejected(
      (f) => {
        fs.writeFileSync(f, 'PK\u0003\u0004 not json');
      },
      'BUNDLE_NOT_JSON',
      /bad\.json.*not valid JSON/,
    );
  });

  it('refuses a foreign JSON file', () => {
    expectRejected(
      (f) => {
        fs.writeFileSync(f, '{"name":"package"}');
      },
      'BUNDLE_INVALID',
      /bad\.json is not a Мөөр bundle/,
    );
  });

  it('refuses a newer version', () => {
    expectRejected(
      (f) => {
        fs.writeFileSync(f, JSON.stringify({ ...good(), version: 7 }));
      },
      'BUNDLE_VERSION',
      /version 7.*Update Мөөр/,
    );
  });

  it('names table, row and column of a bad cell', () => {
    const bundle = good();
    const row = bundle.tables.mark.rows[9];
    if (!row) throw new Error('no mark rows');
    row[5] = 'oral';
    expectRejected(
      (f) => {
        fs.writeFileSync(f, JSON.stringify(bundle));
      },
      'BUNDLE_INVALID',
      /table mark, row 10, column mark_type: expected one of general.*found "oral"/,
    );
  });

  it('names a missing table', () => {
    const bundle = good();
    const { attendance: _a, ...tables } = bundle.tables;
    expectRejected(
      (f) => {
        fs.writeFileSync(f, JSON.stringify({ ...bundle, tables }));
      },
      'BUNDLE_INVALID',
      /table "attendance" is missing/,
    );
  });

  it('refuses a mark pointing to a lesson the bundle lacks', () => {
    const bundle = good();
    const row = bundle.tables.mark.rows[0];
    if (!row) throw new Error('no mark rows');
    row[1] = 999_999;
    expectRejected(
      (f) => {
        fs.writeFileSync(f, JSON.stringify(bundle));
      },
      'SYNC_ORPHAN',
      /lesson 999999/,
    );
  });

  it('refuses a bundle of another school', () => {
    const bundle = good();
    const school = bundle.tables.school.rows[0];
    if (!school) throw new Error('no school');
    school[1] = 'Башка мектеп';
    school[2] = 'Другая школа';
    school[6] = null;
    expectRejected(
      (f) => {
        fs.writeFileSync(f, JSON.stringify(bundle));
      },
      'BUNDLE_FOREIGN',
      /another school/,
    );
  });
});
