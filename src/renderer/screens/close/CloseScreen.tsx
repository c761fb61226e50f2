import { Badge, Group, Loader, Progress, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckListView, CloseBoard, SessionView } from '../../../shared/views';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotices } from '../../components/Notices';
import { useCommand } from '../../components/use-command';
import { usePeriodName } from '../../components/use-period-name';
import { CloseItemsTable } from './CloseItemsTable';
import { DayBoard } from './DayBoard';
import { DayFivePanel } from './DayFivePanel';
import { DayFourPanel } from './DayFourPanel';
import { DayOnePanel } from './DayOnePanel';
import { DayThreePanel } from './DayThreePanel';
import { DayTwoPanel } from './DayTwoPanel';
import { OverrideForm } from './OverrideForm';
import { StartCloseForm } from './StartCloseForm';
import { CancelCloseForm } from './CancelCloseForm';
import { YearSummaryCard } from './YearSummaryCard';
import { serialAnswers } from '../../components/serial-answers';

/** Day 5 has begun (the copies went to the secretary): the core no longer lets the close be cancelled. */
function handedOver(board: CloseBoard): boolean {
  return board.items.some((i) => i.day === 5 && i.status !== 'open');
}

/** The quarter-end close as a five-day board; each day's tab holds its list and the acts that settle it. */
export function CloseScreen({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const periodName = usePeriodName();
  const overview = useCommand('close.overview', {});
  const summary = useCommand('dashboard.summary', {});
  const [periodId, setPeriodId] = useState<number | null>(null);
  const [board, setBoard] = useState<CloseBoard | null>(null);
  const [day, setDay] = useState<string | null>(null);
  const [checkList, setCheckList] = useState<CheckListView | null>(null);
  const notices = useNotices();
  const can = (permission: string) => session.permissions.includes(permission);
  // A close under way is what everyone opens this screen for; otherwise the period we are in.
  const openClose = overview.data?.closes.find((c) => c.status === 'open');
  const chosenPeriod = periodId ?? openClose?.periodId ?? summary.data?.currentPeriodId ?? null;
  const close = overview.data?.closes.find((c) => c.periodId === chosenPeriod);

  // Every answer that replaces the board comes in the order its request was made.
  const answers = useMemo(
    () =>
      // A refusal is told where the person is looking, however far down this tall screen they are.
      serialAnswers<CloseBoard>(setBoard, notices.error),
    [notices],
  );
  useEffect(() => {
    answers.reset();
    setBoard(null);
    setCheckList(null);
    if (close) void answers.run(() => call('close.board', { closeId: close.id }));
  }, [answers, close?.id]);
  useEffect(() => {
    if (board) setDay(String(Math.min(board.currentDay, 5)));
  }, [board?.closeId, board?.currentDay]);

  // A panel's own answer may be older than one already shown: the board is asked for again, in turn.
  const update = (next: CloseBoard) => {
    void answers.run(() => call('close.board', { closeId: next.closeId }));
  };
  const act = (work: () => Promise<CloseBoard>) => answers.run(work);
  const period = overview.data?.periods.find((p) => p.id === chosenPeriod);
  const start = async (classIds: number[]) => {
    if (chosenPeriod === null) return;
    await act(() => call('close.start', { periodId: chosenPeriod, classIds }));
    await overview.reload();
  };
  const cancelled = async () => {
    answers.reset();
    setBoard(null);
    await overview.reload();
  };

  if (!overview.data) return overview.error ? <ErrorAlert error={overview.error} /> : <Loader />;
  const total = board?.days.reduce((n, d) => n + d.total, 0) ?? 0;
  const done = board?.days.reduce((n, d) => n + d.done, 0) ?? 0;
  const items = (d: number) => board?.items.filter((i) => i.day === d) ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('close.title')}</Title>
        <Select
          aria-label={t('close.period')}
          allowDeselect={false}
          data={overview.data.periods.map((p) => ({ value: String(p.id), label: periodName(p) }))}
          value={chosenPeriod === null ? null : String(chosenPeriod)}
          onChange={(value) => {
            setPeriodId(value ? Number(value) : null);
          }}
        />
      </Group>
      {/* The year's own paper: the deputy prints it and the director signs it, with or without a year close. */}
      {period?.kind === 'year' && <YearSummaryCard permissions={session.permissions} />}
      {!close && period && <StartCloseForm period={period} canStart={can('close.start')} onStart={start} />}
      {board && (
        <>
          <Group>
            <Badge color={board.status === 'completed' ? 'teal' : 'blue'} size="lg">
              {t(`close.status_${board.status}`)}
            </Badge>
            <Text size="sm" data-testid="close-classes">
              {board.classes.join(', ')}
            </Text>
          </Group>
          <Progress value={total === 0 ? 0 : (done / total) * 100} size="lg" />
          <Text size="sm" c="dimmed">
            {t('close.progress', { done, total })}
          </Text>
          <DayBoard
            board={board}
            onPick={(d) => {
              setDay(String(d));
            }}
          />
          <Tabs value={day} onChange={setDay}>
            <Tabs.List>
              {[1, 2, 3, 4, 5].map((d) => (
                <Tabs.Tab key={d} value={String(d)}>
                  {t('close.day', { day: d })}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="1" pt="md">
              <DayOnePanel
                board={board}
                canAct={can('close.check')}
                list={checkList}
                onList={setCheckList}
                onBoard={update}
              />
              <CloseItemsTable items={items(1)} />
            </Tabs.Panel>
            <Tabs.Panel value="2" pt="md">
              <DayTwoPanel board={board} permissions={session.permissions} onBoard={update} />
            </Tabs.Panel>
            <Tabs.Panel value="3" pt="md">
              <DayThreePanel board={board} can={can} act={act} />
            </Tabs.Panel>
            <Tabs.Panel value="4" pt="md">
              <DayFourPanel board={board} can={can} act={act} />
            </Tabs.Panel>
            <Tabs.Panel value="5" pt="md">
              <DayFivePanel board={board} can={can} act={act} />
            </Tabs.Panel>
          </Tabs>
          {board.status === 'open' &&
            can('close.override') &&
            day !== null &&
            Number(day) < 5 &&
            !board.days.some((d) => d.day === Number(day) && d.completed) && (
              <OverrideForm board={board} day={Number(day)} checkList={checkList} onDone={update} />
            )}
          {board.status === 'open' && can('close.cancel') && !handedOver(board) && (
            <CancelCloseForm board={board} onCancelled={cancelled} />
          )}
        </>
      )}
    </Stack>
  );
}
