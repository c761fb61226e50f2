import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  NumberInput,
  PasswordInput,
  Select,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../shared/contract';
import type { SessionView } from '../../shared/views';
import { call } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { useCommand } from '../components/use-command';
import { JournalRulesCard } from './settings/JournalRulesCard';
import { KundolukCard } from './settings/KundolukCard';
import { OperationsCard } from './settings/OperationsCard';
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
  const [form, setForm] = useState<InputOf<'settings.update'> | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [passwords, setPasswords] = useState({ current: '', next: '' });
  const [passwordChanged, setPasswordChanged] = useState(false);
  // A new Kundoluk token, sent once when saving; the stored one is never shown.
  const [token, setToken] = useState('');
  useEffect(() => {
    if (settings.data) {
      const {
        school: _school,
        backupPassphraseSet: _set,
        kundolukTokenSet: _token,
        journalRules: _rules,
        regulationJournalRules: _regulation,
        kundolukService: _service,
        kundolukDefaults: _defaults,
        ...editable
      } = settings.data;
      setForm(editable);
    }
  }, [settings.data]);

  const save = async () => {
    if (!form) return;
    try {
      await call('settings.update', token.trim() === '' ? form : { ...form, kundolukToken: token.trim() });
      setToken('');
      void settings.reload();
      setSaved(true);
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  };
  const changePassword = async () => {
    try {
      await call('auth.changePassword', passwords);
      setPasswordChanged(true);
      setPasswords({ current: '', next: '' });
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  };

  if (!form || !settings.data) return settings.error ? <ErrorAlert error={settings.error} /> : <Loader />;
  return (
    <Stack maw={720}>
      <Title order={2}>{t('settings.title')}</Title>
      <ErrorAlert error={error} />
      <Card withBorder>
        <Stack>
          <Select
            label={t('setup.uiLanguage')}
            disabled={!canEdit}
            allowDeselect={false}
            data={(['ky', 'ru', 'en'] as const).map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            value={form.defaultLanguage}
            onChange={(value) => {
              setForm({ ...form, defaultLanguage: value ?? 'ky' });
            }}
          />
          <Select
            label={t('setup.documentLanguage')}
            disabled={!canEdit}
            allowDeselect={false}
            data={(['ky', 'ru'] as const).map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            value={form.documentLanguage}
            onChange={(value) => {
              setForm({ ...form, documentLanguage: value ?? 'ky' });
            }}
          />
          <NumberInput
            label={t('settings.idleMinutes')}
            disabled={!canEdit}
            min={1}
            max={240}
            value={form.idleMinutes}
            onChange={(value) => {
              setForm({ ...form, idleMinutes: typeof value === 'number' ? value : form.idleMinutes });
            }}
          />
          <TextInput
            label={t('settings.updateUrl')}
            disabled={!canEdit}
            placeholder="https://updates.school.kg/moor"
            value={form.updateUrl ?? ''}
            onChange={(e) => {
              setForm({ ...form, updateUrl: e.currentTarget.value || null });
            }}
          />
          <Select
            label={t('settingsMore.kundolukMode')}
            disabled={!canEdit}
            allowDeselect={false}
            data={(['api', 'file', 'later'] as const).map((m) => ({
              value: m,
              label: t(`settingsMore.modes.${m}`),
            }))}
            value={form.kundoluk.mode}
            onChange={(value) => {
              setForm({
                ...form,
                kundoluk: { ...form.kundoluk, mode: value ?? 'later' },
              });
            }}
          />
          {canEdit && (
            <PasswordInput
              label={t('settingsMore.kundolukToken')}
              description={t('settingsMore.tokenHint')}
              autoComplete="off"
              value={token}
              onChange={(e) => {
                setToken(e.currentTarget.value);
              }}
            />
          )}
          <Group>
            {t('settingsMore.kundolukToken')}:
            <Badge
              color={settings.data.kundolukTokenSet ? 'teal' : 'gray'}
              variant="light"
              data-testid="token-state"
            >
              {settings.data.kundolukTokenSet ? t('settingsMore.tokenSet') : t('settingsMore.tokenMissing')}
            </Badge>
          </Group>
          <Group>
            {t('settings.backupPassphrase')}:
            <Badge color={settings.data.backupPassphraseSet ? 'teal' : 'red'} variant="light">
              {settings.data.backupPassphraseSet
                ? t('settings.passphraseSet')
                : t('settings.passphraseMissing')}
            </Badge>
          </Group>
          {canEdit && (
            <Group>
              <Button onClick={() => void save()}>{t('common.save')}</Button>
              {saved && <Alert color="teal">{t('settings.saved')}</Alert>}
            </Group>
          )}
        </Stack>
      </Card>
      {settings.data.school && (
        <SchoolCard
          school={settings.data.school}
          canEdit={canEdit}
          onSaved={() => {
            void settings.reload();
            onSchoolChange();
          }}
        />
      )}
      {canEdit && <KundolukCard settings={settings.data} onSaved={() => void settings.reload()} />}
      {canEdit && <PassphraseCard />}
      {canEdit && <OperationsCard />}
      <SchoolYearCard canEdit={canEdit} />
      <JournalRulesCard settings={settings.data} canEdit={canEdit} onSaved={() => void settings.reload()} />
      <Card withBorder>
        <Title order={4} mb="sm">
          {t('settings.changePassword')}
        </Title>
        <Group align="flex-end">
          <PasswordInput
            label={t('settings.currentPassword')}
            value={passwords.current}
            onChange={(e) => {
              setPasswords({ ...passwords, current: e.currentTarget.value });
            }}
          />
          <PasswordInput
            label={t('settings.newPassword')}
            value={passwords.next}
            onChange={(e) => {
              setPasswords({ ...passwords, next: e.currentTarget.value });
            }}
          />
          <Button
            disabled={passwords.current === '' || passwords.next.length < 8}
            onClick={() => void changePassword()}
          >
            {t('common.save')}
          </Button>
        </Group>
        {passwordChanged && (
          <Alert mt="sm" color="teal">
            {t('settings.passwordChanged')}
          </Alert>
        )}
      </Card>
    </Stack>
  );
}
