import { Alert, Badge, Button, Card, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../shared/contract';
import type { SettingsView } from '../../../shared/views';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCommandForm } from '../../components/use-command-form';
import { KundolukConnectionFields } from './KundolukConnectionFields';
import type { SettingsCardProps } from './settings-card-props';

type InstallationInput = InputOf<'settings.update'>;
/** The settings as edited, and a new Kundoluk token, sent once; the stored one is never shown. */
export type InstallationForm = { settings: InstallationInput; token: string };

function formOf({
  school: _school,
  backupPassphraseSet: _set,
  kundolukTokenSet: _token,
  journalRules: _rules,
  regulationJournalRules: _regulation,
  kundolukService: _service,
  kundolukDefaults: _defaults,
  ...editable
}: SettingsView): InstallationForm {
  return { settings: editable, token: '' };
}

function inputOf({ settings, token }: InstallationForm): InstallationInput {
  return token.trim() === '' ? settings : { ...settings, kundolukToken: token.trim() };
}

/** The installation's languages, idle lock, update server and Kundoluk connection (the admin's). */
export function InstallationCard({ settings, canEdit, onSaved }: SettingsCardProps) {
  const { t } = useTranslation();
  const installation = useCommandForm({
    command: 'settings.update',
    initial: () => formOf(settings),
    input: inputOf,
    nextForm: (_saved, form) => ({ ...form, token: '' }),
    onDone: onSaved,
  });
  const { reset } = installation;
  useEffect(() => {
    reset(formOf(settings));
  }, [settings, reset]);
  const form = installation.form.settings;
  const set = (patch: Partial<InstallationInput>) => {
    installation.edit((f) => ({ ...f, settings: { ...f.settings, ...patch } }));
  };

  return (
    <Card withBorder>
      <Stack>
        <Select
          label={t('setup.uiLanguage')}
          disabled={!canEdit}
          allowDeselect={false}
          data={(['ky', 'ru', 'en'] as const).map((l) => ({ value: l, label: t(`languages.${l}`) }))}
          value={form.defaultLanguage}
          onChange={(value) => {
            set({ defaultLanguage: value ?? 'ky' });
          }}
        />
        <Select
          label={t('setup.documentLanguage')}
          disabled={!canEdit}
          allowDeselect={false}
          data={(['ky', 'ru'] as const).map((l) => ({ value: l, label: t(`languages.${l}`) }))}
          value={form.documentLanguage}
          onChange={(value) => {
            set({ documentLanguage: value ?? 'ky' });
          }}
        />
        <NumberInput
          label={t('settings.idleMinutes')}
          disabled={!canEdit}
          min={1}
          max={240}
          value={form.idleMinutes}
          onChange={(value) => {
            set({ idleMinutes: typeof value === 'number' ? value : form.idleMinutes });
          }}
        />
        <TextInput
          label={t('settings.updateUrl')}
          disabled={!canEdit}
          placeholder="https://updates.school.kg/moor"
          value={form.updateUrl ?? ''}
          onChange={(e) => {
            set({ updateUrl: e.currentTarget.value || null });
          }}
        />
        <KundolukConnectionFields
          connection={form.kundoluk}
          token={installation.form.token}
          tokenSet={settings.kundolukTokenSet}
          canEdit={canEdit}
          onConnection={(kundoluk) => {
            set({ kundoluk });
          }}
          onToken={(token) => {
            installation.edit((f) => ({ ...f, token }));
          }}
        />
        <Group>
          {t('settings.backupPassphrase')}:
          <Badge color={settings.backupPassphraseSet ? 'teal' : 'red'} variant="light">
            {settings.backupPassphraseSet ? t('settings.passphraseSet') : t('settings.passphraseMissing')}
          </Badge>
        </Group>
        <ErrorAlert error={installation.error} />
        {canEdit && (
          <Group>
            <Button loading={installation.busy} onClick={() => void installation.submit()}>
              {t('common.save')}
            </Button>
            {installation.done && <Alert color="teal">{t('settings.saved')}</Alert>}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
