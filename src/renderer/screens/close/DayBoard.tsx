import { Badge, Card, Progress, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CloseBoard } from '../../../shared/views';

/** The five days side by side: what each is, how far it has come, and which one is today's work. */
export function DayBoard({ board, onPick }: { board: CloseBoard; onPick?: (day: number) => void }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={5} data-testid="day-board">
      {board.days.map((d) => {
        const current = d.day === board.currentDay;
        return (
          <Card
            key={d.day}
            withBorder
            padding="sm"
            style={{
              cursor: onPick ? 'pointer' : undefined,
              borderColor: current ? 'var(--mantine-color-teal-6)' : undefined,
            }}
            onClick={() => {
              onPick?.(d.day);
            }}
          >
            <Text fw={700}>{t('close.day', { day: d.day })}</Text>
            <Text size="xs" c="dimmed" mih={54}>
              {t(`close.day${d.day}` as 'close.day1')}
            </Text>
            <Progress
              mt="xs"
              value={d.total === 0 ? (d.completed ? 100 : 0) : (d.done / d.total) * 100}
              color={d.completed ? 'teal' : 'blue'}
            />
            <Text size="xs" mt={4}>
              {d.done} / {d.total}
            </Text>
            {d.completed && (
              <Badge mt={4} size="xs" color={d.override ? 'yellow' : 'teal'}>
                {d.override ? t('close.item_overridden') : t('close.dayDone')}
              </Badge>
            )}
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
