import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock';
import type { Mirror } from '../../src/core/db/mirror';
import { renderRegister } from '../../src/core/documents';
import { addArchiveEntry, type ArchiveEntryInput } from '../../src/core/registers/archive-register';
import { registerBackupStart, registerBackupVerified } from '../../src/core/registers/backup-register';
import { markFolderStitched } from '../../src/core/registers/folder-stitching';
import { registerLayout } from '../../src/core/registers/register-layouts';
import { getSetting } from '../../src/core/settings/app-settings';
import { saveArchiveDefaults } from '../../src/core/settings/archive-defaults';
import { smallMirror } from '../backup/fixture';
import { admin, deputy, secretary } from '../support/actors';
import { tempDir } from '../support/temp-dir';

const clock = fixedClock('2026-03-30T10:00:00Z');

function line(overrides: Partial<ArchiveEntryInput> = {}): ArchiveEntryInput {
  return {
    actor: secretary,
    clock,
    classId: 1,
    periodId: 3,
    documentTitle: 'Класстык журналдын кагаз көчүрмөсү',
    kind: 'class_copy',
    pages: 42,
    receivedOn: '2026-03-30',
    handedOverBy: 'Төлөгөнов Нурлан',
    receivedBy: 'Садыкова Мээрим',
    directorSigned: true,
    stamped: true,
    folderNumber: '3',
    ...overrides,
  };
}

/** The PDF's words, the no-break space that binds «31 555» read as a plain one. */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/gu, ' ');
}

