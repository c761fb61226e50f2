import fs from 'node:fs';

/**
 * Мөөр's version, from the package.json two folders up: the same from src/core under tsx and from
 * dist/main in the installed app (where that is the package.json inside app.asar).
 */
export function appVersion(): string {
  const text = fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  const parsed = JSON.parse(text) as { version?: unknown };
  return typeof parsed.version === 'string' ? parsed.version : 'unknown';
}
