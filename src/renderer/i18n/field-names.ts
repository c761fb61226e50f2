import type { i18n as I18n } from 'i18next';

/**
 * A field path (a zod issue path joined by dots, e.g. `quarters.2.endsOn`) as its name is keyed in
 * `fields`: the parts joined by `/`, every array position written `#` (`quarters/#/endsOn`), and
 * the first position, counted from 1, as the `number` the name may say ("3-чейректин аягы").
 */
export function fieldKey(path: string): { key: string; number: number | null } {
  let number: number | null = null;
  const key = path
    .split('.')
    .map((part) => {
      if (!/^\d+$/.test(part)) return part;
      number ??= Number(part) + 1;
      return '#';
    })
    .join('/');
  return { key, number };
}

/**
 * The i18n key of a field's name: the command's own name for the path when its form labels it
 * differently, else the common one; null when the path has no name.
 */
export function fieldNameKey(i18n: I18n, path: string, command?: string): string | null {
  if (path === '') return null;
  const { key } = fieldKey(path);
  const keys = command ? [`fields.byCommand.${command}.${key}`] : [];
  keys.push(`fields.byPath.${key}`);
  return keys.find((k) => typeof i18n.getResource(i18n.language, 'translation', k) === 'string') ?? null;
}

/**
 * An input field named in the reader's language as the form labels it, for an error that points
 * at it (`details.field`, and `details.command` when the core gives it). A path with no name reads
 * as a neutral phrase: the raw path, English words, is never shown.
 */
export function fieldName(i18n: I18n, path: unknown, command?: unknown): string {
  const field = typeof path === 'string' ? path : '';
  const key = fieldNameKey(i18n, field, typeof command === 'string' ? command : undefined);
  if (key === null) return i18n.t('fields.unnamed');
  const { number } = fieldKey(field);
  // i18next types its keys from the resources; this one was just found in them.
  const found = key as 'fields.unnamed';
  return i18n.t(found, number === null ? {} : { number });
}
