import { Alert, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCommand } from '../../components/use-command';

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
        <Table>
          <Table.Tbody>
            {quarters.map((q, index) => (
              <Table.Tr key={index}>
                <Table.Td>{t('schoolYear.quarter', { number: index + 1 })}</Table.Td>
                <Table.Td>
                  <TextInput
                    type="date"
                    aria-label={`${t('schoolYear.quarter', { number: index + 1 })}: ${t('schoolYear.startsOn')}`}
                    disabled={!canEdit}
                    value={q.startsOn}
                    onChange={(e) => {
                      set(index, { startsOn: e.currentTarget.value });
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    type="date"
                    aria-label={`${t('schoolYear.quarter', { number: index + 1 })}: ${t('schoolYear.endsOn')}`}
                    disabled={!canEdit}
                    value={q.endsOn}
                    onChange={(e) => {
                      set(index, { endsOn: e.currentTarget.value });
                    }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
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
