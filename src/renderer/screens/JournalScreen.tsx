import { Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { useCommand } from '../components/use-command';
import { currentLanguage } from '../i18n';
import { usePeriodName } from '../components/use-period-name';
import { JournalGridView } from './JournalGridView';
import { JournalLegend } from './JournalLegend';

/** The class journal viewer: pick a class, a subject and a period; read the mirror's grid. */
export function JournalScreen() {
  const { t } = useTranslation();
  const periodName = usePeriodName();
  const classes = useCommand('journal.classes', {});
  const summary = useCommand('dashboard.summary', {});
  const [classId, setClassId] = useState<number | null>(null);
  const [subjectId, setSubjectId] = useState<number | null>(null);
  const [periodId, setPeriodId] = useState<number | null | undefined>(undefined);
  const effectivePeriod = periodId === undefined ? (summary.data?.currentPeriodId ?? null) : periodId;
  const grid = useCommand(
    'journal.grid',
    classId && subjectId ? { classId, subjectId, periodId: effectivePeriod } : null,
  );
  const chosen = classes.data?.find((c) => c.id === classId);
  const ky = currentLanguage() === 'ky';
  const subject = chosen?.subjects.find((s) => s.id === subjectId);
  const subjectName = subject ? (ky ? subject.nameKy : subject.nameRu) : '';

  return (
    <Stack>
      <Title order={2}>{t('journal.title')}</Title>
      <ErrorAlert error={classes.error ?? grid.error} />
      <Group>
        <Select
          label={t('journal.class')}
          searchable
          data-testid="journal-class"
          data={(classes.data ?? []).map((c) => ({ value: String(c.id), label: `${c.grade}${c.letter}` }))}
          value={classId ? String(classId) : null}
          onChange={(value) => {
            const next = classes.data?.find((c) => c.id === Number(value));
            setClassId(next?.id ?? null);
            // Going through the classes for one subject keeps that subject where the class has it.
            if (!next?.subjects.some((subject) => subject.id === subjectId)) setSubjectId(null);
          }}
        />
        <Select
          label={t('journal.subject')}
          searchable
          data-testid="journal-subject"
          disabled={!chosen}
          data={(chosen?.subjects ?? []).map((s) => ({
            value: String(s.id),
            label: ky ? s.nameKy : s.nameRu,
          }))}
          value={subjectId ? String(subjectId) : null}
          onChange={(value) => {
            setSubjectId(value ? Number(value) : null);
          }}
        />
        <Select
          label={t('journal.period')}
          data={[
            { value: 'all', label: t('journal.allYear') },
            ...(summary.data?.periods ?? []).map((p) => ({ value: String(p.id), label: periodName(p) })),
          ]}
          value={effectivePeriod === null ? 'all' : String(effectivePeriod)}
          allowDeselect={false}
          onChange={(value) => {
            setPeriodId(value === 'all' || value === null ? null : Number(value));
          }}
        />
      </Group>
      {chosen?.classTeacher && (
        <Text c="dimmed">{t('journal.classTeacher', { name: chosen.classTeacher })}</Text>
      )}
      {!classId || !subjectId ? (
        <Text c="dimmed">{t('journal.pickClass')}</Text>
      ) : grid.loading && !grid.data ? (
        <Loader />
      ) : grid.data && grid.data.lessons.length === 0 ? (
        <Text>{t('journal.noLessons')}</Text>
      ) : grid.data ? (
        <>
          <Text size="sm" c="dimmed">
            {t('journal.summary', { students: grid.data.students.length, lessons: grid.data.lessons.length })}
          </Text>
          <JournalGridView
            grid={grid.data}
            label={`${chosen ? `${chosen.grade}${chosen.letter}` : ''} · ${subjectName}`}
          />
          <JournalLegend />
        </>
      ) : null}
    </Stack>
  );
}
