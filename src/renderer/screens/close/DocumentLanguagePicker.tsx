import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentLanguage } from '../../../shared/views';

/** The edition a paper of the close is printed in: Kyrgyz or Russian. */
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
      aria-label={t('close.documentLanguage')}
      value={value}
      onChange={(next) => {
        onChange(next === 'ru' ? 'ru' : 'ky');
      }}
      data={[
        { value: 'ky', label: t('close.inKyrgyz') },
        { value: 'ru', label: t('close.inRussian') },
      ]}
    />
  );
}
