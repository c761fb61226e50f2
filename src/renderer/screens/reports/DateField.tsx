import { TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** "2025-12-10" → "10.12.2025", as Kyrgyz and Russian school papers write dates. */
function shown(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3] ?? ''}.${match[2] ?? ''}.${match[1] ?? ''}` : '';
}

/** "10.12.2025" (or "1.9.2025") → "2025-12-10"; null when it is no real calendar day. */
function parsed(text: string): string | null {
  const match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim());
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A date typed as dd.mm.yyyy. The browser's own date field shows the operating system's format
 * (often mm/dd/yyyy in Latin letters), which a Kyrgyz school reads wrongly.
 */
export function DateField({
  label,
  description,
  value,
  onChange,
}: {
  label: string;
  description?: string;
  /** YYYY-MM-DD, or '' for none. */
  value: string;
  onChange: (iso: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(shown(value));
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    // A new value from outside (another report's default) replaces what is typed, unless it is the same day.
    setText((current) => (parsed(current) === value ? current : shown(value)));
  }, [value]);
  const invalid = touched && text.trim() !== '' && parsed(text) === null;
  return (
    <TextInput
      label={label}
      description={description}
      placeholder={t('reports.datePlaceholder')}
      value={text}
      w={150}
      error={invalid ? t('reports.dateInvalid') : undefined}
      onBlur={() => {
        setTouched(true);
      }}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        if (next.trim() === '') onChange('');
        else {
          const iso = parsed(next);
          if (iso !== null) onChange(iso);
        }
      }}
    />
  );
}
