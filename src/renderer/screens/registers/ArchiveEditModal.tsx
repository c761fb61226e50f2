import { Button, Checkbox, Group, Modal, NumberInput, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveEntryView } from '../../../shared/register-views';
import { call } from '../../api/client';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';

/** What the secretary keeps on a register line: its number, folder, place, stitching, retention. */
export function ArchiveEditModal({
  entry,
  onClose,
}: {
  entry: ArchiveEntryView;
  onClose: (changed: boolean) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    number: entry.number,
    pages: entry.pages,
    folderNumber: entry.folderNumber ?? '',
    storagePlace: entry.storagePlace ?? '',
    retentionUntil: entry.retentionUntil ?? '',
    note: entry.note ?? '',
    directorSigned: entry.directorSigned,
    stamped: entry.stamped,
    stitched: entry.stitched,
  });
  const [error, setError] = useState<unknown>(null);
  const save = async () => {
    try {
      await call('registers.updateArchive', {
        id: entry.id,
        ...form,
        folderNumber: form.folderNumber.trim() || null,
        storagePlace: form.storagePlace.trim() || null,
        retentionUntil: form.retentionUntil || null,
        note: form.note.trim() || null,
      });
      onClose(true);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Modal
      opened
      size="lg"
      title={t('registers.editTitle', { number: entry.number, year: entry.year })}
      onClose={() => {
        onClose(false);
      }}
    >
      <Stack>
        <Group grow>
          <NumberInput
            label={t('registers.columns.number')}
            min={1}
            value={form.number}
            onChange={(value) => {
              setForm({ ...form, number: typeof value === 'number' ? value : form.number });
            }}
          />
          <NumberInput
            label={t('registers.columns.pages')}
            min={0}
            value={form.pages}
            onChange={(value) => {
              setForm({ ...form, pages: typeof value === 'number' ? value : form.pages });
            }}
          />
        </Group>
        <Group grow>
          <TextInput
            label={t('registers.columns.folder')}
            value={form.folderNumber}
            onChange={(e) => {
              setForm({ ...form, folderNumber: e.currentTarget.value });
            }}
          />
          <TextInput
            label={t('registers.columns.place')}
            value={form.storagePlace}
            onChange={(e) => {
              setForm({ ...form, storagePlace: e.currentTarget.value });
            }}
          />
        </Group>
        <DateField
          label={t('registers.columns.retention')}
          value={form.retentionUntil}
          onChange={(iso) => {
            setForm({ ...form, retentionUntil: iso });
          }}
        />
        <Group>
          <Checkbox
            label={t('registers.columns.signed')}
            checked={form.directorSigned}
            onChange={(e) => {
              setForm({ ...form, directorSigned: e.currentTarget.checked });
            }}
          />
          <Checkbox
            label={t('registers.columns.stamped')}
            checked={form.stamped}
            onChange={(e) => {
              setForm({ ...form, stamped: e.currentTarget.checked });
            }}
          />
          <Checkbox
            label={t('registers.columns.stitched')}
            checked={form.stitched}
            onChange={(e) => {
              setForm({ ...form, stitched: e.currentTarget.checked });
            }}
          />
        </Group>
        <Textarea
          label={t('registers.note')}
          value={form.note}
          onChange={(e) => {
            setForm({ ...form, note: e.currentTarget.value });
          }}
        />
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => {
              onClose(false);
            }}
          >
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
