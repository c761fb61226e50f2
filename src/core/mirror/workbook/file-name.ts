/** Class and quarter as Kundoluk names a saved class journal: "8А-1.xlsx" is class 8А, quarter 1. */
export interface ClassPeriodName {
  grade: number;
  letter: string;
  quarter: number | null;
}

export function parseClassName(text: string): { grade: number; letter: string } | undefined {
  const match = /^\s*(\d{1,2})\s*[-"«]?\s*([А-ЯЁӨҮҢа-яёөүң])\s*["»]?\s*$/.exec(text);
  if (!match) return undefined;
  const grade = Number(match[1]);
  if (grade < 1 || grade > 11) return undefined;
  return { grade, letter: (match[2] ?? '').toUpperCase() };
}

export function parseWorkbookFileName(fileName: string): ClassPeriodName | undefined {
  const base = fileName.replace(/\.xlsx$/i, '');
  const match = /^(.*?)[-_ ]([1-4])$/.exec(base);
  const schoolClass = parseClassName(match ? (match[1] ?? '') : base);
  if (!schoolClass) return undefined;
  return { ...schoolClass, quarter: match ? Number(match[2]) : null };
}
