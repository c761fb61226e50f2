import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';

/**
 * A calendar date written dd.mm.yyyy, as Kyrgyz and Russian school papers write it, with a
 * calendar in the reader's language. The browser's own date field follows the operating system
 * (often mm/dd/yyyy in Latin letters), which a Kyrgyz school reads wrongly.
 */
export function DateField({
  label,
  description,
  value,
  onChange,
  required,
}: {
  label: string;
  description?: string;
  /** YYYY-MM-DD, or '' for none. */
  value: string;
  onChange: (iso: string) => void;
  required?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <DateInput
      label={label}
      description={description}
      placeholder={t('reports.datePlaceholder')}
      valueFormat="DD.MM.YYYY"
      value={value === '' ? null : value}
      onChange={(next) => {
        onChange(next ?? '');
      }}
      clearable={required !== true}
      required={required}
      w={160}
    />
  );
}
