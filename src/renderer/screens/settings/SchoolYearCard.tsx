import { Card, Divider, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCommand } from '../../components/use-command';
import { NewSchoolYearForm } from './NewSchoolYearForm';
import { YearQuartersForm } from './YearQuartersForm';

/** The quarters' dates of each academic year, which the online journal does not provide. */
export function SchoolYearCard({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const years = useCommand('settings.years', {});
  const [yearId, setYearId] = useState<number | null>(null);
  const year = years.data?.find((y) => y.id === yearId) ?? years.data?.[0];
  if (!years.data || !year) return <ErrorAlert error={years.error} />;
  return (
    <Card withBorder data-testid="school-year">
      <Stack>
        <Title order={4}>{t('schoolYear.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('schoolYear.hint')}
        </Text>
        <Select
          w={200}
          label={t('schoolYear.year')}
          allowDeselect={false}
          data={years.data.map((y) => ({ value: String(y.id), label: y.label }))}
          value={String(year.id)}
          onChange={(value) => {
            setYearId(value ? Number(value) : null);
          }}
        />
        <YearQuartersForm year={year} canEdit={canEdit} onSaved={() => void years.reload()} />
        {canEdit && (
          <>
            <Divider />
            <NewSchoolYearForm
              years={years.data}
              onAdded={(updated, label) => {
                setYearId(updated.find((y) => y.label === label)?.id ?? null);
                void years.reload();
              }}
            />
          </>
        )}
      </Stack>
    </Card>
  );
}
