import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  NumberInput,
  SegmentedControl,
  Spoiler,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncResultView } from '../../../shared/register-views';
import type { JobView } from '../../../shared/views';
import { call } from '../../api/client';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { useCommand } from '../../components/use-command';
import { PathField } from '../registers/PathField';
import { CoverageTable } from './CoverageTable';
import { CutSyncAlert } from './CutSyncAlert';
import { KundolukAccountsCard } from './KundolukAccountsCard';
import { JobErrorAlert } from './JobErrorAlert';
import { KundolukWeekProgress } from './KundolukWeekProgress';
import { SyncRunsTable } from './SyncRunsTable';

type Source = 'workbook' | 'bundle' | 'kundoluk';

/** The deputies' sync: a class journal workbook, a Мөөр bundle or Kundoluk, run as a job. */
export function SyncScreen() {
  const { t } = useTranslation();
  const settings = useCommand('settings.get', {});
  const runs = useCommand('sync.runs', { limit: 30 });
  const cut = useCommand('sync.kundolukCut', {});
  const accounts = useCommand('kundoluk.accounts', {});
  const coverage = useCommand('sync.coverage', {});
  const [source, setSource] = useState<Source>('workbook');
  const [file, setFile] = useState('');
  const [className, setClassName] = useState('');
  const [quarter, setQuarter] = useState<number | null>(null);
  const [skipUnreadable, setSkipUnreadable] = useState(false);
  const [range, setRange] = useState({ from: '', to: '' });
  const [job, setJob] = useState<JobView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reloadRuns = runs.reload;
  const reloadCut = cut.reload;
  const reloadCoverage = coverage.reload;
  const onJob = useCallback(
    (next: JobView) => {
      setJob(next);
      if (next.state === 'done') void reloadRuns();
      if (next.state !== 'running') void reloadCoverage();
      if (next.state !== 'running' && next.kind === 'sync.kundoluk') void reloadCut();
    },
    [reloadRuns, reloadCut, reloadCoverage],
  );

  const resume = async (from: string, to: string) => {
    setError(null);
    setJob(null);
    try {
      setJob(await call('sync.kundoluk', { from, to, resume: true }));
    } catch (caught) {
      setError(caught);
    }
  };

  const start = async () => {
    setError(null);
    setJob(null);
    try {
      const started =
        source === 'workbook'
          ? await call('sync.workbook', {
              path: file,
              className: className.trim() || null,
              quarter,
              skipUnreadable,
            })
          : source === 'bundle'
            ? await call('sync.bundle', { path: file })
            : await call('sync.kundoluk', range);
      setJob(started);
    } catch (caught) {
      setError(caught);
    }
  };

  const kundoluk = settings.data?.kundoluk;
  const kundolukReady = kundoluk?.url != null && (accounts.data?.length ?? 0) > 0;
  const ready =
    source === 'kundoluk' ? kundolukReady && range.from !== '' && range.to !== '' : file.trim() !== '';
  const result = job?.state === 'done' ? (job.result as SyncResultView) : null;
  return (
    <Stack>
      <Title order={2}>{t('sync.title')}</Title>
      <Text c="dimmed">{t('sync.intro')}</Text>
      <Card withBorder>
        <Stack>
          <SegmentedControl
            value={source}
            onChange={(value) => {
              setSource(value);
              setFile('');
              setJob(null);
              setError(null);
            }}
            data={[
              { value: 'workbook', label: t('sync.sourceWorkbook') },
              { value: 'bundle', label: t('sync.sourceBundle') },
              { value: 'kundoluk', label: t('sync.sourceKundoluk') },
            ]}
          />
          {source !== 'kundoluk' && (
            <PathField
              name="syncPath"
              label={source === 'workbook' ? t('sync.workbookPath') : t('sync.bundlePath')}
              description={t('sync.pathHint')}
              value={file}
              onChange={setFile}
              open={source === 'workbook' ? 'xlsx' : 'json'}
            />
          )}
          {source === 'workbook' && (
            <Group grow>
              <TextInput
                label={t('sync.className')}
                placeholder={t('sync.fromName')}
                value={className}
                onChange={(e) => {
                  setClassName(e.currentTarget.value);
                }}
              />
              <NumberInput
                label={t('sync.quarter')}
                placeholder={t('sync.fromName')}
                min={1}
                max={4}
                value={quarter ?? ''}
                onChange={(value) => {
                  setQuarter(typeof value === 'number' ? value : null);
                }}
              />
            </Group>
          )}
          {source === 'workbook' && (
            <Checkbox
              label={t('sync.skipUnreadable')}
              description={t('sync.skipUnreadableHint')}
              checked={skipUnreadable}
              onChange={(e) => {
                setSkipUnreadable(e.currentTarget.checked);
              }}
            />
          )}
          {source === 'kundoluk' && kundoluk?.url != null && accounts.data && (
            <KundolukAccountsCard
              accounts={accounts.data}
              onChange={() => {
                void accounts.reload();
                void reloadCut();
              }}
            />
          )}
          {source === 'kundoluk' &&
            (kundolukReady ? (
              <>
                <Text size="sm">{t('sync.kundolukAddress', { url: kundoluk.url })}</Text>
                <Group grow>
                  <DateField
                    label={t('sync.from')}
                    value={range.from}
                    onChange={(iso) => {
                      setRange({ ...range, from: iso });
                    }}
                  />
                  <DateField
                    label={t('sync.to')}
                    value={range.to}
                    onChange={(iso) => {
                      setRange({ ...range, to: iso });
                    }}
                  />
                </Group>
              </>
            ) : (
              <Alert color="yellow">{t('sync.kundolukNotSet')}</Alert>
            ))}
          {source === 'kundoluk' && kundolukReady && cut.data && (
            <CutSyncAlert
              cut={cut.data}
              disabled={job?.state === 'running'}
              onResume={() => {
                if (cut.data) void resume(cut.data.from, cut.data.to);
              }}
            />
          )}
          <Group>
            <Button disabled={!ready || job?.state === 'running'} onClick={() => void start()}>
              {t('sync.start')}
            </Button>
          </Group>
          <ErrorAlert error={error} />
          {job && <KundolukWeekProgress job={job} />}
          {job && <JobProgress job={job} onChange={onJob} />}
          <JobErrorAlert job={job} />
          {job?.state === 'failed' && <Text size="sm">{t('sync.unchanged')}</Text>}
          {result && (
            <Alert color="teal" data-testid="sync-result">
              <Text>
                {t('sync.result', { added: result.added, changed: result.changed, removed: result.removed })}
              </Text>
              <Text size="sm">{t('sync.changesSeen', { count: result.changesSeen })}</Text>
              {result.warnings.length > 0 && (
                // The core words its warnings in English, naming file, sheet and cell: for the IT person.
                <Spoiler
                  mt="xs"
                  maxHeight={0}
                  showLabel={`${t('sync.warnings')}: ${result.warnings.length}`}
                  hideLabel={t('common.close')}
                >
                  <List size="sm">
                    {result.warnings.map((w) => (
                      <List.Item key={w}>{w}</List.Item>
                    ))}
                  </List>
                </Spoiler>
              )}
            </Alert>
          )}
        </Stack>
      </Card>
      <ErrorAlert error={coverage.error} />
      {coverage.data && <CoverageTable coverage={coverage.data} />}
      <Title order={4}>{t('sync.runsTitle')}</Title>
      <ErrorAlert error={runs.error} />
      {runs.data && <SyncRunsTable runs={runs.data} />}
    </Stack>
  );
}
