import { AppShell, Badge, Button, Group, Kbd, NavLink, Stack, Text, Title } from '@mantine/core';
import { useHotkeys, useIdle } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus, SessionView } from '../../shared/views';
import { call } from '../api/client';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { currentLanguage } from '../i18n';
import { AuditScreen } from '../screens/audit/AuditScreen';
import { ChangesScreen } from '../screens/changes/ChangesScreen';
import { CloseScreen } from '../screens/close/CloseScreen';
import { DashboardScreen } from '../screens/DashboardScreen';
import { JournalScreen } from '../screens/JournalScreen';
import { RegistersScreen } from '../screens/registers/RegistersScreen';
import { ReportsScreen } from '../screens/reports/ReportsScreen';
import { SettingsScreen } from '../screens/SettingsScreen';
import { SyncScreen } from '../screens/sync/SyncScreen';
import { UsersScreen } from '../screens/UsersScreen';
import { screens, type ScreenId } from '../../shared/screens';
import { CrashNotice } from '../components/CrashNotice';
import { HelpDrawer } from '../components/HelpDrawer';

/** The signed-in window: the school and the user on top, the screens the role may use on the left. */
export function Shell({
  status,
  session,
  firstScreen,
  onChange,
}: {
  status: AppStatus;
  session: SessionView;
  /** Where the window opens when not on the role's first screen (the import, right after setup). */
  firstScreen?: ScreenId;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const visible = screens.filter((s) => s.permission === null || session.permissions.includes(s.permission));
  const [screen, setScreen] = useState<ScreenId>(
    visible.find((s) => s.id === firstScreen)?.id ?? visible[0]?.id ?? 'settings',
  );
  const idle = useIdle(status.idleMinutes * 60_000, { initialState: false });
  const [helpOpen, setHelpOpen] = useState(false);

  const lock = async () => {
    await call('auth.lock', {});
    onChange();
  };
  const signOut = async () => {
    await call('auth.signOut', {});
    onChange();
  };
  useEffect(() => {
    // The core locks an idle session too; locking here shows the lock screen without waiting for a click.
    if (idle) void lock();
  }, [idle]);
  // The shortcuts work with the cursor in a field too: a person typing a reason still reaches help or the lock.
  useHotkeys(
    [
      ...visible.map((s): [string, () => void] => [
        `mod+${s.shortcut}`,
        () => {
          setScreen(s.id);
        },
      ]),
      ['mod+L', () => void lock()],
      [
        'F1',
        () => {
          setHelpOpen(true);
        },
      ],
    ],
    [],
  );
  useEffect(() =>
    window.moor?.onMenu?.((item) => {
      if (item === 'lock') void lock();
      else if (item === 'signOut') void signOut();
      else if (visible.some((s) => s.id === item)) setScreen(item as ScreenId);
    }),
  );

  const schoolName = status.school
    ? currentLanguage() === 'ky'
      ? status.school.nameKy
      : status.school.nameRu
    : '';
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 250, breakpoint: 0 }} padding="md">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={3}>{t('app.name')}</Title>
            <Text c="dimmed" truncate>
              {schoolName}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Button
              variant="default"
              size="xs"
              onClick={() => {
                setHelpOpen(true);
              }}
            >
              {t('help.open')}
            </Button>
            <LanguageSwitch />
            <Stack gap={0} align="flex-end">
              <Text size="sm" fw={500} data-testid="current-user">
                {session.user.fullName}
              </Text>
              <Badge size="xs" variant="light">
                {t(`roles.${session.user.role}`)}
              </Badge>
            </Stack>
            <Button variant="default" size="xs" onClick={() => void lock()}>
              {t('signIn.lock')}
            </Button>
            <Button variant="subtle" size="xs" onClick={() => void signOut()}>
              {t('signIn.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        {visible.map((s) => (
          <NavLink
            key={s.id}
            component="button"
            aria-current={screen === s.id ? 'page' : undefined}
            active={screen === s.id}
            label={t(`nav.${s.id}`)}
            rightSection={<Kbd size="xs">Ctrl+{s.shortcut}</Kbd>}
            onClick={() => {
              setScreen(s.id);
            }}
          />
        ))}
      </AppShell.Navbar>
      <HelpDrawer
        role={session.user.role}
        opened={helpOpen}
        onClose={() => {
          setHelpOpen(false);
        }}
      />
      <AppShell.Main>
        <CrashNotice
          onOpenSettings={
            session.permissions.includes('settings.manage')
              ? () => {
                  setScreen('settings');
                }
              : null
          }
        />
        {screen === 'dashboard' && (
          <DashboardScreen
            permissions={session.permissions}
            onOpenClose={() => {
              setScreen('close');
            }}
          />
        )}
        {screen === 'close' && <CloseScreen session={session} />}
        {screen === 'journal' && <JournalScreen />}
        {screen === 'reports' && <ReportsScreen />}
        {screen === 'changes' && <ChangesScreen />}
        {screen === 'registers' && <RegistersScreen session={session} />}
        {screen === 'sync' && <SyncScreen />}
        {screen === 'audit' && <AuditScreen />}
        {screen === 'users' && <UsersScreen session={session} />}
        {screen === 'settings' && <SettingsScreen session={session} onSchoolChange={onChange} />}
      </AppShell.Main>
    </AppShell>
  );
}