describe('retention periods and storage places per document kind', () => {
  let mirror: Mirror;
  beforeEach(() => {
    mirror = smallMirror(path.join(tempDir(), 'mirror.sqlite'));
  });

  it('a mirror holds the usual periods, and new lines take them from the year after receipt', () => {
    const stored = mirror.first(
      mirror.db.selectFrom('app_setting').select('value_json').where('key', '=', 'archiveDefaults'),
    );
    expect(JSON.parse(stored?.value_json ?? '{}')).toEqual({
      class_copy: { retentionYears: 5, storagePlace: null },
      year_summary: { retentionYears: 25, storagePlace: null },
      backup_register: { retentionYears: 5, storagePlace: null },
      handover_log: { retentionYears: 5, storagePlace: null },
    });
    const copy = addArchiveEntry(mirror, line());
    const summary = addArchiveEntry(
      mirror,
      line({
        kind: 'year_summary',
        periodId: null,
        periodLabel: '2025-2026 окуу жылы',
        receivedOn: '2026-06-10',
      }),
    );
    const typed = addArchiveEntry(mirror, line({ storagePlace: 'Сейф', retentionUntil: '2030-01-01' }));
    const untyped = addArchiveEntry(mirror, line({ kind: undefined }));
    expect([copy.retention_until, copy.storage_place]).toEqual(['2031-12-31', 'Мектептин архиви']);
    expect([summary.retention_until, summary.storage_place]).toEqual(['2051-12-31', 'Мектептин архиви']);
    expect([typed.retention_until, typed.storage_place]).toEqual(['2030-01-01', 'Сейф']);
    expect([untyped.retention_until, untyped.storage_place]).toEqual([null, null]);
  });

  it('the admin edits them, audited; the next line takes the new ones and earlier lines keep theirs', () => {
    const before = addArchiveEntry(mirror, line());
    const edited = {
      ...getSetting(mirror, 'archiveDefaults'),
      class_copy: { retentionYears: 10, storagePlace: 'Архив бөлмөсү, 2-шкаф' },
    };
    expect(() => {
      saveArchiveDefaults(mirror, edited, secretary, clock());
    }).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    saveArchiveDefaults(mirror, edited, admin, clock());
    const after = addArchiveEntry(mirror, line({ classId: 2 }));
    expect([after.retention_until, after.storage_place]).toEqual(['2036-12-31', 'Архив бөлмөсү, 2-шкаф']);
    const kept = mirror.first(
      mirror.db.selectFrom('archive_register').selectAll().where('id', '=', before.id),
    );
    expect([kept?.retention_until, kept?.storage_place]).toEqual(['2031-12-31', 'Мектептин архиви']);
    const audit = mirror.first(
      mirror.db.selectFrom('audit_log').selectAll().where('action', '=', 'settings.archiveDefaults'),
    );
    expect(audit?.actor).toContain(admin.userId);
  });

  it('the secretary marks a whole folder stitched and placed, all or nothing, and no one else may', () => {
    const a = addArchiveEntry(mirror, line());
    const b = addArchiveEntry(mirror, line({ classId: 2, stamped: false }));
    const other = addArchiveEntry(mirror, line({ periodId: 2, folderNumber: '4' }));
    const folder = { academicYearId: 1, folderNumber: '3', storagePlace: '1-шкаф, 2-текче' };
    expect(() => markFolderStitched(mirror, folder, deputy, clock)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    const unready = () => markFolderStitched(mirror, folder, secretary, clock);
    expect(unready).toThrow(expect.objectContaining({ code: 'FOLDER_NOT_READY' }));
    expect(unready).toThrow(`${b.number}/2026`);
    const stitchedNow = () =>
      mirror.all(
        mirror.db.selectFrom('archive_register').select(['id', 'stitched', 'storage_place']).orderBy('id'),
      );
    expect(stitchedNow().every((row) => row.stitched === 0)).toBe(true);
    expect(() => markFolderStitched(mirror, { ...folder, folderNumber: '9' }, secretary, clock)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );

    mirror.run(mirror.db.updateTable('archive_register').set({ stamped: 1 }).where('id', '=', b.id));
    expect(markFolderStitched(mirror, folder, secretary, clock)).toEqual([a.id, b.id]);
    expect(stitchedNow()).toEqual([
      { id: a.id, stitched: 1, storage_place: '1-шкаф, 2-текче' },
      { id: b.id, stitched: 1, storage_place: '1-шкаф, 2-текче' },
      { id: other.id, stitched: 0, storage_place: 'Мектептин архиви' },
    ]);
    const audits = mirror.all(
      mirror.db.selectFrom('audit_log').select('action').where('action', '=', 'archive.folderStitched'),
    );
    expect(audits).toHaveLength(1);
  });

  it('prints numbers and sizes as each edition writes them, and the register’s retention', async () => {
    addArchiveEntry(mirror, line({ pages: 31555 }));
    const at = new Date('2026-03-30T10:00:00Z');
    const backup = registerBackupStart(
      mirror,
      { backupId: 'b1', path: '/media/usb/moor-backup-1', mediumLabel: 'USB', mediumSerial: null },
      deputy,
      at,
    );
    registerBackupVerified(
      mirror,
      backup.id,
      {
        path: '/media/usb/moor-backup-1',
        bytes: 55_260_000,
        sha256: 'ab'.repeat(32),
        documents: 3,
        auditHead: null,
      },
      deputy,
      at,
    );
    const dir = tempDir();
    const texts: Record<string, string> = {};
    for (const language of ['ky', 'ru'] as const) {
      for (const kind of ['archive', 'backup'] as const) {
        const file = path.join(dir, `${kind}-${language}.pdf`);
        await renderRegister(registerLayout(mirror, { kind, language, createdAt: at }), file, 'pdf');
        texts[`${kind}-${language}`] = pdfText(file);
      }
    }
    expect(texts['archive-ky']).toContain('31 555');
    expect(texts['archive-ru']).toContain('31 555');
    expect(texts['archive-ru']).not.toContain('31555');
    expect(texts['backup-ky']).toContain('52,7 МБ');
    expect(texts['backup-ru']).toContain('52,7 МБ');
    expect(texts['backup-ky']).toContain('Сактоо мөөнөтү: 5 жыл. Сакталган жери: Мектептин архиви');
    expect(texts['backup-ru']).toContain('Срок хранения: 5 лет. Место хранения: Архив школы');
  });
});
