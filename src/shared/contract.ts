import { auditActions, auditEntities } from './audit-actions';
import { z } from 'zod';
import type {
  AppStatus,
  AuditEntryView,
  CheckListView,
  CloseBoard,
  CloseOverview,
  CloseSheetView,
  ClassView,
  DashboardSummary,
  JobView,
  JournalGrid,
  MirrorChangesView,
  ReportCatalog,
  SessionView,
  SettingsView,
  UserView,
} from './views';
import type {
  ArchiveFolderView,
  ArchiveRegisterView,
  ArchiveEntryView,
  BackupRegistersView,
  FolderInventoryView,
  HandoverView,
  RegisterFileView,
  SchoolYearView,
  SyncRunView,
  KundolukCutSyncView,
} from './register-views';
import type {
  CopyCheckView,
  DocumentPdfView,
  PrintablePdfView,
  YearSummarySheetsView,
} from './document-views';
import type { DiagnosticsSavedView, DiagnosticsStatusView, UpdateStatusView } from './operations-views';
import type { ClassTeacherView, StaffDirectoryView, StaffMemberView } from './staff-views';
import type { SharingView } from './network-views';
import { parseSchoolYearLabel, schoolYearLabel } from './school-year';
import {
  documentLanguage,
  empty,
  fullName,
  id,
  isoDate,
  kundolukConnection,
  languageCode,
  login,
  newPassword,
  roleName,
  staffPosition,
} from './schemas';
import { changeKinds } from './change-kinds';
import { reportParamsSchema } from './report-params';
import { checkRulesSchema } from './journal-rules';
import { archiveDefaultsSchema } from './archive-defaults';
import { kundolukServiceSchema } from './kundoluk-service';
import { addKundolukAccountInput, type KundolukAccountView } from './kundoluk-accounts';
import type { CoverageView } from './coverage-view';
import { markDeadlinesSchema } from './journal-rules';

/** One command of the contract: its zod input schema and (as a type only) its output. */
export interface CommandSpec<I extends z.ZodType, O> {
  readonly input: I;
  /** Never set at runtime: carries the output type to the typed `invoke`. */
  readonly output?: O;
}

function command<O>() {
  return <I extends z.ZodType>(input: I): CommandSpec<I, O> => ({ input });
}

const period = z.object({ startsOn: isoDate, endsOn: isoDate });
/**
 * A school year as the setup form gives it: the label in one spelling ("2026-2027", whichever dash
 * was typed, so the same year is never made twice), starting in the label's first calendar year.
 */
const schoolYear = z
  .object({
    label: z.string().transform((label, context) => {
      const first = parseSchoolYearLabel(label);
      if (first !== null) return schoolYearLabel(first);
      context.addIssue({ code: 'custom', message: 'expected two consecutive years like 2026-2027' });
      return z.NEVER;
    }),
    ...period.shape,
  })
  .refine((year) => year.label.slice(0, 4) === year.startsOn.slice(0, 4), {
    path: ['startsOn'],
    message: "the school year starts in its label's first year",
  });
/** The school's names and addresses, as they go on every printed copy: given at setup, corrected in the settings. */
const schoolDetails = z.object({
  nameKy: z.string().trim().min(2).max(200),
  nameRu: z.string().trim().min(2).max(200),
  addressKy: z.string().trim().max(300),
  addressRu: z.string().trim().max(300),
});
const registerYear = z.number().int().min(2000).max(2100);
/** The archive register as the secretary searches it. */
const archiveQuery = z.object({
  search: z.string().max(100),
  year: registerYear.nullable(),
  periodId: id.nullable(),
  classId: id.nullable(),
  status: z.enum(['all', 'incomplete', 'notStitched', 'notStamped', 'notSigned', 'complete']),
  receivedFrom: isoDate.nullable(),
  receivedTo: isoDate.nullable(),
});

/** One report with its parameters (the core's own schema of them). */
const reportRequest = z.object({ name: z.string().min(1).max(40), params: reportParamsSchema });

/**
 * Every command the UI can call, declared once. Main and the browser transport register handlers
 * from this list; the renderer's `api.invoke` is typed from it.
 */
