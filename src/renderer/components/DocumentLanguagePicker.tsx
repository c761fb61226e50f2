import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentLanguage } from '../../shared/views';

/** A copy's edition: each class in its language of instruction, or one language for all. */
export type CopyLanguage = DocumentLanguage | 'byClass';

export const EDITIONS: readonly DocumentLanguage[] = ['ky', 'ru'];
export const EDITIONS_OR_BY_CLASS: readonly CopyLanguage[] = ['byClass', 'ky', 'ru'];

/**
 * The edition a paper is produced in: the close's printouts, reports and registers all ask with
 * this one control and the same words; class copies may also follow each class's language.
 */
export function DocumentLanguagePicker<Choice extends CopyLanguage>({
  value,
  choices,
  onChange,
}: {
  value: Choice;
  choices: readonly Choice[];
  onChange: (language: Choice) => void;
}) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('documentLanguage.label')}
      value={value}
      onChange={(next) => {
        const chosen = choices.find((choice) => choice === next);
        if (chosen !== undefined) onChange(chosen);
      }}
      data={choices.map((choice) => ({ value: choice, label: t(`documentLanguage.${choice}`) }))}
    />
  );
}
