import { Alert, Button, Card, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SchoolDetailsView } from '../../../shared/views';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCommandForm } from '../../components/use-command-form';

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
  const details = useCommandForm({
    command: 'settings.updateSchool',
    initial: school,
    input: (form: SchoolDetailsView) => ({ school: form }),
    nextForm: (settings, form) => settings.school ?? form,
    onDone: onSaved,
  });
  const { form } = details;
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
              details.edit({ ...form, [field]: e.currentTarget.value });
            }}
          />
        ))}
        <ErrorAlert error={details.error} />
        {canEdit && (
          <Button
            style={{ alignSelf: 'flex-start' }}
            loading={details.busy}
            onClick={() => void details.submit()}
          >
            {t('common.save')}
          </Button>
        )}
        {details.done && <Alert color="teal">{t('settingsMore.schoolSaved')}</Alert>}
      </Stack>
    </Card>
  );
}
