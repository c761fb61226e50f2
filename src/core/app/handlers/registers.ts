import path from 'node:path';
import { renderRegister } from '../../documents';
import { MoorError } from '../../errors';
import {
  type ArchiveEntry,
  type ArchiveFilter,
  listArchiveRegister,
  updateArchiveEntry,
} from '../../registers/archive-register';
import { listBackupRegister, listBackupUses } from '../../registers/backup-register';
import { folderInventory } from '../../registers/folder-inventory';
import { markFolderStitched } from '../../registers/folder-stitching';
import { inventoryLayout } from '../../registers/inventory-layout';
import { listHandovers } from '../../registers/handover-log';
import { schoolLanguage } from '../../settings/school';
import { registerLayout } from '../../registers/register-layouts';
import type { ParsedInputOf } from '../../../shared/contract';
import type {
  ArchiveEntryView,
  ArchiveFolderView,
  ArchiveRegisterView,
  BackupRegistersView,
  HandoverView,
} from '../../../shared/register-views';
import type { Handler, SignedInContext } from '../handler';
import { exportFileFormat } from './export-path';

type ArchiveQuery = ParsedInputOf<'registers.archive'>;

const statusFilters: Record<ArchiveQuery['status'], ArchiveFilter> = {
  all: {},
  incomplete: { incomplete: true },
  notStitched: { stitched: false },
  notStamped: { stamped: false },
  notSigned: { directorSigned: false },
  complete: { stitched: true, stamped: true, directorSigned: true },
};

export function archiveFilter(query: ArchiveQuery): ArchiveFilter {
  return {
    ...statusFilters[query.status],
    ...(query.search.trim() === '' ? {} : { search: query.search }),
    ...(query.year === null ? {} : { year: query.year }),
    ...(query.periodId === null ? {} : { periodId: query.periodId }),
    ...(query.classId === null ? {} : { classId: query.classId }),
    ...(query.receivedFrom === null ? {} : { receivedFrom: query.receivedFrom }),
    ...(query.receivedTo === null ? {} : { receivedTo: query.receivedTo }),
  };
}

function archiveView(row: ArchiveEntry): ArchiveEntryView {
  return {
    id: row.id,
    year: row.year,
    number: row.number,
    classId: row.class_id,
    classLabel: row.class_label,
    periodId: row.period_id,
    periodLabel: row.period_label,
    documentTitle: row.document_title,
    documentRef: row.document_ref,
    pages: row.pages,
    receivedOn: row.received_on,
    handedOverBy: row.handed_over_by,
    receivedBy: row.received_by,
    directorSigned: row.director_signed === 1,
    stamped: row.stamped === 1,
    stitched: row.stitched === 1,
    folderNumber: row.folder_number,
    storagePlace: row.storage_place,
    retentionUntil: row.retention_until,
    note: row.note,
  };
}

/** Every numbered folder, by school year, with how many of its lines are stitched. */
function archiveFolders(ctx: SignedInContext): ArchiveFolderView[] {
  const { mirror } = ctx;
  return mirror
    .all(
      mirror.db
        .selectFrom('archive_register')
        .innerJoin('academic_year', 'academic_year.id', 'archive_register.academic_year_id')
        .select((eb) => [
          'archive_register.academic_year_id as academicYearId',
          'academic_year.label as schoolYear',
          'archive_register.folder_number as folderNumber',
          eb.fn.countAll<number>().as('lines'),
          eb.fn.sum<number>('archive_register.stitched').as('stitched'),
        ])
        .where('archive_register.folder_number', 'is not', null)
        .groupBy(['archive_register.academic_year_id', 'archive_register.folder_number'])
        .orderBy('academic_year.label', 'desc')
        .orderBy('archive_register.folder_number'),
    )
    .flatMap((row) =>
      row.folderNumber === null || row.academicYearId === null
        ? []
        : [{ ...row, folderNumber: row.folderNumber, academicYearId: row.academicYearId }],
    );
}

function archiveRegister(ctx: SignedInContext, query: ArchiveQuery): ArchiveRegisterView {
  return {
    entries: listArchiveRegister(ctx.mirror, archiveFilter(query)).map(archiveView),
    years: registerYears(ctx),
    folders: archiveFolders(ctx),
  };
}

function registerYears(ctx: SignedInContext): number[] {
  const rows = ctx.mirror.all(
    ctx.mirror.db.selectFrom('archive_register').select('year').distinct().orderBy('year', 'desc'),
  );
  return rows.map((r) => r.year);
}

function backupRegisters(ctx: SignedInContext, year: number | null): BackupRegistersView {
  const backups = listBackupRegister(ctx.mirror, year === null ? {} : { year });
  const numbers = new Map(listBackupRegister(ctx.mirror).map((r) => [r.id, `№ ${r.number}/${r.year}`]));
  return {
    backups: backups.map((r) => ({
      id: r.id,
      year: r.year,
      number: r.number,
      startedAt: r.started_at,
      actorName: r.actor_name,
      medium: [r.medium_label, r.medium_serial].filter(Boolean).join(', '),
      path: r.path,
      bytes: r.bytes,
      status: r.status,
      verifiedAt: r.verified_at,
      failureCode: r.failure_code,
      failureDetails: failureDetails(r.failure_reason),
    })),
    uses: listBackupUses(ctx.mirror)
      .filter((u) => year === null || new Date(u.at).getFullYear() === year)
      .map((u) => ({
        id: u.id,
        at: u.at,
        actorName: u.actor_name,
        kind: u.kind,
        registerNumber: u.backup_register_id === null ? null : (numbers.get(u.backup_register_id) ?? null),
        path: u.path,
        reason: u.reason,
        result: u.result,
        detail: u.detail,
      })),
  };
}

