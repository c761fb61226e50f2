import { Button, Card, Group, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CloseBoard } from '../../../shared/views';
import { call } from '../../api/client';
import { ConfirmAlert } from '../../components/ConfirmAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ReasonField } from '../../components/ReasonField';

/**
 * A deputy takes back a close started by mistake, writing down why and confirming once more; the
 * core refuses it after the hand-over to the secretary and keeps what it removed in the audit log.
 */
export function CancelCloseForm({
  board,
  onCancelled,
}: {
  board: CloseBoard;
  onCancelled: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const cancel = async () => {
    setConfirming(false);
    try {
      await call('close.cancel', { closeId: board.closeId, reason });
      setReason('');
      setError(null);
      await onCancelled();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Card withBorder>
      <Title order={5}>{t('close.cancelTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('close.cancelHint')}
      </Text>
      <ReasonField label={t('close.cancelReason')} name="cancelReason" value={reason} onChange={setReason} />
      <Group mt="sm">
        <Button
          color="red"
          variant="light"
          onClick={() => {
            setConfirming(true);
          }}
        >
          {t('close.cancel')}
        </Button>
      </Group>
      {confirming && (
        <ConfirmAlert
          message={t('close.cancelConfirm')}
          confirmLabel={t('close.cancel')}
          keepLabel={t('close.cancelKeep')}
          onConfirm={() => void cancel()}
          onKeep={() => {
            setConfirming(false);
          }}
        />
      )}
      <ErrorAlert error={error} />
    </Card>
  );
}
