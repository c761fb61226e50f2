import 'dayjs/locale/ky';
import 'dayjs/locale/ru';
import { DatesProvider } from '@mantine/dates';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// Typed dates are read in the fields' own format (dd.mm.yyyy).
dayjs.extend(customParseFormat);

/** Calendars and typed dates follow the interface language; weeks start on Monday in Kyrgyzstan. */
export function DatesLanguage({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}
