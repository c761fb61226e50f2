import { Button, Card, Group, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CloseBoard } from '../../../shared/views';
import { call } from '../../api/client';
import { ReasonField } from '../../components/ReasonField';

/** A deputy closes a day with open items, writing down why: the core keeps and audits the reason. */
export function OverrideForm({
  board,
  day,
  onDone,
  onError,
}: {
  board: CloseBoard;
  day: number;
  onDone: (board: CloseBoard) => void;
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const submit = async () => {
    try {
      onDone(await call('close.override', { closeId: board.closeId, day, reason }));
      setReason('');
    } catch (caught) {
      onError(caught);
    }
  };
  return (
    <Card withBorder>
      <Title order={5}>{t('close.overrideTitle')}</Title>
      <ReasonField
        label={t('close.overrideReason')}
        name="overrideReason"
        value={reason}
        onChange={setReason}
      />
      <Group mt="sm">
        <Button color="yellow" variant="light" onClick={() => void submit()}>
          {t('close.override')}
        </Button>
      </Group>
    </Card>
  );
}
