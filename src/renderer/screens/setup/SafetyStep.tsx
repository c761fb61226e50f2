import { PasswordInput, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SetupFormState, SetupInput } from './setup-form';

/** The backup passphrase and how the mirror is fed from Kundoluk. */
export function SafetyStep({ setup }: { setup: SetupFormState }) {
  const { t } = useTranslation();
  const { form, edit, errors } = setup;
  const setKundoluk = (patch: Partial<SetupInput['kundoluk']>) => {
    edit((f) => ({ ...f, kundoluk: { ...f.kundoluk, ...patch } }));
  };
  return (
    <Stack>
      <PasswordInput
        label={t('setup.backupPassphrase')}
        description={t('setup.backupPassphraseHint')}
        required
        value={form.backupPassphrase}
        onChange={(e) => {
          const backupPassphrase = e.currentTarget.value;
          edit((f) => ({ ...f, backupPassphrase }));
        }}
      />
      <PasswordInput
        label={t('setup.backupPassphraseRepeat')}
        name="repeatPassphrase"
        required
        value={form.repeatPassphrase}
        error={errors.repeatPassphrase ? t(errors.repeatPassphrase) : null}
        onChange={(e) => {
          const repeatPassphrase = e.currentTarget.value;
          edit((f) => ({ ...f, repeatPassphrase }));
        }}
      />
      <Text size="sm" fw={500}>
        {t('setup.kundolukMode')}
      </Text>
      <SegmentedControl
        value={form.kundoluk.mode}
        onChange={(value) => {
          setKundoluk({ mode: value });
        }}
        data={[
          { value: 'api', label: t('setup.kundolukApi') },
          { value: 'file', label: t('setup.kundolukFile') },
          { value: 'later', label: t('setup.kundolukLater') },
        ]}
      />
      {form.kundoluk.mode === 'api' && (
        <SimpleGrid cols={2}>
          <TextInput
            label={t('setup.kundolukUrl')}
            placeholder="https://kundoluk.edu.gov.kg"
            value={form.kundoluk.url ?? ''}
            onChange={(e) => {
              setKundoluk({ url: e.currentTarget.value || null });
            }}
          />
          <TextInput
            label={t('setup.kundolukLogin')}
            value={form.kundoluk.login ?? ''}
            onChange={(e) => {
              setKundoluk({ login: e.currentTarget.value || null });
            }}
          />
          <PasswordInput
            label={t('settingsMore.kundolukToken')}
            description={t('settingsMore.tokenHint')}
            autoComplete="off"
            value={form.kundolukToken ?? ''}
            onChange={(e) => {
              const kundolukToken = e.currentTarget.value.trim() || null;
              edit((f) => ({ ...f, kundolukToken }));
            }}
          />
        </SimpleGrid>
      )}
    </Stack>
  );
}
