import { Alert, Badge, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../../shared/views';
import { ErrorAlert } from '../components/ErrorAlert';
import { useCommand } from '../components/use-command';
import { currentLanguage, formatDate, formatDateTime } from '../i18n';
import { CurrentCloseCard } from './close/CurrentCloseCard';
import { usePeriodName } from '../components/use-period-name';

/** Says what a crash had left and this start put in order, so nobody wonders where it went. */
function CleanedNotice({ cleaned }: { cleaned: NonNullable<DashboardSummary['cleanedAtStart']> }) {
  const { t } = useTranslation();
  const lines = [
    cleaned.interrupted.length > 0 &&
      t('dashboard.cleaned.interrupted', { numbers: cleaned.interrupted.join(', ') }),
    cleaned.partialBackups.length > 0 &&
      t('dashboard.cleaned.partialBackups', { count: cleaned.partialBackups.length }),
    cleaned.snapshots.length > 0 && t('dashboard.cleaned.snapshots', { count: cleaned.snapshots.length }),
    cleaned.partialFiles.length > 0 &&
      t('dashboard.cleaned.partialFiles', { count: cleaned.partialFiles.length }),
  ].filter((line): line is string => typeof line === 'string');
  if (lines.length === 0) return null;
  return (
    <Alert color="yellow" title={t('dashboard.cleaned.title')} data-testid="cleaned-at-start">
      {lines.map((line) => (
        <Text key={line} size="sm">
          {line}
        </Text>
      ))}
    </Alert>
  );
}

/** What waits for the person, whose mirror, how current, how big, and the year's periods. */
export function DashboardScreen({
  permissions,
  onOpenClose,
}: {
  permissions: readonly string[];
  onOpenClose: () => void;
}) {
  const { t } = useTranslation();
  const periodName = usePeriodName();
  const { data, error } = useCommand('dashboard.summary', {});
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loader />;
  const counts = ['classes', 'students', 'lessons', 'marks', 'absences'] as const;
  const name = data.schoolName ? (currentLanguage() === 'ky' ? data.schoolName.ky : data.schoolName.ru) : '';
  return (
    <Stack>
      <Title order={2}>{t('dashboard.title')}</Title>
      {data.cleanedAtStart && <CleanedNotice cleaned={data.cleanedAtStart} />}
      <Card withBorder>
        <Text fw={600}>{name}</Text>
        {data.academicYear && <Text c="dimmed">{t('dashboard.year', { label: data.academicYear })}</Text>}
        <Badge
          mt="sm"
          size="lg"
          variant="light"
          color={data.mirrorCurrentAsOf ? 'teal' : 'gray'}
          data-testid="freshness"
        >
          {data.mirrorCurrentAsOf
            ? t('dashboard.mirrorAsOf', { date: formatDateTime(data.mirrorCurrentAsOf) })
            : t('dashboard.mirrorEmpty')}
        </Badge>
      </Card>
      <CurrentCloseCard permissions={permissions} onOpenClose={onOpenClose} />
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        {counts.map((key) => (
          <Card withBorder key={key}>
            <Text size="lg" fw={600}>
              {t(`dashboard.${key}`, { count: data.counts[key] })}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Card withBorder>
        <Title order={4} mb="sm">
          {t('dashboard.periods')}
        </Title>
        <Table striped>
          <Table.Tbody>
            {data.periods.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Group gap="xs">
                    {periodName(p)}
                    {p.id === data.currentPeriodId && <Badge size="sm">{t('dashboard.currentPeriod')}</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {t('dashboard.periodDates', { from: formatDate(p.startsOn), to: formatDate(p.endsOn) })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}
