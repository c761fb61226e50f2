import { Button, Group, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CloseItemKindName } from '../../../shared/views';
import { call } from '../../api/client';
import { CloseItemsTable } from './CloseItemsTable';
import type { DayActions } from './panel-props';

/** Day 5 in its order: hand-over to the secretary, the director's signature, the seal, the folder. */
export function DayFivePanel({ board, can, act }: DayActions) {
  const { t } = useTranslation();
  const [secretaryId, setSecretaryId] = useState<string | null>(
    board.secretaries[0] ? String(board.secretaries[0].id) : null,
  );
  const closeId = board.closeId;
  const open = board.status === 'open';
  const pending = (kind: CloseItemKindName) =>
    board.items.some((i) => i.kind === kind && (i.status === 'open' || i.status === 'voided'));
  return (
    <Stack>
      <CloseItemsTable items={board.items.filter((i) => i.day === 5)} />
      {open && (
        <Group align="flex-end">
          {(can('close.handover') || can('close.receive')) && pending('handover') && (
            <>
              <Select
                label={t('close.secretary')}
                data={board.secretaries.map((s) => ({ value: String(s.id), label: s.name }))}
                value={secretaryId}
                onChange={setSecretaryId}
              />
              {/* The secretary signs the receipt herself; the deputy records the hand-over when she cannot. */}
              <Button
                disabled={secretaryId === null}
                onClick={() =>
                  void act(() =>
                    call(can('close.receive') ? 'close.receive' : 'close.handover', {
                      closeId,
                      secretaryId: Number(secretaryId),
                    }),
                  )
                }
              >
                {can('close.receive') ? t('close.receive') : t('close.handover')}
              </Button>
            </>
          )}
          {can('close.directorSign') && pending('director_signature') && (
            <Button onClick={() => void act(() => call('close.directorSign', { closeId }))}>
              {t('close.directorSign')}
            </Button>
          )}
          {can('close.stamp') && pending('stamp') && (
            <Button variant="light" onClick={() => void act(() => call('close.stamp', { closeId }))}>
              {t('close.stamp')}
            </Button>
          )}
          {can('close.formFolder') && pending('folder') && (
            <Button color="teal" onClick={() => void act(() => call('close.complete', { closeId }))}>
              {t('close.complete')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
