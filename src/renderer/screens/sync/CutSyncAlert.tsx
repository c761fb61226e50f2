import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KundolukCutSyncView } from '../../../shared/register-views';
import { formatDate } from '../../i18n';

/** A Kundoluk sync cut off before its last week, offered to continue from the first unwritten week. */
export function CutSyncAlert({
  cut,
  disabled,
  onResume,
}: {
  cut: KundolukCutSyncView;
  disabled: boolean;
  onResume: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" data-testid="kundoluk-cut">
      <Stack gap="xs" align="flex-start">
        <Text size="sm" fw={500}>
          {t('kundolukSync.cutAccount', { account: cut.account })}
        </Text>
        <Text size="sm">
          {t('kundolukSync.cut', {
            from: formatDate(cut.from),
            to: formatDate(cut.to),
            weeksDone: cut.weeksDone,
            weeks: cut.weeks,
            doneThrough: formatDate(cut.doneThrough ?? cut.from),
          })}
        </Text>
        <Button size="xs" disabled={disabled} onClick={onResume}>
          {t('kundolukSync.resume', { next: cut.weeksDone + 1 })}
        </Button>
      </Stack>
    </Alert>
  );
}
