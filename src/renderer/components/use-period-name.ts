import { useTranslation } from 'react-i18next';
import type { PeriodView } from '../../shared/views';

/** A period's name in the reader's language ("2-чейрек", "1-е полугодие", "School year"). */
export function usePeriodName() {
  const { t } = useTranslation();
  return (p: PeriodView) => t(`periods.${p.kind}`, { number: p.number });
}
