/**
 * The months as Kyrgyz and Russian write them alike (January first), in lower case as inside a
 * date ("1-сентябрь"); headings capitalise them.
 */
export const monthNames = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
] as const;

/** Month headings by month number (index 1 = January), as class journal pages write them. */
export const monthHeadings: readonly string[] = [
  '',
  ...monthNames.map((name) => name.charAt(0).toUpperCase() + name.slice(1)),
];
