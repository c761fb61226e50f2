import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobView, PrintedCopiesView } from '../../../shared/views';
import { call, CommandError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PrintPdfButton } from '../../components/PrintPdfButton';
import { chosenClassIds, ClassScopePicker, type ClassScope } from './ClassScopePicker';
import {
  DocumentLanguagePicker,
  EDITIONS_OR_BY_CLASS,
  type CopyLanguage,
} from '../../components/DocumentLanguagePicker';
import { PrintedCopiesTable } from './PrintedCopiesTable';
import { PrintJobProgress } from './PrintJobProgress';
import { WrittenFiles } from './WrittenFiles';
import type { BoardUpdates } from './panel-props';

/**
 * The print centre of day 2: the whole school or the chosen classes, each in its language of
 * instruction or all in Kyrgyz or in Russian, as a job with progress and a stop button; then the list of copies written and the folder they are in.
 */
export function PrintCentre({ board, onBoard }: BoardUpdates) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<ClassScope>('all');
  const [chosen, setChosen] = useState<string[]>([]);
  const [language, setLanguage] = useState<CopyLanguage>('byClass');
  const [job, setJob] = useState<JobView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const classes = board.items
    .filter((i) => i.kind === 'class_print' && i.classId !== null)
    .map((i) => ({ value: String(i.classId), label: i.className ?? '' }))
    .sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));
  const running = job?.state === 'running';
  const printed = job?.state === 'done' ? (job.result as PrintedCopiesView) : null;

  const print = async () => {
    setError(null);
    try {
      const classIds = chosenClassIds(scope, chosen);
      setJob(
        await call('close.print', {
          closeId: board.closeId,
          classIds,
          ...(language === 'byClass' ? {} : { language }),
        }),
      );
    } catch (caught) {
      setError(caught);
    }
  };
  const onJob = (next: JobView) => {
    setJob(next);
    if (next.state === 'done') void call('close.board', { closeId: board.closeId }).then(onBoard, setError);
    if (next.state === 'failed' && next.error) {
      setError(new CommandError(next.error.code, next.error.message, { ...next.error.details }));
    }
  };

  return (
    <Card withBorder data-testid="print-centre">
      <Title order={5} mb="xs">
        {t('close.printTitle')}
      </Title>
      <Stack gap="sm">
        <Group align="flex-end">
          <ClassScopePicker
            label={t('close.printScope')}
            allLabel={t('close.wholeSchool')}
            classes={classes}
            scope={scope}
            chosen={chosen}
            onScope={setScope}
            onChosen={setChosen}
          />
          <DocumentLanguagePicker value={language} choices={EDITIONS_OR_BY_CLASS} onChange={setLanguage} />
          <Button
            onClick={() => void print()}
            disabled={running || (scope === 'chosen' && chosen.length === 0)}
          >
            {t('close.print')}
          </Button>
        </Group>
        <ErrorAlert error={error} />
        {job && <PrintJobProgress job={job} onChange={onJob} />}
        {printed && (
          <>
            <Alert color="teal" data-testid="printed">
              <Text size="sm" mb="xs">
                {t('close.printed', { count: printed.copies.length, pages: printed.pages })}
              </Text>
              <PrintPdfButton pdfPath={printed.mergedPdfPath} />
            </Alert>
            <PrintedCopiesTable printed={printed} />
            <WrittenFiles folder={printed.folder} />
          </>
        )}
      </Stack>
    </Card>
  );
}
