import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, languages } from '../i18n';

/** Кыргызча / Русский / English, remembered on this computer. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('common.language')}
      value={currentLanguage()}
      onChange={(value) => void changeLanguage(value)}
      data={languages.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
    />
  );
}
