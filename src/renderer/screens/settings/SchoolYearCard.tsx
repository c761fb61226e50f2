import { Alert, Button, Card, Divider, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCommand } from '../../components/use-command';
import { formatDate } from '../../i18n';
import { NewSchoolYearForm } from './NewSchoolYearForm';
import { QuarterDateRows, type QuarterDates } from './QuarterDateRows';

/** The quarters' dates of each academic year, which the online journal does not provide. */
export function SchoolYearCard({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const years = useCommand('settings.years', {});
  const [yearId, setYearId] = useState<number | null>(null);
  const [quarters, setQuarters] = useState<QuarterDates[]>([]);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const year = years.data?.find((y) => y.id === yearId) ?? years.data?.[0];
  useEffect(() => {
    setQuarters(year ? year.quarters.map((q) => ({ startsOn: q.startsOn, endsOn: q.endsOn })) : []);
  }, [year]);
  if (!years.data || !year) return <ErrorAlert error={years.error} />;
  const save = async () => {
    setSaved(false);
    try {
      await call('settings.updateQuarters', { academicYearId: year.id, quarters });
      setSaved(true);
      setError(null);
      void years.reload();
    } catch (caught) {
      setError(caught);
    }
  };
  const set = (index: number, change: Partial<QuarterDates>) => {
    setQuarters(quarters.map((q, i) => (i === index ? { ...q, ...change } : q)));
    setSaved(false);
  };
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
        {canEdit ? (
          <QuarterDateRows quarters={quarters} onChange={set} />
        ) : (
          <Stack gap="xs">
            {quarters.map((q, index) => (
              <Group key={index}>
                <Text w={110} fw={500}>
                  {t('schoolYear.quarter', { number: index + 1 })}
                </Text>
                <Text>
                  {formatDate(q.startsOn)} – {formatDate(q.endsOn)}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
        <ErrorAlert error={error} />
        {canEdit && (
          <Group>
            <Button onClick={() => void save()}>{t('common.save')}</Button>
            {saved && <Alert color="teal">{t('schoolYear.saved')}</Alert>}
          </Group>
        )}
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
