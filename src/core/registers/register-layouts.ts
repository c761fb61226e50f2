import { anchorText, chainHead } from '../audit/chain-head';
import type { Mirror } from '../db/mirror';
import { archiveLineWords } from './line-words';
import type { Language } from '../db/schema';
import type { RegisterLayout } from '../documents';
import { printedDate } from '../documents/format-date';
import { type ArchiveFilter, listArchiveRegister } from './archive-register';
import { listBackupRegister, listBackupUses } from './backup-register';
import { type HandoverFilter, listHandovers } from './handover-log';
import { documentLabels, type RegisterWords, registerWords } from '../documents/words';
import { printedMegabytes } from '../documents/words/printed-number';
import { getSetting } from '../settings/app-settings';
import { schoolNameIn } from '../settings/school';

export type RegisterKind = 'archive' | 'backup' | 'backup-use' | 'handover';
export const registerKinds: readonly RegisterKind[] = ['archive', 'backup', 'backup-use', 'handover'];

function two(value: number): string {
  return String(value).padStart(2, '0');
}

/** An instant as the school reads it: local date and time, 25.03.2026 15:04. */
export function printedInstant(iso: string): string {
  const at = new Date(iso);
  return `${two(at.getDate())}.${two(at.getMonth() + 1)}.${at.getFullYear()} ${two(at.getHours())}:${two(at.getMinutes())}`;
}

/** A filed register's retention and place, from the school's nomenclature of affairs. */
function keptFor(mirror: Mirror, kind: 'backup_register' | 'handover_log', words: RegisterWords): string {
  const kept = getSetting(mirror, 'archiveDefaults')[kind];
  return words.keptFor(kept.retentionYears, kept.storagePlace ?? words.schoolArchive);
}

/** A backup's SHA-256 and the audit chain's head its manifest keeps, in one cell. */
function backupFingerprints(
  sha256: string | null,
  auditHead: string | null,
  worded: (head: string) => string,
): string {
  return [sha256, auditHead === null ? null : worded(auditHead)].filter(Boolean).join('; ');
}

export interface RegisterPrintOptions {
  kind: RegisterKind;
  language: Language;
  createdAt: Date;
  /** Only this calendar year's lines (by register year, or by date for the hand-over log). */
  year?: number;
  /** The archive register only: print the lines the secretary found on screen. */
  archiveFilter?: ArchiveFilter;
}

/** The register as a printable layout (rows first, then drawn by the documents renderer). */
export function registerLayout(mirror: Mirror, options: RegisterPrintOptions): RegisterLayout {
  const words = registerWords(options.language);
  const yes = (value: number) => (value === 1 ? words.yes : words.no);
  const base = {
    language: options.language,
    createdAt: options.createdAt.toISOString(),
    orientation: 'landscape' as const,
    auditHead: anchorText(chainHead(mirror)),
  };
  const yearSuffix = options.year === undefined ? '' : `-${options.year}`;
  const subtitle = [
    schoolNameIn(mirror, options.language),
    ...(options.year === undefined ? [] : [words.yearLine(options.year)]),
  ];
  switch (options.kind) {
    case 'archive': {
      const filter: ArchiveFilter = {
        ...options.archiveFilter,
        ...(options.year === undefined ? {} : { year: options.year }),
      };
      const lineWords = archiveLineWords(mirror, options.language);
      return {
        ...base,
        id: `REG-ARCHIVE${yearSuffix}`,
        title: words.archiveTitle,
        subtitle,
        columns: words.archiveColumns,
        rows: listArchiveRegister(mirror, filter).map((r) => [
          `${r.number}/${r.year}`,
          lineWords(r).classLabel,
          lineWords(r).periodLabel,
          r.document_ref === null ? r.document_title : `${lineWords(r).documentTitle} (${r.document_ref})`,
          r.pages,
          printedDate(r.received_on),
          r.handed_over_by,
          r.received_by,
          yes(r.director_signed),
          yes(r.stamped),
          yes(r.stitched),
          r.folder_number ?? '',
          r.storage_place ?? '',
          r.retention_until === null ? '' : printedDate(r.retention_until),
        ]),
        signatures: [{ role: words.secretary, name: '' }],
      };
    }
    case 'backup':
      return {
        ...base,
        id: `REG-BACKUP${yearSuffix}`,
        title: words.backupTitle,
        subtitle: [...subtitle, keptFor(mirror, 'backup_register', words)],
        columns: words.backupColumns,
        rows: listBackupRegister(mirror, options.year === undefined ? {} : { year: options.year }).map(
          (r) => [
            `${r.number}/${r.year}`,
            printedInstant(r.started_at),
            r.actor_name,
            [r.medium_label, r.medium_serial].filter(Boolean).join(', '),
            r.path,
            r.bytes === null ? '' : printedMegabytes(r.bytes, words.megabytes),
            backupFingerprints(r.sha256, r.audit_head, documentLabels(options.language).auditHeadShort),
            yes(r.encrypted),
            r.status === 'verified' && r.verified_at !== null
              ? `${printedInstant(r.verified_at)}: ${words.verifiedOk}`
              : r.status === 'failed'
                ? `${words.failed}: ${words.failureReasons[r.failure_code ?? ''] ?? r.failure_code ?? ''}`
                : words.unfinished,
          ],
        ),
        signatures: [{ role: words.director, name: '', seal: false }],
      };
    case 'backup-use': {
      const numbers = new Map(listBackupRegister(mirror).map((r) => [r.id, `№ ${r.number}/${r.year}`]));
      return {
        ...base,
        id: `REG-BACKUP-USE${yearSuffix}`,
        title: words.useTitle,
        subtitle,
        columns: words.useColumns,
        rows: listBackupUses(mirror)
          .filter((u) => options.year === undefined || new Date(u.at).getFullYear() === options.year)
          .map((u, i) => {
            const register = u.backup_register_id === null ? undefined : numbers.get(u.backup_register_id);
            return [
              i + 1,
              printedInstant(u.at),
              u.actor_name,
              u.kind === 'restore' ? words.restore : words.inspect,
              register === undefined ? u.path : `${register}: ${u.path}`,
              u.reason,
              u.result === 'ok' ? words.verifiedOk : `${words.failed}: ${u.detail ?? ''}`,
            ];
          }),
      };
    }
    case 'handover': {
      const filter: HandoverFilter =
        options.year === undefined
          ? {}
          : {
              from: new Date(options.year, 0, 1).toISOString(),
              to: new Date(new Date(options.year + 1, 0, 1).getTime() - 1).toISOString(),
            };
      return {
        ...base,
        id: `REG-HANDOVER${yearSuffix}`,
        title: words.handoverTitle,
        subtitle: [...subtitle, keptFor(mirror, 'handover_log', words)],
        columns: words.handoverColumns,
        rows: listHandovers(mirror, filter).map((h, i) => [
          i + 1,
          printedInstant(h.at),
          h.description,
          h.copies,
          h.pages,
          h.from_name,
          h.to_name,
          '',
        ]),
      };
    }
  }
}
