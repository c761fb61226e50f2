const numerals = ['', 'I', 'II', 'III', 'IV'];

/** A period's number as the paper writes it in a column header ("II"): quarters and half-years. */
export function romanNumeral(n: number): string {
  return numerals[n] ?? String(n);
}
