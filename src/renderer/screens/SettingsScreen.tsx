import { Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../shared/views';
import { ErrorAlert } from '../components/ErrorAlert';
import { useCommand } from '../components/use-command';
import { ArchiveDefaultsCard } from './settings/ArchiveDefaultsCard';
import { InstallationCard } from './settings/InstallationCard';
import { JournalRulesCard } from './settings/JournalRulesCard';
import { KundolukCard } from './settings/KundolukCard';
import { OperationsCard } from './settings/OperationsCard';
import { OwnPasswordCard } from './settings/OwnPasswordCard';
import { PassphraseCard } from './settings/PassphraseCard';
import { SchoolCard } from './settings/SchoolCard';
import { SchoolYearCard } from './settings/SchoolYearCard';

/**
 * Everyone can change their own password; the admin also edits the installation's settings.
 * `onSchoolChange` lets the window's header show a corrected school name at once.
 */
export function SettingsScreen({
  session,
  onSchoolChange,
}: {
  session: SessionView;
  onSchoolChange: () => void;
}) {
  const { t } = useTranslation();
  const settings = useCommand('settings.get', {});
  const canEdit = session.permissions.includes('settings.manage');
  const reload = () => void settings.reload();

  if (!settings.data) return settings.error ? <ErrorAlert error={settings.error} /> : <Loader />;
  return (
    <Stack maw={720}>
      <Title order={2}>{t('settings.title')}</Title>
      <InstallationCard settings={settings.data} canEdit={canEdit} onSaved={reload} />
      {settings.data.school && (
        <SchoolCard
          school={settings.data.school}
          canEdit={canEdit}
          onSaved={() => {
            reload();
            onSchoolChange();
          }}
        />
      )}
      {canEdit && <KundolukCard settings={settings.data} onSaved={reload} />}
      {canEdit && <PassphraseCard />}
      {canEdit && <OperationsCard />}
      <SchoolYearCard canEdit={canEdit} />
      <JournalRulesCard settings={settings.data} canEdit={canEdit} onSaved={reload} />
      <ArchiveDefaultsCard settings={settings.data} canEdit={canEdit} onSaved={reload} />
      <OwnPasswordCard />
    </Stack>
  );
}
