import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * How much black each colour needs so that white on it, and it on its own palest tint, reach
 * WCAG AA (4.5:1) with a margin: Mantine's default shades fail on school PCs' pale screens
 * (white on teal 2.5:1, grey text 3.3:1, yellow badges 2.9:1).
 */
const DARKEN: Readonly<Record<string, number>> = {
  teal: 10,
  green: 15,
  cyan: 20,
  red: 10,
  orange: 20,
  yellow: 35,
  lime: 35,
  blue: 5,
  indigo: 5,
  violet: 5,
  grape: 10,
  pink: 10,
  gray: 0,
};

const strong = (color: string) =>
  `color-mix(in srgb, var(--mantine-color-${color}-9), black ${String(DARKEN[color] ?? 0)}%)`;

export const readableColors: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    ...Object.fromEntries(
      Object.keys(DARKEN).flatMap((color) => [
        [`--mantine-color-${color}-filled`, strong(color)],
        [`--mantine-color-${color}-filled-hover`, `color-mix(in srgb, ${strong(color)}, black 15%)`],
        [`--mantine-color-${color}-light`, `var(--mantine-color-${color}-0)`],
        [`--mantine-color-${color}-light-hover`, `var(--mantine-color-${color}-1)`],
        [`--mantine-color-${color}-light-color`, strong(color)],
        [`--mantine-color-${color}-outline`, strong(color)],
        [`--mantine-color-${color}-text`, strong(color)],
      ]),
    ),
  },
  dark: {},
});

/** DejaVu Sans is bundled: every PC shows Ң ң Ө ө Ү ү the same, with no font download. */
export const theme = createTheme({
  fontFamily: "'DejaVu Sans', sans-serif",
  headings: { fontFamily: "'DejaVu Sans', sans-serif" },
  primaryColor: 'teal',
});
