import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../shared/contract';
import type { RegisterFileView } from '../../../shared/register-views';
import type { DocumentLanguage } from '../../../shared/views';
import { call } from '../../api/client';
import { DocumentLanguagePicker, EDITIONS } from '../../components/DocumentLanguagePicker';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PathField } from './PathField';

type ExportInput = InputOf<'registers.export'>;

type Kind = ExportInput['kind'] | 'inventory';

const NAMES: Record<Kind, string> = {
  archive: 'archive-register',
  backup: 'backup-register',
  'backup-use': 'backup-use-register',
  handover: 'handover-log',
  inventory: 'folder-inventory',
};

/**
 * Prints a register to PDF or Excel through the core's register renderer: the UI only says what
 * and where, the core lays it out and writes the file.
 */
export function RegisterExport({
  kind,
  archive = null,
  year = null,
  periodId = null,
}: {
  kind: Kind;
  archive?: ExportInput['archive'];
  year?: number | null;
  /** The inventory's period. */
  periodId?: number | null;
}) {
  const { t, i18n } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [format, setFormat] = useState<'pdf' | 'xlsx'>('pdf');
  const [language, setLanguage] = useState<DocumentLanguage>(i18n.language === 'ru' ? 'ru' : 'ky');
  const [outPath, setOutPath] = useState('');
  const [written, setWritten] = useState<RegisterFileView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const write = async () => {
    setError(null);
    setWritten(null);
    try {
      setWritten(
        kind === 'inventory'
          ? await call('registers.exportInventory', { periodId: periodId ?? 0, language, outPath })
          : await call('registers.export', { kind, archive, year, language, outPath }),
      );
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <>
      <Button
        variant="default"
        onClick={() => {
          setOpened(true);
        }}
      >
        {t('registers.print')}
      </Button>
      <Modal
        opened={opened}
        size="lg"
        title={t('registers.exportTitle')}
        onClose={() => {
          setOpened(false);
        }}
      >
        <Stack>
          {kind === 'archive' && <Text size="sm">{t('registers.exportHint')}</Text>}
          <SegmentedControl
            fullWidth
            aria-label={t('registers.format')}
            value={format}
            onChange={(value) => {
              const next = value === 'xlsx' ? 'xlsx' : 'pdf';
              setFormat(next);
              setOutPath((path) => path.replace(/\.(pdf|xlsx)$/i, `.${next}`));
            }}
            data={[
              { value: 'pdf', label: t('registers.pdf') },
              { value: 'xlsx', label: t('registers.xlsx') },
            ]}
          />
          <DocumentLanguagePicker value={language} choices={EDITIONS} onChange={setLanguage} />
          <PathField
            name="registerOutPath"
            label={t('registers.outPath')}
            description={t('registers.pathHint')}
            value={outPath}
            onChange={setOutPath}
            save={{ suggestedName: `${NAMES[kind]}.${format}`, format }}
          />
          <ErrorAlert error={error} />
          {written && (
            <Alert color="teal" data-testid="register-written">
              {t('registers.written', { rows: written.rows, path: written.path })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button disabled={outPath.trim() === ''} onClick={() => void write()}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
