import { Button, CopyButton, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';

/**
 * Where the app wrote its files. The desktop app shows the folder in the file manager; the browser
 * mode cannot, so there the user copies the path into the file manager's address bar.
 */
export function WrittenFiles({ folder }: { folder: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" data-testid="written-folder">
      <Text size="sm" c="dimmed">
        {t('close.folder')}:
      </Text>
      <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }} data-code>
        {folder}
      </Text>
      {api.openFolder && (
        <Button size="compact-xs" variant="light" onClick={() => void api.openFolder?.(folder)}>
          {t('close.openFolder')}
        </Button>
      )}
      <CopyButton value={folder}>
        {({ copied, copy }) => (
          <Button size="compact-xs" variant="subtle" onClick={copy}>
            {copied ? t('close.copied') : t('close.copyPath')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
