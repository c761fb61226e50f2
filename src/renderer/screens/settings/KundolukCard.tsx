import { Alert, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kundolukRoles, type KundolukService } from '../../../shared/kundoluk-service';
import type { SettingsView } from '../../../shared/views';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AisSignIn } from './AisSignIn';

interface KundolukForm {
  url: string;
  service: KundolukService;
}

const PATHS = ['list', 'term', 'quarterMarks', 'signIn'] as const;

function formOf(settings: SettingsView): KundolukForm {
  return { url: settings.kundoluk.url ?? '', service: settings.kundolukService };
}

/**
 * Kundoluk's address, the account's role and each path the sync asks: the administrator corrects
 * them in the field when the service changes, and can put back the addresses public clients use.
 */
export function KundolukCard({ settings, onSaved }: { settings: SettingsView; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<KundolukForm>(() => formOf(settings));
  const [state, setState] = useState<'editing' | 'restored' | 'saved'>('editing');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setForm(formOf(settings));
  }, [settings]);

  const edit = (next: KundolukForm) => {
    setForm(next);
    setState('editing');
  };
  // An empty quarter-marks path means the answer is not asked for.
  const setPath = (name: (typeof PATHS)[number], value: string) => {
    const path = name === 'quarterMarks' && value.trim() === '' ? null : value;
    edit({ ...form, service: { ...form.service, paths: { ...form.service.paths, [name]: path } } });
  };
  const save = async () => {
    try {
      await call('settings.updateKundoluk', form);
      setState('saved');
      setError(null);
      onSaved();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <Card withBorder data-testid="kundoluk-service">
      <Stack>
        <Title order={4}>{t('kundolukService.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('kundolukService.hint')}
        </Text>
        <ErrorAlert error={error} />
        <TextInput
          label={t('kundolukService.url')}
          placeholder={settings.kundolukDefaults.url}
          value={form.url}
          onChange={(e) => {
            edit({ ...form, url: e.currentTarget.value });
          }}
        />
        <Select
          label={t('kundolukService.role')}
          allowDeselect={false}
          data={kundolukRoles.map((role) => ({ value: role, label: t(`kundolukService.roles.${role}`) }))}
          value={form.service.role}
          onChange={(value) => {
            const role = kundolukRoles.find((r) => r === value) ?? form.service.role;
            edit({ ...form, service: { ...form.service, role } });
          }}
        />
        {PATHS.map((name) => (
          <TextInput
            key={name}
            label={t(`kundolukService.${name}`)}
            placeholder={name === 'quarterMarks' ? t('kundolukService.noPath') : undefined}
            value={form.service.paths[name] ?? ''}
            onChange={(e) => {
              setPath(name, e.currentTarget.value);
            }}
          />
        ))}
        {state === 'restored' && <Alert color="blue">{t('kundolukService.restored')}</Alert>}
        {state === 'saved' && <Alert color="teal">{t('kundolukService.saved')}</Alert>}
        <Group>
          <Button onClick={() => void save()}>{t('common.save')}</Button>
          <Button
            variant="default"
            onClick={() => {
              setForm({ url: settings.kundolukDefaults.url, service: settings.kundolukDefaults.service });
              setState('restored');
            }}
          >
            {t('kundolukService.restore')}
          </Button>
        </Group>
        {settings.kundoluk.url !== null && <AisSignIn onSignedIn={onSaved} />}
      </Stack>
    </Card>
  );
}
