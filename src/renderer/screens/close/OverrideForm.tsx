import { Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckListView, CloseBoard } from '../../../shared/views';
import { call } from '../../api/client';
import { ConfirmAlert } from '../../components/ConfirmAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../i18n';
import { ReasonField } from '../../components/ReasonField';
import { overrideSummary, type OverrideSummary } from './override-summary';

/** What the deputy reads before overriding: how many open items of each kind, and what they still hold. */
function SummaryOfOverride({ summary }: { summary: OverrideSummary }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid="override-summary">
      <Text size="sm" fw={600}>
        {t('close.overrideSummary', { count: summary.open, open: formatNumber(summary.open) })}
      </Text>
      <List size="sm">
        {summary.byKind.map(([kind, count]) => (
          <List.Item key={kind}>
            {t(`close.kind_${kind}`)}: {formatNumber(count)}
          </List.Item>
        ))}
      </List>
      {summary.byRule && summary.byRule.length > 0 && (
        <>
          <Text size="sm">{t('close.overrideFindings')}</Text>
          <Group gap={4}>
            {summary.byRule.map(([rule, count]) => (
              <Badge key={rule} variant="outline" color="orange.9">
                {t(`rules.${rule}`)}: {formatNumber(count)}
              </Badge>
            ))}
          </Group>
        </>
      )}
    </Stack>
  );
}

/**
 * A deputy closes a day with open items, writing down why: the core keeps and audits the reason.
 * The form stays at the bottom of the window while the day's long lists scroll past, and says what
 * the override covers before it is made.
 */
export function OverrideForm({
  board,
  day,
  checkList,
  onDone,
}: {
  board: CloseBoard;
  day: number;
  /** Day 1's check list as run on this screen, to say what the open items still hold. */
  checkList: CheckListView | null;
  onDone: (board: CloseBoard) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const summary = overrideSummary(board, day, checkList);
  const submit = async () => {
    setAsking(false);
    try {
      onDone(await call('close.override', { closeId: board.closeId, day, reason }));
      setReason('');
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Card
      withBorder
      shadow="md"
      data-testid="override-bar"
      style={{ position: 'sticky', bottom: 0, zIndex: 5 }}
    >
      <Title order={5}>{t('close.overrideTitle')}</Title>
      <ReasonField
        label={t('close.overrideReason')}
        name="overrideReason"
        value={reason}
        onChange={(next) => {
          setReason(next);
          setAsking(false);
        }}
      />
      <Group mt="sm">
        <Button
          color="yellow"
          variant="light"
          onClick={() => {
            setError(null);
            setAsking(true);
          }}
        >
          {t('close.override')}
        </Button>
      </Group>
      {asking && (
        <ConfirmAlert
          message={t('close.overrideAsk')}
          confirmLabel={t('close.overrideYes')}
          keepLabel={t('close.confirmNo')}
          onConfirm={() => void submit()}
          onKeep={() => {
            setAsking(false);
          }}
        >
          <SummaryOfOverride summary={summary} />
        </ConfirmAlert>
      )}
      <ErrorAlert error={error} />
    </Card>
  );
}
