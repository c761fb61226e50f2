/** Printed documents: the entry points other parts of the app call. */
export {
  renderRegister,
  renderRegisterPdf,
  renderRegisterXlsx,
  registerSpec,
} from './register/register-document';
export type { RegisterLayout, RenderedRegister } from './register/register-document';
export { printClassCopy } from './class-copy/print-class-copy';
export type { PrintClassCopyOptions, PrintedClassCopy } from './class-copy/print-class-copy';
export { printSchool } from './class-copy/print-school';
export type { PrintSchoolOptions, PrintedSchool, PrintProgress } from './class-copy/print-school';
export { printYearSummary } from './year-summary/print-year-summary';
export type { PrintYearSummaryOptions } from './year-summary/print-year-summary';
export { classDataFingerprint } from '../journal/fingerprint';
