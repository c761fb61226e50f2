import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** What the grid's codes and colours mean, in the regulation's words (Б / У / Н). */
export function JournalLegend() {
  const { t } = useTranslation();
  const codes = [
    ['Н', t('journal.legend.unexcused')],
    ['Б', t('journal.legend.illness')],
    ['У', t('journal.legend.excused')],
    ['к', t('journal.legend.late')],
    ['4/5', t('journal.legend.twoMarks')],
  ] as const;
  return (
    <Group gap="lg" data-testid="journal-legend" aria-label={t('journal.legend.title')} role="note">
      {codes.map(([code, meaning]) => (
        <Text key={code} size="sm">
          <b>{code}</b> — {meaning}
        </Text>
      ))}
      <Text size="sm">
        <span className="grid-legend-swatch" style={{ background: 'var(--mantine-color-yellow-1)' }} />{' '}
        {t('journal.legend.corrected')}
      </Text>
      <Text size="sm">
        <span style={{ color: 'var(--mantine-color-orange-9)' }}>01.09</span> — {t('journal.legend.noTopic')}
      </Text>
    </Group>
  );
}
