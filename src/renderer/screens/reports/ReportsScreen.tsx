import { Button, Card, Grid, Loader, NavLink, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobView, ReportCatalog, ReportView } from '../../../shared/views';
import { call, CommandError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { useCommand } from '../../components/use-command';
import { ExportPanel } from './ExportPanel';
import { localized, reportLanguage } from './localized';
import { initialScope, reportParams, type ReportScopeState } from './report-scope';
import { ReportResultView } from './ReportResultView';
import { ReportScopeForm } from './ReportScopeForm';

/** The deputies' monitoring reports: pick one, set its scope, read it with charts, export it. */
export function ReportsScreen() {
  const { t } = useTranslation();
  const { data: catalog, error: catalogError } = useCommand('reports.catalog', {});
  return (
    <Stack>
      <Title order={2}>{t('reports.title')}</Title>
      <ErrorAlert error={catalogError} />
      {catalog ? <ReportsWorkspace catalog={catalog} /> : !catalogError && <Loader />}
    </Stack>
  );
}

function ReportsWorkspace({ catalog }: { catalog: ReportCatalog }) {
  const { t } = useTranslation();
  const [name, setName] = useState(catalog.reports[0]?.name ?? '');
  const [scope, setScope] = useState<ReportScopeState>(() =>
    initialScope(catalog, new Date().toISOString().slice(0, 10)),
  );
  const [job, setJob] = useState<JobView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const definition = catalog.reports.find((r) => r.name === name);
  const language = reportLanguage(catalog.documentLanguage);
  // A report built for other filters must not stay on screen under the new ones.
  useEffect(() => {
    setJob(null);
    setError(null);
  }, [name, scope]);
  if (!definition) return null;
  const params = reportParams(definition, scope, language);

  const build = async () => {
    setError(null);
    try {
      setJob(await call('reports.run', { name, params }));
    } catch (caught) {
      setError(caught);
    }
  };
  const onJob = (next: JobView) => {
    setJob(next);
    if (next.state === 'failed' && next.error)
      setError(new CommandError(next.error.code, next.error.message));
  };
  const report = job?.state === 'done' ? (job.result as ReportView) : null;

  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 3 }}>
        <Card withBorder p="xs">
          <Text size="sm" fw={600} px="xs" pb="xs">
            {t('reports.pickReport')}
          </Text>
          {catalog.reports.map((r) => (
            <NavLink
              key={r.name}
              active={r.name === name}
              label={localized(r.title)}
              description={localized(r.description)}
              data-testid={`report-${r.name}`}
              onClick={() => {
                setName(r.name);
              }}
            />
          ))}
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        <Stack>
          <Card withBorder>
            <Title order={4} mb="xs">
              {localized(definition.title)}
            </Title>
            <ReportScopeForm catalog={catalog} definition={definition} scope={scope} onChange={setScope} />
            <Button mt="md" onClick={() => void build()} disabled={job?.state === 'running'}>
              {t('reports.build')}
            </Button>
          </Card>
          {job && <JobProgress job={job} onChange={onJob} />}
          <ErrorAlert error={error} />
          {report && (
            <>
              <ExportPanel name={name} params={params} defaultLanguage={language} />
              <ReportResultView report={report} />
            </>
          )}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
