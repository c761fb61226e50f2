import { Alert, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateStatusView } from '../../../shared/operations-views';
import { api, call, CommandError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCommand } from '../../components/use-command';

const resultColor: Record<UpdateStatusView['result'], string> = {
  never: 'gray',
  checking: 'blue',
  'up-to-date': 'teal',
  downloading: 'blue',
  ready: 'orange',
  error: 'red',
  'not-installed': 'gray',
};

/**
 * The admin's view of the updater (last check, result, version offered, error; install only on
 * confirmation) and "Send diagnostics": a zip saved where the admin chooses.
 */
export function OperationsCard() {
  const { t } = useTranslation();
  const loaded = useCommand('updates.status', {});
  const [status, setStatus] = useState<UpdateStatusView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [zipPath, setZipPath] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const shown = status ?? loaded.data;
  const run = async (step: () => Promise<void>) => {
    try {
      setError(null);
      await step();
    } catch (caught) {
      setError(caught);
    }
  };
  const check = () =>
    run(async () => {
      setStatus(await call('updates.check', {}));
    });
  const install = () =>
    run(async () => {
      if (!window.confirm(t('operations.confirmInstall'))) return;
      setStatus(await call('updates.install', {}));
    });
  const saveDiagnostics = () =>
    run(async () => {
      const suggested = `moor-diagnostics-${new Date().toISOString().slice(0, 10)}.zip`;
      const target = api.chooseSaveFile ? await api.chooseSaveFile(suggested, 'zip') : zipPath;
      if (!target) return;
      const result = await call('diagnostics.save', { path: target });
      setSaved(result.path);
    });
  if (!shown) return null;
  const version = shown.versionOffered ?? '';
  return (
    <Card withBorder>
      <Stack>
        <Title order={4}>{t('operations.title')}</Title>
        <Text size="sm">{t('operations.version', { version: shown.currentVersion })}</Text>
        <Text size="sm" c="dimmed">
          {t('operations.addressHint')}
        </Text>
        <Text size="sm">
          {shown.lastCheckAt === null
            ? t('operations.neverChecked')
            : t('operations.lastCheck', {
                at: new Date(shown.lastCheckAt).toLocaleString(),
                source: t(`operations.source.${shown.source ?? 'none'}`),
              })}
        </Text>
        <Group>
          <Badge color={resultColor[shown.result]}>
            {t(`operations.result.${shown.result}`, { version })}
          </Badge>
        </Group>
        {shown.error && <ErrorAlert error={new CommandError(shown.error.code, shown.error.message)} />}
        {/* The updater's own words (a network error, a server's answer), for the IT person. */}
        {shown.error?.code === 'UPDATE_FAILED' && (
          <Text size="xs" c="dimmed">
            {shown.error.message}
          </Text>
        )}
        <Group>
          <Button variant="default" onClick={() => void check()} disabled={shown.result === 'not-installed'}>
            {t('operations.check')}
          </Button>
          {shown.result === 'ready' && (
            <Button color="orange" onClick={() => void install()}>
              {t('operations.install', { version })}
            </Button>
          )}
        </Group>
        <Title order={5}>{t('operations.diagnostics')}</Title>
        <Text size="sm" c="dimmed">
          {t('operations.diagnosticsHint')}
        </Text>
        <Group align="flex-end">
          {!api.chooseSaveFile && (
            <TextInput
              label={t('operations.diagnosticsPath')}
              value={zipPath}
              onChange={(e) => {
                setZipPath(e.currentTarget.value);
              }}
            />
          )}
          <Button onClick={() => void saveDiagnostics()}>{t('operations.diagnostics')}</Button>
        </Group>
        {saved && <Alert color="teal">{t('operations.diagnosticsSaved', { path: saved })}</Alert>}
        <ErrorAlert error={error} />
      </Stack>
    </Card>
  );
}
