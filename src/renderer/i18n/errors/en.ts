import type { ErrorCode } from '../../../shared/error-codes';

/** Every error code in English, as the window shows it: a code without words here does not compile. */
export const errorsEn: Record<ErrorCode, string> = {
  // What was asked, and by whom
  BAD_INPUT: 'Wrongly filled in: {{field}}.',
  USAGE: 'The command was given wrongly: check its options.',
  COMMAND_NOT_FOUND: 'This version of the program does not know this action.',
  FORBIDDEN: 'Your role may not do this.',
  NOT_SIGNED_IN: 'Sign in first.',
  WRONG_CREDENTIALS: 'Wrong login or password.',
  SIGN_IN_WAIT: 'Too many wrong attempts: try again in {{wait}}.',
  BACKUP_NOT_REGISTERED:
    'This folder is not a backup in the backup register: only the administrator checks other folders.',
  USER_INACTIVE: 'This account is switched off. Ask the administrator.',
  SESSION_LOCKED: 'The screen was locked. Enter your password again.',
  LOGIN_TAKEN: 'This login is taken.',
  LAST_ADMIN: 'At least one administrator must remain.',
  CANNOT_DEACTIVATE_SELF: 'You cannot switch off your own account.',
  USER_NOT_FOUND: 'No such user.',
  STAFF_NOT_FOUND: 'The mirror has no such staff member.',
  // The way to the core: Electron's IPC, the browser mode's HTTP, the window's own client
  FORBIDDEN_SENDER: "The request did not come from the app's own window.",
  FORBIDDEN_ORIGIN: 'The request came from a foreign address.',
  BAD_TOKEN: 'Wrong access token: open the address the program printed again.',
  BAD_CLIENT: 'The window did not identify itself: reload the page.',
  BAD_JSON: 'The request could not be read: reload the page.',
  NETWORK: 'No connection to the program core.',
  INTERNAL: 'Unexpected error. Ask the administrator.',
  // The school, its years and its settings
  SETUP_DONE: 'The program is already set up.',
  SETUP_NEEDED: 'Finish the first-run setup first.',
  SETTING_INVALID: 'A stored setting is damaged: set it again in Settings.',
  CHECK_RULES_INVALID: 'A check setting is not valid. Correct it in Settings.',
  BAD_DATES: 'Check the dates: quarters must lie inside the academic year, one after another.',
  YEAR_EXISTS: 'This school year is already there.',
  YEAR_OVERLAPS: 'The dates overlap another school year.',
  PERIOD_CLOSE_STARTED: "This period's close has started: its dates stay as they are.",
  // The database file and the mirror in it
  DB_FOREIGN: 'This file is not a Мөөр database. It was not changed.',
  DB_MISSING: 'The database file was not found.',
  DB_NEEDS_UPGRADE: 'This version of the program must upgrade the database first: open it for writing.',
  DB_NEWER_THAN_APP:
    'A newer version of Мөөр wrote this database. Update the program; the file was not changed.',
  DB_NOT_SQLITE: 'This file is not a Мөөр database.',
  DEMO_TARGET_NOT_EMPTY:
    'This database already holds a school: the demo school goes only into a new, empty one.',
  MIRROR_INCOMPLETE: 'The mirror is incomplete: sync it first.',
  MIRROR_IN_USE: 'The database is open in another program. Close it and try again; nothing was changed.',
  MIRROR_RESTORING: 'The database is being restored just now. Try again in a moment.',
  // Looking things up
  NOT_FOUND: 'No such record.',
  CLASS_NOT_FOUND: 'The mirror has no such class.',
  CLASS_NOT_IN_YEAR: 'This class does not belong to the chosen school year.',
  PERIOD_NOT_FOUND: 'There is no such reporting period.',
  PERIOD_NOT_IN_CLASS_YEAR: "This period is not in the class's school year.",
  TEACHER_NOT_FOUND: 'The mirror has no such teacher.',
  SUBJECT_NOT_FOUND: 'The mirror has no such subject.',
  JOB_NOT_FOUND: 'No such job.',
  FILE_NOT_FOUND: 'There is no such file. Check the full path.',
  FILE_TYPE: 'This is not the right kind of file.',
  // Long work
  CANCELLED: 'Stopped. What was done before is kept.',
  JOB_DIED: 'The task stopped unexpectedly. Try again.',
  // Syncing the mirror: the pipeline, a class journal workbook, a bundle, Kundoluk
  SYNC_BULK_NOT_EMPTY: 'These rows can be loaded only into an empty mirror.',
  SYNC_INVALID_ROW:
    '{{file}}: the value {{found}} in table “{{table}}”, row {{row}}, column “{{column}}” breaks the journal’s rules (a real date inside the school year, a mark of the school’s scale, a lesson number of the day, names filled in). Nothing was changed.',
  SYNC_DUPLICATE_ROW:
    '{{file}}: two different rows of table “{{table}}” carry the same id {{row}}. Nothing was changed.',
  SYNC_ORPHAN: 'A record in the file refers to something the database does not have.',
  SYNC_OUT_OF_SCOPE: 'The file holds data outside what the sync covers.',
  SYNC_REJECTED: 'The database refused this data; nothing was changed.',
  WORKBOOK_UNREADABLE: 'This file cannot be read: it does not look like an Excel file (.xlsx).',
  WORKBOOK_EMPTY: 'The file has no sheets: one sheet per subject is expected.',
  WORKBOOK_LAYOUT: 'The sheet does not look like a class journal (no months, days or student column).',
  WORKBOOK_CLASS:
    'The class is unknown or not in the database. Check the file name (e.g. 8А-1.xlsx) or give the class.',
  WORKBOOK_PERIOD: 'The quarter is unknown: give it in the file name (e.g. 8А-1.xlsx) or in the field.',
  WORKBOOK_SUBJECT: 'This subject is not taught in the class.',
  WORKBOOK_SUBGROUP: 'There is no such subgroup in the class.',
  WORKBOOK_STUDENT: 'The student is not on the class list.',
  WORKBOOK_DATE: 'The day lies outside the quarter or does not exist.',
  WORKBOOK_CELL: 'The cell holds neither a mark nor an absence code.',
  BUNDLE_NOT_JSON: 'The file is not a Мөөр bundle (it cannot be read).',
  BUNDLE_INVALID: 'The bundle has an error.',
  BUNDLE_VERSION: 'The bundle comes from another version of Мөөр.',
  BUNDLE_FOREIGN:
    "The bundle is another school's ({{bundleSchool}}); this mirror holds {{mirrorSchool}}. Nothing was changed.",
  BUNDLE_UNREADABLE: 'The bundle file cannot be read.',
  KUNDOLUK_NOT_SET: 'Kundoluk is not connected: the administrator enters its address and token in Settings.',
  KUNDOLUK_ADDRESS: "Kundoluk's address is not right.",
  KUNDOLUK_HTTP: 'Kundoluk answered with an error.',
  KUNDOLUK_UNAVAILABLE: 'Kundoluk cannot be reached. Check the internet and try again later.',
  KUNDOLUK_TOKEN_EXPIRED: 'The Kundoluk token has expired: the administrator enters a new one.',
  KUNDOLUK_TOKEN_MISSING: 'There is no Kundoluk token.',
  KUNDOLUK_SHAPE: "Kundoluk's answer is not what was expected.",
  KUNDOLUK_RESULT: 'Kundoluk returned an error.',
  KUNDOLUK_CALENDAR: "Kundoluk's dates do not fit the academic year.",
  KUNDOLUK_CANCELLED: 'Stopped. The database was not changed.',
  KUNDOLUK_LESSON_MOVED:
    'Kundoluk moved a lesson to a day outside the chosen dates. Sync a range that covers both days; the mirror was not changed.',
  KUNDOLUK_PATH: 'A Kundoluk path in the settings is not a path under its address.',
  KUNDOLUK_NOTHING_LEFT: 'This sync was already complete; there is nothing left to resume.',
  KUNDOLUK_REPLAY: 'The folder of Kundoluk recordings was not found.',
  KUNDOLUK_SIGN_IN: 'The Kundoluk sign-in did not finish. Sign in again.',
  KUNDOLUK_ACCOUNT_TWICE: 'A Kundoluk account of this name is already added. Give each account its own name.',
  KUNDOLUK_ACCOUNT_UNKNOWN: 'This Kundoluk account is no longer in the list. Open the sync screen again.',
  SECRET_FILE: 'The secrets file is damaged or was not written by Мөөр.',
  SECRET_STORE_UNAVAILABLE: 'This computer cannot protect the Kundoluk sign-in, so it was not saved.',
  // The quarter close
  CLOSE_NOT_FOUND: 'No such close.',
  CLOSE_CLASS_NOT_FOUND: 'This class is not part of this close.',
  CLOSE_ALREADY_STARTED: 'The close of this period has already started.',
  CLOSE_ALREADY_DONE: 'This is already done.',
  CLOSE_COMPLETED: 'This close is completed: nothing in it can change.',
  CLOSE_HANDED_OVER: 'The copies were handed over to the secretary: they cannot be printed again.',
  CLOSE_CANCEL_TOO_LATE:
    'The copies have been handed over to the secretary: this close can no longer be cancelled.',
  CLOSE_OUT_OF_ORDER: 'The previous day is not complete yet.',
  CLOSE_NO_CLASSES: 'There are no classes to close in this period.',
  CLOSE_CLASS_NOT_CLOSED: 'This class is not part of the close: paper copies are for grades 2–11.',
  CLOSE_CLASS_NOT_IN_PERIOD:
    'This class does not close with this period: a half-year closes only the grades marked by half-year.',
  CLOSE_ITEM_HAS_FINDINGS:
    'The checks still find issues: the teacher corrects the journal, or a deputy closes the day with a reason.',
  CLOSE_NOTHING_TO_OVERRIDE: 'Nothing is open on this day.',
  CLOSE_NO_OVERRIDE:
    'Day 5 cannot be closed with a reason: hand-over, signature, seal and folder are acts of people.',
  CLOSE_REASON_REQUIRED: 'Write the reason in full.',
  CLOSE_BACKUP_NOT_VERIFIED: 'The backup copy was not verified.',
  CLOSE_BAD_DATE: 'Give the date as dd.mm.yyyy.',
  CLOSE_NOT_CLASS_TEACHER: 'Only the class teacher certifies the title page.',
  CLOSE_NO_CLASS_TEACHER: 'The class teacher is unknown.',
  CLOSE_NOT_THEIR_SUBJECT: 'This teacher does not teach this subject in this class.',
  CLOSE_NOT_SECRETARY: 'Only the secretary receives the copies.',
  // Printed documents and exported files
  NO_CLASSES: 'There is no class of grades 2–11 to print for this period.',
  FONTS_MISSING: 'The fonts for printing were not found. Reinstall the program.',
  PRINT_WORKER_EXITED: 'Printing stopped unexpectedly. Try again; the finished copies are kept.',
  DOCUMENT_NOT_FOUND: 'There is no such printed document.',
  DOCUMENT_NOT_PRINTABLE: 'Only PDF files this app wrote into its folder are printed from the window.',
  DOCUMENT_FILE_MISSING: 'The document’s file is no longer where it was written: print the copy again.',
  DOCUMENT_FILE_CHANGED:
    'The document’s file was changed after printing, so it is not shown. Print the copy again.',
  DOCUMENT_SUPERSEDED: 'A newer sheet replaced this one: the newer sheet is the one to sign.',
  COPY_CODE_UNKNOWN:
    "No printed copy has this code. Type the code under the page's footer line, or scan the page's QR code.",
  COPY_CODE_MISMATCH:
    "This code does not belong to the recorded copy: its fingerprint or page number is not that copy's. The page may be from another print or altered.",
  SUMMARY_NOT_SIGNED: 'The director has not signed this summary sheet yet: it goes to the archive signed.',
  SUMMARY_FINALS_MISSING:
    'The summary sheets were not printed: {{count}} finals are missing ({{classes}}). {{missing}}. Ask the teachers to give them, or print the sheets as drafts.',
  SUMMARY_IS_DRAFT:
    'This summary sheet is a draft ({{count}} finals missing): it cannot be signed. Print it again once the finals are given, and sign that sheet.',
  EXPORT_RELATIVE_PATH: 'Give the full path of the file, not only its name.',
  EXPORT_NO_FOLDER: 'There is no such folder: check the full path.',
  EXPORT_WRONG_EXTENSION: 'The file name does not fit the chosen file type.',
  EXPORT_FOLDER_FULL: 'There is no room left in {{where}}. Free space on the disk or choose another folder.',
  EXPORT_FOLDER_READONLY:
    '{{where}} cannot be written (read-only, or this account may not write there). Choose another folder.',
  EXPORT_FOLDER_LOST:
    '{{where}} is gone or stopped answering (was the drive removed?). Connect it and try again.',
  // Reports
  REPORT_NOT_FOUND: 'There is no such report.',
  REPORT_BAD_PARAMS:
    'The report’s conditions are wrong: choose a period or both dates, the start not after the end.',
  REPORT_NEEDS_PERIOD: 'This report is made for a period only (a quarter, half-year or the year).',
  REPORT_NO_YEAR: 'The mirror has no academic year with these dates: sync first.',
  REPORT_NO_PERIOD: 'The mirror has no such period.',
  REPORT_TOO_EARLY: 'The period has not started: there are no marks to forecast from.',
  // Backups and restore
  PASSPHRASE_MISMATCH: 'This is not the backup passphrase set for this school.',
  PASSPHRASE_FILE: 'The passphrase file cannot be read or is empty.',
  BACKUP_PASSPHRASE_WEAK: 'The passphrase is too short.',
  BACKUP_KDF_TOO_WEAK: 'The backup key settings are too weak: such a backup is not made.',
  BACKUP_TARGET_MISSING: 'The folder or drive was not found.',
  BACKUP_DRIVE_FULL:
    'The drive is full: the copy did not fit. Free space or use a larger drive; nothing changed in the database.',
  BACKUP_DRIVE_LOST: 'The drive was disconnected. Connect it again and try again.',
  BACKUP_DRIVE_READONLY: 'This drive cannot be written to (read-only).',
  BACKUP_IO: 'Error writing to the drive.',
  BACKUP_SOURCE_CHANGED: 'A file changed while it was being copied. Make the backup again.',
  BACKUP_CANCELLED: 'Stopped. The database was not changed.',
  BACKUP_INTERRUPTED: 'The program stopped while this copy was being made; the unfinished copy was removed.',
  BACKUP_NOT_FOUND: 'There is no backup in this folder.',
  BACKUP_NOT_MOOR: 'This folder is not a Мөөр backup.',
  BACKUP_DAMAGED: 'The backup copy is damaged.',
  BACKUP_WRONG_PASSPHRASE:
    'The passphrase does not open this backup. Check it and type it again. Nothing was changed.',
  LOCAL_DISK_FULL: "This computer's disk is full. Free space and try again; the mirror was not changed.",
  LOCAL_WRITE_FAILED: 'Could not write on this computer. The mirror was not changed.',
  RESTORE_REGISTERS_CONFLICT: 'The registers could not be carried into the backup; nothing was changed.',
  BACKUP_DOCUMENTS_UNPLACED:
    'This backup was made before Мөөр kept the folder its printed copies came from: choose a folder to put them in.',
  // Registers
  ARCHIVE_NUMBER_TAKEN: "This register number is already used in this year's register.",
  FOLDER_NOT_READY:
    'Folder {{folderNumber}} still holds copies the director has not signed or that are not sealed: lines {{lines}}. Nothing was marked.',
  // Updates and diagnostics
  UPDATE_SOURCE_INVALID:
    'The update address is not accepted: only an address starting with https:// or the full path of a folder.',
  UPDATE_NO_SOURCE: 'No update address is set.',
  UPDATE_FOLDER_MISSING: 'There is no such update folder (is the USB drive plugged in?).',
  UPDATE_MANIFEST_MISSING: 'The folder holds no latest.yml beside the installer.',
  UPDATE_MANIFEST_INVALID: 'The latest.yml file is damaged or wrong.',
  UPDATE_FILE_MISSING: 'The installer that latest.yml names is not in the folder.',
  UPDATE_CHECKSUM_MISMATCH:
    'The installer is not the file latest.yml describes (its sha512 differs): copy the update again.',
  UPDATE_NOT_READY: 'There is no verified update to install: check for updates first.',
  UPDATE_FAILED: 'The update check failed.',
  DIAGNOSTICS_PATH: 'Give the full path of a .zip file for the diagnostics.',
};
