/** Counters of one kind: a class's counted from its students, the school's summed from its classes. */
export type Tally<K extends string> = Record<K, number>;

/** What each counter adds for one item: a number as it is, `true` as one, `false` as nothing. */
export type Counters<T, K extends string> = Readonly<Record<K, (item: T) => number | boolean>>;

export interface Tallier<T, K extends string> {
  /** The counters over some items. */
  of(items: Iterable<T>): Tally<K>;
  /** Tallies of parts (classes, journals, teachers) summed into the whole's. */
  sum(parts: Iterable<Readonly<Tally<K>>>): Tally<K>;
}

/**
 * One way for every report to count: name the counters once, then count items into tallies and
 * sum tallies into totals, so a school's total is always the sum of the rows above it.
 */
export function tallier<T, K extends string>(counters: Counters<T, K>): Tallier<T, K> {
  const keys = Object.keys(counters) as K[];
  const zero = (): Tally<K> => Object.fromEntries(keys.map((key) => [key, 0])) as Tally<K>;
  return {
    of(items) {
      const tally = zero();
      for (const item of items) for (const key of keys) tally[key] += Number(counters[key](item));
      return tally;
    },
    sum(parts) {
      const tally = zero();
      for (const part of parts) for (const key of keys) tally[key] += part[key];
      return tally;
    },
  };
}
