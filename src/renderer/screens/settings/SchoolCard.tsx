import { Alert, Button, Card, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchoolDetailsView } from '../../../shared/views';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

const fields = [
  ['nameKy', 'setup.schoolNameKy'],
  ['nameRu', 'setup.schoolNameRu'],
  ['addressKy', 'setup.addressKy'],
  ['addressRu', 'setup.addressRu'],
] as const;

/** The school's names and addresses as its copies print them; the admin corrects a misspelling. */
export function SchoolCard({
  school,
  canEdit,
  onSaved,
}: {
  school: SchoolDetailsView;
  canEdit: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState(school);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const save = async () => {
    try {
      const settings = await call('settings.updateSchool', { school: form });
      if (settings.school) setForm(settings.school);
      setSaved(true);
      setError(null);
      onSaved();
    } catch (caught) {
      setSaved(false);
      setError(caught);
    }
  };
  return (
    <Card withBorder data-testid="school-details">
      <Stack>
        <Title order={4}>{t('settingsMore.schoolTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('settingsMore.schoolHint')}
        </Text>
        {fields.map(([field, label]) => (
          <TextInput
            key={field}
            label={t(label)}
            disabled={!canEdit}
            value={form[field]}
            onChange={(e) => {
              setForm({ ...form, [field]: e.currentTarget.value });
              setSaved(false);
            }}
          />
        ))}
        <ErrorAlert error={error} />
        {canEdit && (
          <Button style={{ alignSelf: 'flex-start' }} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        )}
        {saved && <Alert color="teal">{t('settingsMore.schoolSaved')}</Alert>}
      </Stack>
    </Card>
  );
}