export const contract = {
  'app.status': command<AppStatus>()(empty),
  'setup.complete': command<SessionView>()(
    z.object({
      school: schoolDetails,
      year: schoolYear,
      quarters: z.array(period).length(4),
      defaultLanguage: languageCode,
      documentLanguage,
      admin: z.object({ login, fullName, password: newPassword }),
      backupPassphrase: z.string().min(12).max(500),
      kundoluk: kundolukConnection,
      /** Kundoluk's access token, when the school connects through its address at once. */
      kundolukToken: z.string().trim().min(1).max(4000).nullable().optional(),
    }),
  ),
  'auth.signIn': command<SessionView>()(
    z.object({ login: z.string().trim().min(1), password: z.string().min(1) }),
  ),
  'auth.unlock': command<SessionView>()(z.object({ password: z.string().min(1) })),
  'auth.lock': command<null>()(empty),
  'auth.signOut': command<null>()(empty),
  'auth.changePassword': command<null>()(z.object({ current: z.string().min(1), next: newPassword })),
  'dashboard.summary': command<DashboardSummary>()(empty),
  'journal.classes': command<ClassView[]>()(empty),
  'journal.grid': command<JournalGrid>()(z.object({ classId: id, subjectId: id, periodId: id.nullable() })),
  'audit.list': command<AuditEntryView[]>()(
    z.object({
      limit: z.number().int().min(1).max(500),
      beforeId: id.nullable(),
      search: z.string().max(100),
      /** Actions and kinds of object whose names in the reader's language match the search. */
      actions: z.array(z.enum(auditActions)).max(auditActions.length),
      entities: z.array(z.enum(auditEntities)).max(auditEntities.length),
    }),
  ),
  'users.list': command<UserView[]>()(empty),
  'users.create': command<UserView>()(z.object({ login, fullName, role: roleName, password: newPassword })),
  'users.setActive': command<UserView>()(z.object({ userId: id, active: z.boolean() })),
  'users.resetPassword': command<UserView>()(z.object({ userId: id, password: newPassword })),
  'settings.get': command<SettingsView>()(empty),
  'settings.update': command<SettingsView>()(
    z.object({
      defaultLanguage: languageCode,
      documentLanguage,
      idleMinutes: z.number().int().min(1).max(240),
      /** An https:// address or the full path of a folder (checked by the core, with a coded error). */
      updateUrl: z.string().trim().min(1).max(1000).nullable(),
      kundoluk: kundolukConnection,
      /** Kundoluk's access token: left out keeps the stored one, null removes it. Never read back. */
      kundolukToken: z.string().trim().min(1).max(4000).nullable().optional(),
    }),
  ),
  'audit.verify': command<JobView>()(empty),
  'close.overview': command<CloseOverview>()(empty),
  /** classIds narrows the close to some of the period's classes (`CloseOverview`); left out: all of them. */
  'close.start': command<CloseBoard>()(z.object({ periodId: id, classIds: z.array(id).min(1).optional() })),
  'close.cancel': command<CloseOverview>()(z.object({ closeId: id, reason: z.string().trim() })),
  'close.board': command<CloseBoard>()(z.object({ closeId: id })),
  'close.check': command<CheckListView>()(z.object({ closeId: id })),
  'close.confirm': command<CloseBoard>()(
    z.object({ closeId: id, teacherId: id, classId: id, subjectId: id }),
  ),
  'close.override': command<CloseBoard>()(
    z.object({ closeId: id, day: z.number().int().min(1).max(5), reason: z.string().trim() }),
  ),
  'close.print': command<JobView>()(
    z.object({ closeId: id, classIds: z.array(id).nullable(), language: documentLanguage.optional() }),
  ),
  'close.printSignatures': command<CloseSheetView>()(
    z.object({
      closeId: id,
      language: documentLanguage,
      teacherId: id.nullable(),
      outstandingOnly: z.boolean(),
    }),
  ),
  'close.backup': command<JobView>()(
    z.object({
      closeId: id,
      targetDir: z.string().min(1),
      passphrase: z.string().min(1),
      mediumLabel: z.string().max(80),
    }),
  ),
  /** `signedOn`: the date written beside the signature; the day it is recorded when left out. */
  'close.sign': command<CloseBoard>()(
    z.object({ closeId: id, classId: id, teacherId: id, subjectId: id, signedOn: isoDate.optional() }),
  ),
  'close.certify': command<CloseBoard>()(
    z.object({ closeId: id, classId: id, signedOn: isoDate.optional() }),
  ),
  'close.handover': command<CloseBoard>()(z.object({ closeId: id, secretaryId: id })),
  /** The secretary confirms herself that she received the certified copies (instead of the deputy's hand-over). */
  'close.receive': command<CloseBoard>()(z.object({ closeId: id, secretaryId: id })),
  'close.directorSign': command<CloseBoard>()(z.object({ closeId: id })),
  'close.stamp': command<CloseBoard>()(z.object({ closeId: id })),
  'close.complete': command<CloseBoard>()(z.object({ closeId: id })),
  /** A printed copy's PDF, read only from the document table's record and checked against its SHA-256. */
  'documents.pdf': command<DocumentPdfView>()(z.object({ documentId: z.string().trim().min(1).max(200) })),
  /** A PDF the app wrote into its folder (a copy, the merged file, a tracker), to print from the window. */
  'documents.printable': command<PrintablePdfView>()(
    z.object({ pdfPath: z.string().trim().min(1).max(1000) }),
  ),
  /** A printed page's code (typed from its footer or scanned from its QR code) checked against the records. */
  'documents.check': command<CopyCheckView>()(z.object({ code: z.string().trim().min(1).max(300) })),
  /** The year-end summary sheets of a school year (the latest with classes when null). */
  'summary.sheets': command<YearSummarySheetsView>()(z.object({ academicYearId: id.nullable() })),
  /** Prints the year's summary sheets (all classes 2-11 when classIds is null) into a folder that exists. */
  'summary.print': command<JobView>()(
    z.object({
      academicYearId: id,
      classIds: z.array(id).min(1).nullable(),
      /** One edition for all; each class in its language of instruction when left out. */
      language: documentLanguage.optional(),
      folder: z.string().trim().min(1).max(1000),
      /** With finals missing, print those classes' sheets as drafts instead of refusing the print. */
      draftWhenIncomplete: z.boolean(),
    }),
  ),
  /** The director signed these summary sheets (by document id) on this date. */
  'summary.signOff': command<YearSummarySheetsView>()(
    z.object({
      documentIds: z.array(z.string().trim().min(1).max(200)).min(1).max(200),
      signedOn: isoDate,
    }),
  ),
  /** The secretary receives signed summary sheets into the archive: a hand-over line and a register line each. */
  'summary.file': command<YearSummarySheetsView>()(
    z.object({ documentIds: z.array(z.string().trim().min(1).max(200)).min(1).max(200) }),
  ),
  'reports.catalog': command<ReportCatalog>()(empty),
  'reports.run': command<JobView>()(reportRequest),
  'reports.export': command<JobView>()(
    reportRequest.extend({
      format: z.enum(['pdf', 'xlsx']),
      language: documentLanguage,
      /** A folder the user typed (the file is named by the core), or the file a save dialog chose. */
      destination: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('folder'), folder: z.string().trim().min(1).max(1000) }),
        z.object({ kind: z.literal('file'), file: z.string().trim().min(1).max(1000) }),
      ]),
    }),
  ),
  'changes.list': command<MirrorChangesView>()(
    z.object({
      classId: id.nullable(),
      kinds: z.array(z.enum(changeKinds)).max(changeKinds.length),
      since: isoDate.nullable(),
      limit: z.number().int().min(1).max(5000),
    }),
  ),
  'registers.archive': command<ArchiveRegisterView>()(archiveQuery),
  'registers.updateArchive': command<ArchiveEntryView>()(
    z.object({
      id,
      number: z.number().int().min(1).optional(),
      pages: z.number().int().min(0).optional(),
      directorSigned: z.boolean().optional(),
      stamped: z.boolean().optional(),
      stitched: z.boolean().optional(),
      folderNumber: z.string().trim().max(40).nullable().optional(),
      storagePlace: z.string().trim().max(200).nullable().optional(),
      retentionUntil: isoDate.nullable().optional(),
      note: z.string().trim().max(500).nullable().optional(),
    }),
  ),
  /** The secretary stitches a whole folder and places it: every line of it at once, or none. */
  'registers.stitchFolder': command<ArchiveFolderView>()(
    z.object({
      academicYearId: id,
      folderNumber: z.string().trim().min(1).max(40),
      storagePlace: z.string().trim().min(1).max(200),
    }),
  ),
  'registers.backups': command<BackupRegistersView>()(z.object({ year: registerYear.nullable() })),
  'registers.handovers': command<HandoverView[]>()(
    z.object({ from: isoDate.nullable(), to: isoDate.nullable(), search: z.string().max(100) }),
  ),
  'registers.inventory': command<FolderInventoryView>()(z.object({ periodId: id })),
  'registers.export': command<RegisterFileView>()(
    z.object({
      kind: z.enum(['archive', 'backup', 'backup-use', 'handover']),
      year: registerYear.nullable(),
      /** For the archive register: print the lines found on screen. */
      archive: archiveQuery.nullable(),
      language: documentLanguage.nullable(),
      /** A full path ending in .pdf or .xlsx, chosen in a save dialog (or typed in the browser mode). */
      outPath: z.string().trim().min(1).max(1000),
    }),
  ),
  'registers.exportInventory': command<RegisterFileView>()(
    z.object({
      periodId: id,
      language: documentLanguage.nullable(),
      outPath: z.string().trim().min(1).max(1000),
    }),
  ),
  'sync.runs': command<SyncRunView[]>()(z.object({ limit: z.number().int().min(1).max(200) })),
  'sync.workbook': command<JobView>()(
    z.object({
      path: z.string().trim().min(1).max(1000),
      className: z.string().trim().max(10).nullable(),
      quarter: z.number().int().min(1).max(4).nullable(),
      /** Unreadable cells and day columns become warnings that keep the mirror's marks there. */
      skipUnreadable: z.boolean().optional(),
    }),
  ),
  'sync.bundle': command<JobView>()(z.object({ path: z.string().trim().min(1).max(1000) })),
  /** `resume` continues the cut-off sync of the same dates from its first unwritten week. */
  'sync.kundoluk': command<JobView>()(
    z.object({ from: isoDate, to: isoDate, resume: z.boolean().optional() }),
  ),
  /** The latest Kundoluk sync of the school's accounts that stopped before its last week, or null. */
  'sync.kundolukCut': command<KundolukCutSyncView | null>()(empty),
  /** The latest school year's classes × subjects: who brought each through which day, what none brings. */
  'sync.coverage': command<CoverageView>()(empty),
  /** The Kundoluk accounts a sync runs through, one after another: the connection's own first. */
  'kundoluk.accounts': command<KundolukAccountView[]>()(empty),
  'kundoluk.addAccount': command<KundolukAccountView[]>()(addKundolukAccountInput),
  'kundoluk.removeAccount': command<KundolukAccountView[]>()(z.object({ accountId: id })),
  'restore.verify': command<JobView>()(
    z.object({ backupDir: z.string().trim().min(1).max(1000), passphrase: z.string().min(1) }),
  ),
  'restore.run': command<JobView>()(
    z.object({
      backupDir: z.string().trim().min(1).max(1000),
      passphrase: z.string().min(1),
      reason: z.string().trim().min(5).max(500),
      /** Put the printed copies back into the print folder they were backed up from; files there are kept. */
      documentsBack: z.boolean().optional(),
    }),
  ),
  'diagnostics.status': command<DiagnosticsStatusView>()(empty),
  'diagnostics.dismissCrash': command<DiagnosticsStatusView>()(empty),
  /** path: the .zip the save dialog chose. */
  'diagnostics.save': command<DiagnosticsSavedView>()(z.object({ path: z.string().min(1).max(4000) })),
  'diagnostics.reportRendererError': command<null>()(
    z.object({
      message: z.string().max(2000),
      stack: z.string().max(20000).nullable(),
      source: z.string().max(1000).nullable(),
    }),
  ),
  'updates.status': command<UpdateStatusView>()(empty),
  'updates.check': command<UpdateStatusView>()(empty),
  'updates.install': command<UpdateStatusView>()(empty),
  'settings.years': command<SchoolYearView[]>()(empty),
  'settings.updateQuarters': command<SchoolYearView[]>()(
    z.object({ academicYearId: id, quarters: z.array(period).length(4) }),
  ),
  'settings.addSchoolYear': command<SchoolYearView[]>()(
    z.object({ year: schoolYear, quarters: z.array(period).length(4) }),
  ),
  /** The school's names and addresses: printed from the next copy on; copies already printed keep theirs. */
  'settings.updateSchool': command<SettingsView>()(z.object({ school: schoolDetails })),
  'settings.changeBackupPassphrase': command<null>()(
    z.object({ current: z.string(), next: z.string().min(12).max(500) }),
  ),
  /** Kundoluk's address, the account's role and each path; the core checks the address and every path. */
  'settings.updateKundoluk': command<SettingsView>()(
    z.object({ url: z.string().trim().min(1).max(1000), service: kundolukServiceSchema }),
  ),
  /** The AIS page to sign in to Kundoluk on (opened in the system's browser), and the address it returns to. */
  'kundoluk.aisAddress': command<{ address: string; returnsTo: string }>()(empty),
  /**
   * The address the AIS page returned to after the sign-in (its query holds the AIS tokens): they
   * are exchanged for Kundoluk's token, and both are kept in the secret store. Мөөр never sees the
   * AIS password, which is typed on the AIS page.
   */
  'kundoluk.signInAis': command<SettingsView>()(z.object({ returnedTo: z.string().trim().min(1).max(8000) })),
  /** The journal rules, checked by the very schemas the core stores them with. */
  'settings.updateJournalRules': command<SettingsView>()(
    z.object({ markDeadlines: markDeadlinesSchema, checkRules: checkRulesSchema }),
  ),
  /** Each document kind's retention period and storage place, taken by the archive lines entered from then on. */
  'settings.updateArchiveDefaults': command<SettingsView>()(
    z.object({ archiveDefaults: archiveDefaultsSchema }),
  ),
  /** The staff with their posts, and the class teachers of one school year's classes (latest when null). */
  'staff.list': command<StaffDirectoryView>()(z.object({ academicYearId: id.nullable() })),
  'staff.setPosition': command<StaffMemberView>()(z.object({ staffId: id, position: staffPosition })),
  /** A class's class teacher; null clears it. */
  'staff.setClassTeacher': command<ClassTeacherView>()(z.object({ classId: id, teacherId: id.nullable() })),
  /** A class's language of instruction, the edition of its copies by default. */
  'staff.setClassLanguage': command<ClassTeacherView>()(
    z.object({ classId: id, language: documentLanguage }),
  ),
  'sharing.status': command<SharingView>()(empty),
  /** listen: "ADDRESS:PORT" of this PC ("0.0.0.0:8443" for all its networks). */
  'sharing.start': command<SharingView>()(z.object({ listen: z.string().trim().min(3).max(100) })),
  'sharing.stop': command<SharingView>()(empty),
  'sharing.renewCode': command<SharingView>()(empty),
  'sharing.endSession': command<SharingView>()(z.object({ sessionId: z.string().min(1).max(100) })),
  'sharing.unpair': command<SharingView>()(z.object({ pcId: z.string().min(1).max(100) })),
  'jobs.get': command<JobView>()(z.object({ jobId: z.string().min(1) })),
  'jobs.cancel': command<JobView>()(z.object({ jobId: z.string().min(1) })),
} as const;

export type Contract = typeof contract;
export type CommandName = keyof Contract;
export const commandNames = Object.keys(contract) as CommandName[];

export type InputOf<N extends CommandName> = z.input<Contract[N]['input']>;
export type ParsedInputOf<N extends CommandName> = z.output<Contract[N]['input']>;
export type OutputOf<N extends CommandName> = Contract[N] extends CommandSpec<z.ZodType, infer O> ? O : never;

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
