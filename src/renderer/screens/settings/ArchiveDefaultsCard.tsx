import { Alert, Button, Card, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type ArchiveDefaults, type ArchiveKind, archiveKinds } from '../../../shared/archive-defaults';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCommandForm } from '../../components/use-command-form';
import type { SettingsCardProps } from './settings-card-props';

type ArchiveDefaultsForm = Record<ArchiveKind, { retentionYears: number; storagePlace: string }>;

function formOf(defaults: ArchiveDefaults): ArchiveDefaultsForm {
  const entry = (kind: ArchiveKind) => ({
    retentionYears: defaults[kind].retentionYears,
    storagePlace: defaults[kind].storagePlace ?? '',
  });
  return {
    class_copy: entry('class_copy'),
    year_summary: entry('year_summary'),
    backup_register: entry('backup_register'),
    handover_log: entry('handover_log'),
  };
}

function defaultsOf(form: ArchiveDefaultsForm): ArchiveDefaults {
  const entry = (kind: ArchiveKind) => ({
    retentionYears: form[kind].retentionYears,
    storagePlace: form[kind].storagePlace.trim() === '' ? null : form[kind].storagePlace.trim(),
  });
  return {
    class_copy: entry('class_copy'),
    year_summary: entry('year_summary'),
    backup_register: entry('backup_register'),
    handover_log: entry('handover_log'),
  };
}

/**
 * The school's nomenclature of affairs: how long each kind of document is kept and where. Everyone
 * sees it; only the admin changes it, and archive lines entered from then on take it.
 */
export function ArchiveDefaultsCard({ settings, canEdit, onSaved }: SettingsCardProps) {
  const { t } = useTranslation();
  const defaults = useCommandForm({
    command: 'settings.updateArchiveDefaults',
    initial: () => formOf(settings.archiveDefaults),
    input: (form) => ({ archiveDefaults: defaultsOf(form) }),
    onDone: onSaved,
  });
  const { form, edit, reset } = defaults;
  useEffect(() => {
    reset(formOf(settings.archiveDefaults));
  }, [settings.archiveDefaults, reset]);
  const set = (kind: ArchiveKind, change: Partial<ArchiveDefaultsForm[ArchiveKind]>) => {
    edit({ ...form, [kind]: { ...form[kind], ...change } });
  };

  return (
    <Card withBorder data-testid="archive-defaults">
      <Stack>
        <Title order={4}>{t('archiveDefaults.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('archiveDefaults.hint')}
        </Text>
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('archiveDefaults.kind')}</Table.Th>
              <Table.Th>{t('archiveDefaults.years')}</Table.Th>
              <Table.Th>{t('archiveDefaults.place')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {archiveKinds.map((kind) => (
              <Table.Tr key={kind} data-testid={`archive-default-${kind}`}>
                <Table.Td>{t(`archiveDefaults.kinds.${kind}`)}</Table.Td>
                <Table.Td>
                  <NumberInput
                    w={90}
                    aria-label={`${t(`archiveDefaults.kinds.${kind}`)}: ${t('archiveDefaults.years')}`}
                    disabled={!canEdit}
                    min={1}
                    max={100}
                    allowDecimal={false}
                    value={form[kind].retentionYears}
                    onChange={(value) => {
                      set(kind, { retentionYears: typeof value === 'number' ? value : 1 });
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`${t(`archiveDefaults.kinds.${kind}`)}: ${t('archiveDefaults.place')}`}
                    disabled={!canEdit}
                    placeholder={t('archiveDefaults.placeHint')}
                    value={form[kind].storagePlace}
                    onChange={(e) => {
                      set(kind, { storagePlace: e.currentTarget.value });
                    }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <ErrorAlert error={defaults.error} />
        {defaults.done && (
          <Alert color="teal" data-testid="archive-defaults-saved">
            {t('archiveDefaults.saved')}
          </Alert>
        )}
        {canEdit && (
          <Group>
            <Button loading={defaults.busy} onClick={() => void defaults.submit()}>
              {t('common.save')}
            </Button>
            <Button
              variant="default"
              onClick={() => {
                edit(formOf(settings.usualArchiveDefaults));
              }}
            >
              {t('archiveDefaults.usual')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
