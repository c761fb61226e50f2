import { Button, CopyButton, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Where the app wrote its files. The window cannot open a folder by itself, so it shows the path
 * and lets the user copy it into the file manager's address bar.
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
