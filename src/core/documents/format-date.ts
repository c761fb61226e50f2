/** Dates as printed in Kyrgyz and Russian documents: 01.09.2025. */
export function printedDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day ?? ''}.${month ?? ''}.${year ?? ''}`;
}

export function printedDayMonth(isoDate: string): string {
  return printedDate(isoDate).slice(0, 5);
}
