import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentLanguage } from '../../shared/views';

/**
 * The edition a paper is produced in, Kyrgyz or Russian: the close's printouts, reports and
 * registers all ask with this one control and the same words.
 */
export function DocumentLanguagePicker({
  value,
  onChange,
}: {
  value: DocumentLanguage;
  onChange: (language: DocumentLanguage) => void;
}) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('documentLanguage.label')}
      value={value}
      onChange={(next) => {
        onChange(next === 'ru' ? 'ru' : 'ky');
      }}
      data={[
        { value: 'ky', label: t('documentLanguage.ky') },
        { value: 'ru', label: t('documentLanguage.ru') },
      ]}
    />
  );
}
