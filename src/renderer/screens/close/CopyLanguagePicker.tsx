import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentLanguage } from '../../../shared/views';

/** The copies' edition: each class in its language of instruction, or one language for all. */
export type CopyLanguage = DocumentLanguage | 'byClass';

export function CopyLanguagePicker({
  value,
  onChange,
}: {
  value: CopyLanguage;
  onChange: (language: CopyLanguage) => void;
}) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('documentLanguage.label')}
      value={value}
      onChange={(next) => {
        onChange(next === 'ru' || next === 'ky' ? next : 'byClass');
      }}
      data={[
        { value: 'byClass', label: t('documentLanguage.byClass') },
        { value: 'ky', label: t('documentLanguage.ky') },
        { value: 'ru', label: t('documentLanguage.ru') },
      ]}
    />
  );
}
