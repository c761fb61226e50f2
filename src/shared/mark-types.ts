/** Every mark type the mirror keeps (the schema's CHECK); the bundle, the Kundoluk mapping and the mark deadlines use this list. */
export const markTypes = [
  'general',
  'control',
  'write',
  'test',
  'homework',
  'laboratory',
  'practice',
  'exam',
] as const;

export type MarkType = (typeof markTypes)[number];
