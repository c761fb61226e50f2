import { z } from 'zod';

/**
 * The marks a school gives: its grades (numbers) and the agreed codes written instead of a grade
 * (not attested, exempt). A school setting, so that a new grading the ministry introduces is a
 * change of settings, not of code. Every source's marks and finals are held to it.
 */
export const markScaleSchema = z.object({
  grades: z.array(z.number().int().min(0).max(100)).min(1),
  codes: z.array(z.string().trim().min(1).max(20)),
});

export type MarkScale = z.output<typeof markScaleSchema>;

/** Today's five-point scale as the journal uses it: 2–5, "н/а" (not attested), "осв" (exempt). */
export const defaultMarkScale: MarkScale = { grades: [2, 3, 4, 5], codes: ['н/а', 'осв'] };

/** Whether a mark's text and its number agree with the scale: a grade with its number, a code with none. */
export function markProblem(scale: MarkScale, value: unknown, numeric: unknown): string | undefined {
  const expected = `a mark of the school's scale (${[...scale.grades, ...scale.codes].join(', ')})`;
  if (typeof value !== 'string') return expected;
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const grade = Number(text);
    if (!scale.grades.includes(grade)) return expected;
    return numeric === grade ? undefined : `the number ${grade} beside the mark ${text}`;
  }
  if (!scale.codes.some((code) => code.toLowerCase() === text.toLowerCase())) return expected;
  return numeric === null || numeric === undefined ? undefined : `no number beside the code ${text}`;
}
