import { PasswordInput, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SetupFormState, SetupInput } from './setup-form';

/** The first administrator, whose password is typed twice. */
export function AdminStep({ setup }: { setup: SetupFormState }) {
  const { t } = useTranslation();
  const { form, edit, errors } = setup;
  const setAdmin = (patch: Partial<SetupInput['admin']>) => {
    edit((f) => ({ ...f, admin: { ...f.admin, ...patch } }));
  };
  return (
    <Stack>
      <TextInput
        label={t('setup.adminName')}
        required
        value={form.admin.fullName}
        onChange={(e) => {
          setAdmin({ fullName: e.currentTarget.value });
        }}
      />
      <TextInput
        label={t('setup.adminLogin')}
        required
        value={form.admin.login}
        onChange={(e) => {
          setAdmin({ login: e.currentTarget.value });
        }}
      />
      <PasswordInput
        label={t('setup.adminPassword')}
        required
        value={form.admin.password}
        onChange={(e) => {
          setAdmin({ password: e.currentTarget.value });
        }}
      />
      <PasswordInput
        label={t('setup.adminPasswordRepeat')}
        required
        value={form.repeatPassword}
        error={errors.repeatPassword ? t(errors.repeatPassword) : null}
        onChange={(e) => {
          const repeatPassword = e.currentTarget.value;
          edit((f) => ({ ...f, repeatPassword }));
        }}
      />
    </Stack>
  );
}
