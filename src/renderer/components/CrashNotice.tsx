import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useCommand } from './use-command';

/**
 * After a crash the next start says so, once signed in, and offers the diagnostics (in the
 * settings, for the admin) until someone dismisses the notice.
 */
export function CrashNotice({ onOpenSettings }: { onOpenSettings: (() => void) | null }) {
  const { t } = useTranslation();
  const status = useCommand('diagnostics.status', {});
  const crash = status.data?.lastCrash;
  if (!crash) return null;
  const dismiss = async () => {
    await call('diagnostics.dismissCrash', {});
    await status.reload();
  };
  return (
    <Alert color="orange" title={t('operations.crashTitle')} mb="md" data-testid="crash-notice">
      <Text size="sm">
        {t('operations.crashText', { at: new Date(crash.at).toLocaleString(), what: crash.what })}
      </Text>
      <Group mt="sm">
        {onOpenSettings && (
          <Button size="xs" onClick={onOpenSettings}>
            {t('operations.crashOpenSettings')}
          </Button>
        )}
        <Button size="xs" variant="default" onClick={() => void dismiss()}>
          {t('operations.crashDismiss')}
        </Button>
      </Group>
    </Alert>
  );
}
