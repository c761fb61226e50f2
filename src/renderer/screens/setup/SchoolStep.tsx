import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../../i18n';
import type { SetupFormState, SetupInput } from './setup-form';

const nameFields = [
  ['nameKy', 'setup.schoolNameKy', true],
  ['nameRu', 'setup.schoolNameRu', true],
  ['addressKy', 'setup.addressKy', false],
  ['addressRu', 'setup.addressRu', false],
] as const;

/** The school's names and addresses as its copies print them, and the languages. */
export function SchoolStep({ setup }: { setup: SetupFormState }) {
  const { t } = useTranslation();
  const { form, edit } = setup;
  const setSchool = (patch: Partial<SetupInput['school']>) => {
    edit((f) => ({ ...f, school: { ...f.school, ...patch } }));
  };
  return (
    <Stack>
      {nameFields.map(([field, label, required]) => (
        <TextInput
          key={field}
          label={t(label)}
          required={required}
          value={form.school[field]}
          onChange={(e) => {
            setSchool({ [field]: e.currentTarget.value });
          }}
        />
      ))}
      <SimpleGrid cols={2}>
        <Select
          label={t('setup.uiLanguage')}
          data={(['ky', 'ru', 'en'] as const).map((l) => ({ value: l, label: t(`languages.${l}`) }))}
          value={form.defaultLanguage}
          allowDeselect={false}
          onChange={(value) => {
            const language = value ?? 'ky';
            edit((f) => ({ ...f, defaultLanguage: language }));
            void changeLanguage(language);
          }}
        />
        <Select
          label={t('setup.documentLanguage')}
          data={(['ky', 'ru'] as const).map((l) => ({ value: l, label: t(`languages.${l}`) }))}
          value={form.documentLanguage}
          allowDeselect={false}
          onChange={(value) => {
            edit((f) => ({ ...f, documentLanguage: value ?? 'ky' }));
          }}
        />
      </SimpleGrid>
    </Stack>
  );
}
