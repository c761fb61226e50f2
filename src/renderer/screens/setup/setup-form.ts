import type { InputOf } from '../../../shared/contract';
import { suggestedSchoolYear } from '../../../shared/school-year';
import type { CommandForm, FieldErrors } from '../../components/use-command-form';
import { currentLanguage } from '../../i18n';

export type SetupInput = InputOf<'setup.complete'>;
/** The command's input and the administrator's password typed a second time. */
export type SetupFields = SetupInput & { repeatPassword: string };
export type SetupField =
  'schoolNames' | 'adminLogin' | 'adminName' | 'adminPassword' | 'repeatPassword' | 'passphrase';
export type SetupFormState = CommandForm<'setup.complete', SetupFields, SetupField>;

/** The fields each step of the wizard asks for, in the steps' order. */
export const stepFields: readonly (readonly SetupField[])[] = [
  ['schoolNames'],
  [],
  ['adminLogin', 'adminName', 'adminPassword', 'repeatPassword'],
  ['passphrase'],
];

/** An empty form, but for the school year under way on `today` (its dates are only a proposal). */
export function emptySetup(today: Date): SetupFields {
  const { label, startsOn, endsOn, quarters } = suggestedSchoolYear(today);
  return {
    school: { nameKy: '', nameRu: '', addressKy: '', addressRu: '' },
    year: { label, startsOn, endsOn },
    quarters: quarters.map((q) => ({ ...q })),
    defaultLanguage: currentLanguage(),
    documentLanguage: 'ky',
    admin: { login: '', fullName: '', password: '' },
    backupPassphrase: '',
    kundoluk: { mode: 'later', url: null, login: null },
    repeatPassword: '',
  };
}

export function setupInput({ repeatPassword: _repeat, ...input }: SetupFields): SetupInput {
  return input;
}

export function validateSetup(form: SetupFields): FieldErrors<SetupField> {
  const errors: FieldErrors<SetupField> = {};
  if (form.school.nameKy.trim().length < 2 || form.school.nameRu.trim().length < 2) errors.schoolNames = '';
  if (form.admin.login.trim().length < 2) errors.adminLogin = '';
  if (form.admin.fullName.trim().length < 2) errors.adminName = '';
  if (form.admin.password.length < 8) errors.adminPassword = '';
  if (form.repeatPassword !== form.admin.password) {
    errors.repeatPassword = form.repeatPassword === '' ? '' : 'setup.passwordsDiffer';
  }
  if (form.backupPassphrase.length < 12) errors.passphrase = '';
  return errors;
}
