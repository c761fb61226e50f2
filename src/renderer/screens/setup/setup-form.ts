import type { InputOf } from '../../../shared/contract';
import { parseSchoolYearLabel, schoolYearStarting, suggestedSchoolYear } from '../../../shared/school-year';
import type { CommandForm, FieldErrors } from '../../components/use-command-form';
import { currentLanguage } from '../../i18n';

export type SetupInput = InputOf<'setup.complete'>;
/** The command's input and the administrator's password and the backup passphrase typed a second time. */
export type SetupFields = SetupInput & { repeatPassword: string; repeatPassphrase: string };
export type SetupField =
  | 'schoolNames'
  | 'adminLogin'
  | 'adminName'
  | 'adminPassword'
  | 'repeatPassword'
  | 'passphrase'
  | 'repeatPassphrase';
export type SetupFormState = CommandForm<'setup.complete', SetupFields, SetupField>;

/** The fields each step of the wizard asks for, in the steps' order. */
export const stepFields: readonly (readonly SetupField[])[] = [
  ['schoolNames'],
  [],
  ['adminLogin', 'adminName', 'adminPassword', 'repeatPassword'],
  ['passphrase', 'repeatPassphrase'],
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
    repeatPassphrase: '',
  };
}

export function setupInput({
  repeatPassword: _password,
  repeatPassphrase: _passphrase,
  ...input
}: SetupFields): SetupInput {
  return input;
}

/**
 * The form with the school year's label changed: the dates follow a new year while they are still
 * the ones proposed for the year before (the person has not corrected any of them); dates the
 * person typed are kept as typed.
 */
export function withYearLabel(form: SetupFields, label: string): SetupFields {
  // The dates' own year, not the label's: the label passes through half-typed states on its way.
  const before = Number(form.year.startsOn.slice(0, 4));
  const after = parseSchoolYearLabel(label);
  if (after === null || after === before || !asProposed(form, before)) {
    return { ...form, year: { ...form.year, label } };
  }
  const proposed = schoolYearStarting(after);
  return {
    ...form,
    year: { label, startsOn: proposed.startsOn, endsOn: proposed.endsOn },
    quarters: proposed.quarters.map((q) => ({ ...q })),
  };
}

function asProposed(form: SetupFields, firstYear: number): boolean {
  const proposed = schoolYearStarting(firstYear);
  return (
    form.year.startsOn === proposed.startsOn &&
    form.year.endsOn === proposed.endsOn &&
    form.quarters.length === proposed.quarters.length &&
    form.quarters.every((q, i) => {
      const same = proposed.quarters[i];
      return same !== undefined && q.startsOn === same.startsOn && q.endsOn === same.endsOn;
    })
  );
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
  if (form.repeatPassphrase !== form.backupPassphrase) {
    errors.repeatPassphrase = form.repeatPassphrase === '' ? '' : 'setup.passphrasesDiffer';
  }
  return errors;
}
