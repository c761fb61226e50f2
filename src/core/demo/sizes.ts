import type { Language } from '../db/schema';

export const demoSizes = ['small', 'medium', 'large'] as const;
export type DemoSize = (typeof demoSizes)[number];

export interface ClassPlan {
  grade: number;
  letter: string;
  language: Language;
}

export interface SizeProfile {
  classes: readonly ClassPlan[];
  studentsPerClass: number;
  deputies: number;
}

const letters = ['А', 'Б', 'В', 'Г', 'Д', 'Е', 'Ж', 'З', 'И', 'К'];

/** Parallel classes per grade 1..11; the last letter of a grade of three or more teaches in Russian. */
function classesByGrade(perGrade: readonly number[]): ClassPlan[] {
  return perGrade.flatMap((count, index) =>
    Array.from({ length: count }, (_, i) => ({
      grade: index + 1,
      letter: letters[i] ?? `${i + 1}`,
      language: (count >= 3 && i === count - 1) || (count < 3 && i === 1 && index % 2 === 0) ? 'ru' : 'ky',
    })),
  );
}

export const sizeProfiles: Record<DemoSize, SizeProfile> = {
  small: {
    classes: [
      { grade: 8, letter: 'А', language: 'ky' },
      { grade: 5, letter: 'Б', language: 'ru' },
    ],
    studentsPerClass: 24,
    deputies: 1,
  },
  medium: { classes: classesByGrade([3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2]), studentsPerClass: 27, deputies: 2 },
  large: { classes: classesByGrade([10, 10, 10, 9, 9, 9, 9, 9, 9, 8, 8]), studentsPerClass: 30, deputies: 3 },
};
