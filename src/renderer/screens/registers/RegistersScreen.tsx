import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../shared/views';
import { ArchiveTab } from './ArchiveTab';
import { BackupTab } from './BackupTab';
import { CheckCopyCard } from './CheckCopyCard';
import { HandoverTab } from './HandoverTab';
import { InventoryTab } from './InventoryTab';

/** The registers the secretary keeps: archive, backups and their use, hand-overs, folder inventories. */
export function RegistersScreen({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t('registers.title')}</Title>
      {session.permissions.includes('documents.read') && <CheckCopyCard />}
      <Tabs defaultValue="archive" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="archive">{t('registers.tabArchive')}</Tabs.Tab>
          <Tabs.Tab value="inventory">{t('registers.tabInventory')}</Tabs.Tab>
          <Tabs.Tab value="backup">{t('registers.tabBackup')}</Tabs.Tab>
          <Tabs.Tab value="handover">{t('registers.tabHandover')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="archive" pt="md">
          <ArchiveTab canEdit={session.permissions.includes('registers.edit')} />
        </Tabs.Panel>
        <Tabs.Panel value="inventory" pt="md">
          <InventoryTab />
        </Tabs.Panel>
        <Tabs.Panel value="backup" pt="md">
          <BackupTab canRestore={session.permissions.includes('backup.restore')} />
        </Tabs.Panel>
        <Tabs.Panel value="handover" pt="md">
          <HandoverTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
