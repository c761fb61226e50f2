import { Badge, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CommandError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCommand } from '../../components/use-command';
import { usePeriodName } from '../../components/use-period-name';
import { DayBoard } from './DayBoard';
import { YourTurn } from './YourTurn';

/**
 * The close under way (or the last one) on the dashboard: what waits for the signed-in person,
 * its five days and how far each has come. Roles that do not see the close (the IT person) get
 * nothing here.
 */
export function CurrentCloseCard({
  permissions,
  onOpenClose,
}: {
  permissions: readonly string[];
  onOpenClose: () => void;
}) {
  const { t } = useTranslation();
  const periodName = usePeriodName();
  const overview = useCommand('close.overview', {});
  const closes = overview.data?.closes ?? [];
  const close = closes.find((c) => c.status === 'open') ?? closes.at(-1);
  const board = useCommand('close.board', close ? { closeId: close.id } : null);
  if (overview.error instanceof CommandError && overview.error.code === 'FORBIDDEN') return null;
  if (overview.error || board.error) return <ErrorAlert error={overview.error ?? board.error} />;
  if (!board.data) return null;
  const total = board.data.days.reduce((n, d) => n + d.total, 0);
  const done = board.data.days.reduce((n, d) => n + d.done, 0);
  return (
    <>
      <YourTurn board={board.data} permissions={permissions} onOpenClose={onOpenClose} />
      <Card withBorder data-testid="current-close">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={4}>{t('close.dashboardTitle', { period: periodName(board.data.period) })}</Title>
            <Badge color={board.data.status === 'completed' ? 'teal' : 'blue'}>
              {t(`close.status_${board.data.status}`)}
            </Badge>
          </Group>
          <Progress value={total === 0 ? 0 : (done / total) * 100} />
          <Text size="sm" c="dimmed">
            {t('close.progress', { done, total })}
          </Text>
          <DayBoard board={board.data} />
        </Stack>
      </Card>
    </>
  );
}
