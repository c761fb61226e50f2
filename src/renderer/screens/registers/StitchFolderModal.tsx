import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ArchiveFolderView } from '../../../shared/register-views';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCommandForm } from '../../components/use-command-form';

const folderKey = (folder: ArchiveFolderView) => `${folder.academicYearId}:${folder.folderNumber}`;

/**
 * The secretary has stitched a folder and put it in its place: every line of it is marked at once,
 * or, when a copy in it still lacks the director's signature or the seal, none is.
 */
export function StitchFolderModal({
  folders,
  onClose,
}: {
  folders: readonly ArchiveFolderView[];
  /** The register is read again: a folder may have been stitched. */
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const first = folders.find((f) => f.stitched < f.lines) ?? folders[0];
  const stitch = useCommandForm({
    command: 'registers.stitchFolder',
    initial: { folder: first === undefined ? '' : folderKey(first), storagePlace: '' },
    input: (form) => {
      const chosen = folders.find((f) => folderKey(f) === form.folder);
      return {
        academicYearId: chosen?.academicYearId ?? 0,
        folderNumber: chosen?.folderNumber ?? '',
        storagePlace: form.storagePlace,
      };
    },
  });
  const { form, edit } = stitch;
  return (
    <Modal opened size="lg" title={t('stitchFolder.title')} onClose={onClose}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('stitchFolder.hint')}
        </Text>
        {folders.length === 0 ? (
          <Text>{t('stitchFolder.none')}</Text>
        ) : (
          <>
            <Select
              label={t('stitchFolder.folder')}
              allowDeselect={false}
              data={folders.map((f) => ({
                value: folderKey(f),
                label: t('stitchFolder.folderLine', {
                  year: f.schoolYear,
                  number: f.folderNumber,
                  lines: f.lines,
                  stitched: f.stitched,
                }),
              }))}
              value={form.folder}
              onChange={(value) => {
                edit({ ...form, folder: value ?? form.folder });
              }}
            />
            <TextInput
              label={t('stitchFolder.place')}
              value={form.storagePlace}
              onChange={(e) => {
                edit({ ...form, storagePlace: e.currentTarget.value });
              }}
            />
          </>
        )}
        <ErrorAlert error={stitch.error} />
        {stitch.output && (
          <Alert color="teal" data-testid="stitch-folder-done">
            {t('stitchFolder.done', { number: stitch.output.folderNumber, lines: stitch.output.lines })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button
            loading={stitch.busy}
            disabled={folders.length === 0 || form.storagePlace.trim() === ''}
            onClick={() => void stitch.submit()}
          >
            {t('stitchFolder.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
