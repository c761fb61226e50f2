import { Alert, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackupWizard } from './BackupWizard';
import { CloseItemsTable } from './CloseItemsTable';
import { PrintCentre } from './PrintCentre';
import type { BoardUpdates } from './panel-props';

/** Day 2: the verified backup on an external drive, and the paper copies of every class. */
export function DayTwoPanel({
  board,
  permissions,
  onBoard,
}: BoardUpdates & { permissions: readonly string[] }) {
  const { t } = useTranslation();
  const backupPending = board.items.some((i) => i.kind === 'backup' && i.status === 'open');
  // Keeps the wizard (and its register number) on screen after the backup that completed it.
  const [wizardShown, setWizardShown] = useState(backupPending);
  const open = board.status === 'open';
  return (
    <Stack>
      {board.changedSincePrint.length > 0 && (
        <Alert color="orange">
          {t('close.changedSincePrint', {
            classes: board.changedSincePrint.map((c) => c.className).join(', '),
          })}
        </Alert>
      )}
      {open && permissions.includes('documents.print') && <PrintCentre board={board} onBoard={onBoard} />}
      {open && permissions.includes('backup.create') && (backupPending || wizardShown) && (
        <BackupWizard
          board={board}
          onBoard={(next) => {
            setWizardShown(true);
            onBoard(next);
          }}
        />
      )}
      <CloseItemsTable items={board.items.filter((i) => i.day === 2)} />
    </Stack>
  );
}
