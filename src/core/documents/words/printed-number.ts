/**
 * A number as both editions print it: a decimal comma, and thousands set apart by a no-break space
 * from five digits on («31 555», «52,7»); a four-digit number stays whole («1234»), as Kyrgyz and
 * Russian typesetting keep it. The no-break space keeps a number on one line when a cell wraps.
 */
export function printedNumber(value: number, decimals?: number): string {
  const fixed = decimals === undefined ? String(value) : value.toFixed(decimals);
  const [whole = '', fraction] = fixed.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign === '' ? whole : whole.slice(1);
  const grouped = digits.length < 5 ? digits : digits.replace(/\B(?=(\d{3})+$)/g, '\u00a0');
  return `${sign}${grouped}${fraction === undefined ? '' : `,${fraction}`}`;
}

/** A size in megabytes with one decimal, «52,7 МБ», in the edition's unit. */
export function printedMegabytes(bytes: number, unit: string): string {
  return `${printedNumber(bytes / (1024 * 1024), 1)} ${unit}`;
}
