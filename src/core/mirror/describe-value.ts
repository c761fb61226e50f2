const LIMIT = 40;
const MAX_DEPTH = 3;

/**
 * A short text of any value for an error message. It stops at a fixed length and depth, so a
 * hostile file (arrays nested a hundred thousand deep, megabytes of text) cannot overflow the
 * stack or flood the message the way JSON.stringify of the whole value would.
 */
export function describeValue(value: unknown): string {
  const out: string[] = [];
  let length = 0;
  const emit = (part: string): boolean => {
    out.push(part);
    length += part.length;
    return length <= LIMIT;
  };
  const walk = (v: unknown, depth: number): boolean => {
    if (v === null || typeof v !== 'object') {
      const shown = typeof v === 'string' ? JSON.stringify(v.slice(0, LIMIT + 1)) : String(v);
      return emit(shown);
    }
    if (depth >= MAX_DEPTH) return emit(Array.isArray(v) ? '[…]' : '{…}');
    if (Array.isArray(v)) {
      if (!emit('[')) return false;
      for (let i = 0; i < v.length; i++) {
        if (i > 0 && !emit(',')) return false;
        if (!walk(v[i], depth + 1)) return false;
      }
      return emit(']');
    }
    if (!emit('{')) return false;
    let first = true;
    for (const key of Object.keys(v)) {
      if (!first && !emit(',')) return false;
      first = false;
      if (!emit(`${JSON.stringify(key.slice(0, LIMIT + 1))}:`)) return false;
      if (!walk((v as Record<string, unknown>)[key], depth + 1)) return false;
    }
    return emit('}');
  };
  walk(value, 0);
  const shown = out.join('');
  return shown.length > LIMIT ? `${shown.slice(0, LIMIT)}…` : shown;
}
