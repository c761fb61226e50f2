import { Alert, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCommand } from '../../components/use-command';
import { formatDate } from '../../i18n';

type Quarter = { startsOn: string; endsOn: string };

/** The quarters' dates of each academic year, which the online journal does not provide. */
export function SchoolYearCard({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const years = useCommand('settings.years', {});
  const [yearId, setYearId] = useState<number | null>(null);
  const [quarters, setQuarters] = useState<Quarter[]>([]);
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
  const set = (index: number, change: Partial<Quarter>) => {
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
        <Stack gap="xs">
          {quarters.map((q, index) => (
            <Group key={index} align="flex-end">
              <Text w={110} fw={500}>
                {t('schoolYear.quarter', { number: index + 1 })}
              </Text>
              {canEdit ? (
                <>
                  <DateField
                    label={t('schoolYear.startsOn')}
                    value={q.startsOn}
                    onChange={(iso) => {
                      set(index, { startsOn: iso });
                    }}
                  />
                  <DateField
                    label={t('schoolYear.endsOn')}
                    value={q.endsOn}
                    onChange={(iso) => {
                      set(index, { endsOn: iso });
                    }}
                  />
                </>
              ) : (
                <Text>
                  {formatDate(q.startsOn)} – {formatDate(q.endsOn)}
                </Text>
              )}
            </Group>
          ))}
        </Stack>
        <ErrorAlert error={error} />
        {canEdit && (
          <Group>
            <Button onClick={() => void save()}>{t('common.save')}</Button>
            {saved && <Alert color="teal">{t('schoolYear.saved')}</Alert>}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
