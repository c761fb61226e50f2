/** Printed documents: the entry points other parts of the app call. */
export { renderRegisterPdf, renderRegisterXlsx, registerSpec } from './register/register-document';
export type { RegisterLayout, RenderedRegister } from './register/register-document';
