import { Alert, Button, Card, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../shared/contract';
import type { DocumentLanguage, JobView, ReportExportView } from '../../../shared/views';
import { api, call, CommandError } from '../../api/client';
import { DocumentLanguagePicker, EDITIONS } from '../../components/DocumentLanguagePicker';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import type { ReportParamsInput } from './report-scope';

type Format = 'pdf' | 'xlsx';
type Destination = InputOf<'reports.export'>['destination'];

/**
 * Writes the report as PDF or Excel, in Kyrgyz or Russian. The desktop app asks where through its
 * save dialog; in the browser the user names a folder on this computer. The core writes the file.
 */
export function ExportPanel({
  name,
  params,
  defaultLanguage,
}: {
  name: string;
  params: ReportParamsInput;
  defaultLanguage: DocumentLanguage;
}) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<Format>('xlsx');
  const [language, setLanguage] = useState<DocumentLanguage>(defaultLanguage);
  const [folder, setFolder] = useState('');
  const [job, setJob] = useState<JobView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const chooseSaveFile = api.chooseSaveFile?.bind(api);

  const start = async (destination: Destination) => {
    setError(null);
    try {
      setJob(await call('reports.export', { name, params, format, language, destination }));
    } catch (caught) {
      setError(caught);
    }
  };
  const saveAs = async () => {
    if (!chooseSaveFile) return;
    const scope = params.period ?? `${params.from ?? ''}_${params.to ?? ''}`;
    const file = await chooseSaveFile(`${name}-${scope}-${language}.${format}`, format);
    if (file !== null) await start({ kind: 'file', file });
  };
  const onJob = (next: JobView) => {
    setJob(next);
    if (next.state === 'failed' && next.error)
      setError(new CommandError(next.error.code, next.error.message));
  };
  const written = job?.state === 'done' ? (job.result as ReportExportView) : null;
  const running = job?.state === 'running';

  return (
    <Card withBorder data-testid="report-export">
      <Text fw={600} mb="xs">
        {t('reports.exportTitle')}
      </Text>
      <Stack gap="sm">
        <Group gap="sm">
          <SegmentedControl
            aria-label={t('reports.format')}
            value={format}
            onChange={(value) => {
              setFormat(value === 'pdf' ? 'pdf' : 'xlsx');
            }}
            data={[
              { value: 'xlsx', label: t('reports.xlsx') },
              { value: 'pdf', label: t('reports.pdf') },
            ]}
          />
          <DocumentLanguagePicker value={language} choices={EDITIONS} onChange={setLanguage} />
        </Group>
        {chooseSaveFile ? (
          <Group>
            <Button onClick={() => void saveAs()} disabled={running}>
              {t('reports.saveAs')}
            </Button>
          </Group>
        ) : (
          <Group align="flex-end">
            <TextInput
              label={t('reports.folder')}
              description={t('reports.folderHint')}
              name="exportFolder"
              value={folder}
              flex={1}
              onChange={(e) => {
                setFolder(e.currentTarget.value);
              }}
            />
            <Button
              disabled={folder.trim() === '' || running}
              onClick={() => void start({ kind: 'folder', folder: folder.trim() })}
            >
              {t('reports.exportButton')}
            </Button>
          </Group>
        )}
        {job && <JobProgress job={job} onChange={onJob} />}
        <ErrorAlert error={error} />
        {written && (
          <Alert color="teal" data-testid="report-exported">
            {written.pages === null
              ? t('reports.exported', { path: written.path })
              : t('reports.exportedPages', { path: written.path, pages: written.pages })}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
