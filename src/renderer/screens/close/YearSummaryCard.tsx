import { Alert, Button, Card, Checkbox, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintedYearSummariesView } from '../../../shared/document-views';
import type { JobView } from '../../../shared/views';
import { call, CommandError } from '../../api/client';
import {
  type CopyLanguage,
  DocumentLanguagePicker,
  EDITIONS_OR_BY_CLASS,
} from '../../components/DocumentLanguagePicker';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCommand } from '../../components/use-command';
import { PathField } from '../registers/PathField';
import { chosenClassIds, ClassScopePicker, type ClassScope } from './ClassScopePicker';
import { PrintJobProgress } from './PrintJobProgress';
import { WrittenFiles } from './WrittenFiles';
import { YearSummarySheetsTable } from './YearSummarySheetsTable';

/**
 * The year-end summary sheets (жыйынтык ведомость), on the close screen when the year is chosen:
 * the deputy prints them for a school year, all classes or some, into a folder, as a job; the
 * sheets in force are listed with their preview, and the director records signing them.
 */
export function YearSummaryCard({ permissions }: { permissions: readonly string[] }) {
  const { t } = useTranslation();
  const [yearId, setYearId] = useState<number | null>(null);
  const sheets = useCommand('summary.sheets', { academicYearId: yearId });
  const [scope, setScope] = useState<ClassScope>('all');
  const [chosen, setChosen] = useState<string[]>([]);
  const [language, setLanguage] = useState<CopyLanguage>('byClass');
  const [folder, setFolder] = useState('');
  const [draftWhenIncomplete, setDraftWhenIncomplete] = useState(false);
  const [job, setJob] = useState<JobView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const view = sheets.data;
  const shownYear = view?.academicYearId ?? null;
  const running = job?.state === 'running';
  const printed = job?.state === 'done' ? (job.result as PrintedYearSummariesView) : null;

  const print = async () => {
    if (shownYear === null) return;
    setError(null);
    try {
      const classIds = chosenClassIds(scope, chosen);
      setJob(
        await call('summary.print', {
          academicYearId: shownYear,
          classIds,
          ...(language === 'byClass' ? {} : { language }),
          folder: folder.trim(),
          draftWhenIncomplete,
        }),
      );
    } catch (caught) {
      setError(caught);
    }
  };
  const onJob = (next: JobView) => {
    setJob(next);
    if (next.state === 'done') void sheets.reload();
    if (next.state === 'failed' && next.error)
      setError(new CommandError(next.error.code, next.error.message, { ...next.error.details }));
  };
  const file = async (documentIds: string[]) => {
    setError(null);
    try {
      await call('summary.file', { documentIds });
      await sheets.reload();
    } catch (caught) {
      setError(caught);
    }
  };
  const signOff = async (documentIds: string[], signedOn: string) => {
    setError(null);
    try {
      await call('summary.signOff', { documentIds, signedOn });
      await sheets.reload();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <Card withBorder data-testid="year-summary">
      <Title order={4} mb="xs">
        {t('summary.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('summary.hint')}
        </Text>
        <ErrorAlert error={sheets.error ?? error} />
        {view && (
          <Select
            label={t('summary.year')}
            allowDeselect={false}
            w={200}
            data={view.years.map((y) => ({ value: String(y.id), label: y.label }))}
            value={shownYear === null ? null : String(shownYear)}
            onChange={(value) => {
              setYearId(value ? Number(value) : null);
              setChosen([]);
              setJob(null);
            }}
          />
        )}
        {view && permissions.includes('documents.print') && (
          <>
            <Group align="flex-end">
              <ClassScopePicker
                label={t('summary.scope')}
                allLabel={t('summary.allClasses')}
                classes={view.classes.map((c) => ({ value: String(c.id), label: c.name }))}
                scope={scope}
                chosen={chosen}
                onScope={setScope}
                onChosen={setChosen}
              />
              <DocumentLanguagePicker
                value={language}
                choices={EDITIONS_OR_BY_CLASS}
                onChange={setLanguage}
              />
            </Group>
            <PathField
              name="summaryFolder"
              label={t('summary.folder')}
              description={t('summary.folderHint')}
              value={folder}
              onChange={setFolder}
              open="folder"
            />
            <Checkbox
              label={t('summary.draftWhenIncomplete')}
              checked={draftWhenIncomplete}
              onChange={(event) => {
                setDraftWhenIncomplete(event.currentTarget.checked);
              }}
            />
            <Group>
              <Button
                onClick={() => void print()}
                disabled={
                  running ||
                  shownYear === null ||
                  folder.trim() === '' ||
                  (scope === 'chosen' && chosen.length === 0)
                }
              >
                {t('summary.print')}
              </Button>
            </Group>
          </>
        )}
        {job && <PrintJobProgress job={job} onChange={onJob} />}
        {printed && (
          <>
            <Alert color="teal" data-testid="summary-printed">
              {t('summary.printed', { count: printed.sheets.length })}
            </Alert>
            <WrittenFiles folder={printed.folder} />
          </>
        )}
        {view &&
          (view.sheets.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('summary.none')}
            </Text>
          ) : (
            <YearSummarySheetsTable
              sheets={view.sheets}
              canSignOff={permissions.includes('documents.signOff')}
              onSignOff={(ids, signedOn) => void signOff(ids, signedOn)}
              canFile={permissions.includes('registers.edit')}
              onFile={(ids) => void file(ids)}
            />
          ))}
      </Stack>
    </Card>
  );
}