function handovers(ctx: SignedInContext, input: ParsedInputOf<'registers.handovers'>): HandoverView[] {
  // Dates are the school's calendar days: from the start of the first to the end of the last.
  const from = input.from === null ? undefined : new Date(`${input.from}T00:00:00`).toISOString();
  const to = input.to === null ? undefined : new Date(`${input.to}T23:59:59.999`).toISOString();
  const words = input.search.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return listHandovers(ctx.mirror, { ...(from ? { from } : {}), ...(to ? { to } : {}) })
    .map((h) => ({
      id: h.id,
      at: h.at,
      fromName: h.from_name,
      toName: h.to_name,
      description: h.description,
      copies: h.copies,
      pages: h.pages,
      documents: h.documents,
    }))
    .filter((h) => {
      const text = [h.fromName, h.toName, h.description, ...h.documents].join(' ').toLocaleLowerCase();
      return words.every((word) => text.includes(word));
    });
}

/** Checks where a register file is to be written before any work is done, naming what is wrong. */
function exportTarget(outPath: string): { file: string; format: 'pdf' | 'xlsx' } {
  const format = exportFileFormat(outPath, ['pdf', 'xlsx'] as const, 'outPath');
  return { file: path.resolve(outPath), format };
}

/** The registers the secretary keeps, read and printed through the contract. */
export const registersHandlers = {
  'registers.archive': {
    access: 'registers.read',
    run: archiveRegister,
  },
  'registers.stitchFolder': {
    access: 'registers.edit',
    run(ctx, input) {
      const lines = markFolderStitched(ctx.mirror, input, ctx.actor, ctx.clock).length;
      const year = ctx.mirror.first(
        ctx.mirror.db.selectFrom('academic_year').select('label').where('id', '=', input.academicYearId),
      );
      return {
        academicYearId: input.academicYearId,
        schoolYear: year?.label ?? '',
        folderNumber: input.folderNumber,
        lines,
        stitched: lines,
      };
    },
  },
  'registers.updateArchive': {
    access: 'registers.edit',
    run(ctx, input) {
      const { id, ...change } = input;
      return archiveView(updateArchiveEntry(ctx.mirror, id, change, ctx.actor, ctx.clock));
    },
  },
  'registers.backups': { access: 'registers.read', run: (ctx, input) => backupRegisters(ctx, input.year) },
  'registers.handovers': { access: 'registers.read', run: handovers },
  'registers.inventory': {
    access: 'registers.read',
    run(ctx, input) {
      const period = ctx.mirror.first(
        ctx.mirror.db
          .selectFrom('reporting_period')
          .select('academic_year_id')
          .where('id', '=', input.periodId),
      );
      if (!period) {
        throw new MoorError('NOT_FOUND', `There is no reporting period ${input.periodId}.`, {
          field: 'periodId',
        });
      }
      const inventory = folderInventory(ctx.mirror, {
        academicYearId: period.academic_year_id,
        periodId: input.periodId,
      });
      return {
        periodLabel: inventory.periodLabel,
        folderNumbers: inventory.folderNumbers,
        lines: inventory.lines.map((l) => ({
          position: l.position,
          registerNumber: `${l.registerNumber}/${l.registerYear}`,
          classLabel: l.classLabel,
          documentTitle: l.documentTitle,
          pages: l.pages,
          directorSigned: l.directorSigned,
          stamped: l.stamped,
          stitched: l.stitched,
          folderNumber: l.folderNumber,
        })),
        totalPages: inventory.totalPages,
        classesMissing: inventory.classesMissing.map((c) => `${c.grade}${c.letter}`),
      };
    },
  },
  'registers.export': {
    access: 'registers.read',
    async run(ctx, input) {
      const { file, format } = exportTarget(input.outPath);
      const layout = registerLayout(ctx.mirror, {
        kind: input.kind,
        language: input.language ?? schoolLanguage(ctx.mirror),
        createdAt: ctx.clock(),
        ...(input.year === null ? {} : { year: input.year }),
        ...(input.kind === 'archive' && input.archive !== null
          ? { archiveFilter: archiveFilter(input.archive) }
          : {}),
      });
      const written = await renderRegister(layout, file, format);
      return { path: written.path, rows: layout.rows.length };
    },
  },
  'registers.exportInventory': {
    access: 'registers.read',
    async run(ctx, input) {
      const { file, format } = exportTarget(input.outPath);
      const layout = inventoryLayout(ctx.mirror, {
        periodId: input.periodId,
        language: input.language ?? schoolLanguage(ctx.mirror),
        createdAt: ctx.clock(),
      });
      const written = await renderRegister(layout, file, format);
      return { path: written.path, rows: layout.rows.length };
    },
  },
} as const satisfies {
  [
    N in
      | 'registers.archive'
      | 'registers.updateArchive'
      | 'registers.stitchFolder'
      | 'registers.backups'
      | 'registers.handovers'
      | 'registers.inventory'
      | 'registers.export'
      | 'registers.exportInventory'
  ]: Handler<N>;
};

/** The details a failed line keeps as JSON; a line written before they were kept has none. */
function failureDetails(stored: string | null): Record<string, string | number> {
  if (stored === null || !stored.startsWith('{')) return {};
  try {
    const parsed: unknown = JSON.parse(stored);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string | number>) : {};
  } catch {
    return {};
  }
}
