/** The quarter-end close: the entry points the CLI, the demo and the app call. */
export { startClose, type StartCloseInput } from './start-close';
export {
  checkClose,
  recordChecks,
  confirmTeacherCheck,
  confirmCleanTeacherChecks,
  type ConfirmInput,
} from './day1-checks';
export { overrideDay, type OverrideInput } from './override-day';
export { MIN_REASON_LENGTH } from './written-reason';
export { cancelClose, type CancelInput } from './cancel-close';
export {
  recordBackup,
  recordClassPrint,
  type RecordedBackup,
  type RecordedPrint,
  type PrintOutcome,
} from './day2-copies';
export {
  recordSubjectSignature,
  recordTitleCertification,
  type SignInput,
  type CertifyInput,
} from './day3-4-signatures';
export { recordHandover, recordDirectorSignature, recordStamp, type HandoverInput } from './day5-handover';
export { completeClose, folderLabel, type CompletedClose } from './complete-close';
export { closeStatus, type CloseStatusView, type DayStatus, type PendingItem } from './close-status';
export { closeDays, dayTitles, type CloseDay } from './close-days';
export {
  printForClose,
  backupForClose,
  type PrintedForClose,
  type PrintForCloseResult,
} from './day2-produce';
export { closeItems } from './close-item-store';
export { getCloseYear, listCloses } from './close-store';
