/** Where "now" comes from. Commands take a clock so tests and documents can fix the time. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export function fixedClock(iso: string): Clock {
  const instant = new Date(iso);
  return () => new Date(instant);
}
