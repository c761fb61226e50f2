import {
  Alert,
  Button,
  Card,
  Chip,
  Group,
  List,
  NumberInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCommandForm } from '../../components/use-command-form';
import { currentLanguage } from '../../i18n';
import {
  describeChanges,
  formatHours,
  formOf,
  markTypesOf,
  rulesOf,
  type Allowance,
  type MarkType,
} from './journal-rules-form';
import type { SettingsCardProps } from './settings-card-props';

const GRADES = Array.from({ length: 11 }, (_, i) => i + 1);

/**
 * When a mark counts as late, per mark type, and the day-1 checks' settings. Everyone sees the
 * rules the checks apply; only the admin changes them, and sees afterwards what changed.
 */
export function JournalRulesCard({ settings, canEdit, onSaved }: SettingsCardProps) {
  const { t } = useTranslation();
  // What the save changed, worded against the rules as they were before it.
  const [changes, setChanges] = useState<string[]>([]);
  const [restored, setRestored] = useState(false);
  const rules = useCommandForm({
    command: 'settings.updateJournalRules',
    initial: () => formOf(settings.journalRules),
    input: rulesOf,
    onDone: (saved) => {
      setChanges(describeChanges(t, settings.journalRules, saved.journalRules));
      setRestored(false);
      onSaved();
    },
  });
  const { form, edit, reset } = rules;
  useEffect(() => {
    reset(formOf(settings.journalRules));
  }, [settings.journalRules, reset]);

  const setAllowance = (type: MarkType, change: Partial<Allowance>) => {
    edit({ ...form, allowances: { ...form.allowances, [type]: { ...form.allowances[type], ...change } } });
  };
  const restore = () => {
    edit(formOf(settings.regulationJournalRules));
    setRestored(true);
  };

  return (
    <Card withBorder data-testid="journal-rules">
      <Stack>
        <Title order={4}>{t('journalRules.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('journalRules.hint')}
        </Text>
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('journalRules.markType')}</Table.Th>
              <Table.Th>{t('journalRules.allowed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {markTypesOf(settings.regulationJournalRules).map((type) => (
              <Table.Tr key={type} data-testid={`deadline-${type}`}>
                <Table.Td>
                  <Text fw={500}>{t(`journalRules.markTypes.${type}`)}</Text>
                  <Text size="xs" c="dimmed">
                    {t('journalRules.regulation', {
                      value: formatHours(
                        t,
                        settings.regulationJournalRules.markDeadlines.hoursByMarkType[type],
                      ),
                    })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {canEdit ? (
                    <Group gap="xs" wrap="nowrap">
                      <NumberInput
                        w={90}
                        aria-label={t(`journalRules.markTypes.${type}`)}
                        min={0}
                        max={form.allowances[type].unit === 'days' ? 366 : 24 * 366}
                        value={form.allowances[type].amount}
                        onChange={(value) => {
                          setAllowance(type, { amount: typeof value === 'number' ? value : 0 });
                        }}
                      />
                      <SegmentedControl
                        size="xs"
                        data={(['hours', 'days'] as const).map((unit) => ({
                          value: unit,
                          label: t(`journalRules.units.${unit}`),
                        }))}
                        value={form.allowances[type].unit}
                        onChange={(value) => {
                          setAllowance(type, { unit: value === 'days' ? 'days' : 'hours' });
                        }}
                      />
                    </Group>
                  ) : (
                    <Text>{formatHours(t, settings.journalRules.markDeadlines.hoursByMarkType[type])}</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Title order={5}>{t('journalRules.checks')}</Title>
        <NumberInput
          w={480}
          label={t('journalRules.finalMaxDistance')}
          disabled={!canEdit}
          min={0}
          max={4}
          step={0.5}
          decimalScale={2}
          decimalSeparator={currentLanguage() === 'en' ? '.' : ','}
          value={form.checkRules.finalMaxDistance}
          onChange={(value) => {
            edit({
              ...form,
              checkRules: { ...form.checkRules, finalMaxDistance: typeof value === 'number' ? value : 0 },
            });
          }}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('journalRules.halfYearGrades')}
          </Text>
          <Chip.Group
            multiple
            value={form.checkRules.halfYearGrades.map(String)}
            onChange={(values) => {
              if (!canEdit) return;
              edit({ ...form, checkRules: { ...form.checkRules, halfYearGrades: values.map(Number) } });
            }}
          >
            <Group gap={6}>
              {GRADES.map((grade) => (
                <Chip key={grade} value={String(grade)} size="xs" disabled={!canEdit}>
                  {t('journalRules.grade', { grade })}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Stack>
        <ErrorAlert error={rules.error} />
        {restored && <Alert color="blue">{t('journalRules.restored')}</Alert>}
        {rules.done && (
          <Alert color="teal" data-testid="journal-rules-saved">
            {changes.length === 0 ? (
              t('journalRules.nothingChanged')
            ) : (
              <>
                {t('journalRules.saved')}
                <List size="sm" mt={4}>
                  {changes.map((line) => (
                    <List.Item key={line}>{line}</List.Item>
                  ))}
                </List>
              </>
            )}
          </Alert>
        )}
        {canEdit && (
          <Group>
            <Button loading={rules.busy} onClick={() => void rules.submit()}>
              {t('common.save')}
            </Button>
            <Button variant="default" onClick={restore}>
              {t('journalRules.restore')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
