import { Button, Group, List, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CloseBoard, CloseItemKindName } from '../../../shared/views';
import { call } from '../../api/client';
import { ConfirmAlert } from '../../components/ConfirmAlert';
import { formatDate } from '../../i18n';
import { CloseItemsTable } from './CloseItemsTable';
import type { DayActions } from './panel-props';

type FinalStep = 'handover' | 'directorSign' | 'stamp' | 'complete';

/** What the director reads before signing: every day closed with a reason, and the reason. */
function Overrides({ board }: { board: CloseBoard }) {
  const { t } = useTranslation();
  const overridden = board.days.filter((d) => d.override !== null);
  if (overridden.length === 0) return <Text size="sm">{t('close.confirmNoOverrides')}</Text>;
  return (
    <Stack gap={4} data-testid="overrides-before-signing">
      <Text size="sm">{t('close.confirmOverrides')}</Text>
      <List size="sm">
        {overridden.map((d) => (
          <List.Item key={d.day}>
            {t('close.day', { day: d.day })} ({formatDate(d.override?.at ?? '')}):{' '}
            {t('close.confirmOverrideLine', {
              reason: d.override?.reason ?? '',
              open: d.override?.openItems ?? 0,
            })}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/**
 * Day 5 in its order: hand-over to the secretary, the director's signature, the seal, the folder.
 * None of them can be taken back, so each asks once more, saying what follows.
 */
export function DayFivePanel({ board, can, act }: DayActions) {
  const { t } = useTranslation();
  const [secretaryId, setSecretaryId] = useState<string | null>(
    board.secretaries[0] ? String(board.secretaries[0].id) : null,
  );
  const [asking, setAsking] = useState<FinalStep | null>(null);
  const closeId = board.closeId;
  const open = board.status === 'open';
  const pending = (kind: CloseItemKindName) =>
    board.items.some((i) => i.kind === kind && (i.status === 'open' || i.status === 'voided'));
  const secretaryName = board.secretaries.find((s) => String(s.id) === secretaryId)?.name ?? '';
  const run: Record<FinalStep, () => Promise<CloseBoard>> = {
    handover: () => call('close.handover', { closeId, secretaryId: Number(secretaryId) }),
    directorSign: () => call('close.directorSign', { closeId }),
    stamp: () => call('close.stamp', { closeId }),
    complete: () => call('close.complete', { closeId }),
  };
  const ask = (step: FinalStep) => () => {
    setAsking(step);
  };
  return (
    <Stack>
      <CloseItemsTable items={board.items.filter((i) => i.day === 5)} />
      {open && (
        <Group align="flex-end">
          {can('close.handover') && pending('handover') && (
            <>
              <Select
                label={t('close.secretary')}
                data={board.secretaries.map((s) => ({ value: String(s.id), label: s.name }))}
                value={secretaryId}
                onChange={setSecretaryId}
              />
              <Button disabled={secretaryId === null} onClick={ask('handover')}>
                {t('close.handover')}
              </Button>
            </>
          )}
          {can('close.directorSign') && pending('director_signature') && (
            <Button onClick={ask('directorSign')}>{t('close.directorSign')}</Button>
          )}
          {can('close.stamp') && pending('stamp') && (
            <Button variant="light" onClick={ask('stamp')}>
              {t('close.stamp')}
            </Button>
          )}
          {can('close.formFolder') && pending('folder') && (
            <Button color="teal" onClick={ask('complete')}>
              {t('close.complete')}
            </Button>
          )}
        </Group>
      )}
      {asking === 'directorSign' && <Overrides board={board} />}
      {asking && (
        <ConfirmAlert
          message={t(`close.confirm_${asking}`, { name: secretaryName })}
          confirmLabel={t('close.confirmYes')}
          keepLabel={t('close.confirmNo')}
          onConfirm={() => {
            const step = asking;
            setAsking(null);
            void act(run[step]);
          }}
          onKeep={() => {
            setAsking(null);
          }}
        />
      )}
    </Stack>
  );
}
