import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/renderer/i18n/en';
import { ky } from '../../src/renderer/i18n/ky';
import { ru } from '../../src/renderer/i18n/ru';
import { auditNames } from '../../src/renderer/i18n/audit/names';

const PLURAL = /_(zero|one|two|few|many|other)$/;
const dictionaries = { ky, ru, en } as const;

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? keys(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}
/** Every text with its path; keys may hold dots themselves (the audit log's action ids). */
function leaves(tree: object, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([key, value]): [string, unknown][] =>
    typeof value === 'object' && value !== null
      ? leaves(value as object, `${prefix}${key}.`)
      : [[`${prefix}${key}`, value]],
  );
}
const baseKeys = (tree: object) => [...new Set(keys(tree).map((k) => k.replace(PLURAL, '')))].sort();

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

describe('translations', () => {
  it('ru and en have exactly the keys of ky (plural forms aside)', () => {
    expect(baseKeys(ru)).toEqual(baseKeys(ky));
    expect(baseKeys(en)).toEqual(baseKeys(ky));
  });

  it('every plural key has every form its language needs', () => {
    for (const [language, tree] of Object.entries(dictionaries)) {
      const all = keys(tree);
      const plurals = new Set(all.filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
      const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const base of plurals) {
        for (const form of needed) expect(all, `${language}: ${base}_${form}`).toContain(`${base}_${form}`);
      }
    }
  });

  it('every key the renderer asks for exists', () => {
    const known = new Set(baseKeys(ky));
    const sources = sourceFiles(path.resolve(import.meta.dirname, '../../src/renderer'));
    const asked = sources.flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z.]+)'/g)].map((m) => ({
        file: path.basename(file),
        key: m[1] ?? '',
      })),
    );
    expect(asked.length).toBeGreaterThan(50);
    for (const { file, key } of asked) expect(known.has(key), `${file}: ${key}`).toBe(true);
  });

  it('every error code the core raises has words in every language', () => {
    // Any of them can reach the window through a command or a job: none may show up in English.
    const core = sourceFiles(path.resolve(import.meta.dirname, '../../src/core'));
    const codes = new Set(
      core.flatMap((file) =>
        [...fs.readFileSync(file, 'utf8').matchAll(/new MoorError\(\s*'([A-Z_]+)'/g)].map((m) => m[1] ?? ''),
      ),
    );
    expect(codes.size).toBeGreaterThan(100);
    for (const code of codes) {
      for (const [language, tree] of Object.entries(dictionaries)) {
        expect(Object.keys(tree.errors), `${language}: errors.${code}`).toContain(code);
      }
    }
  });

  it('ky and ru texts are in Cyrillic, not English left behind', () => {
    // File names a person must find on the drive or save as they are (latest.yml, a .zip); file
    // formats, codes, keys and the fingerprint's algorithm as their programs and keyboards name them
    // (PDF, Excel, QR, Ctrl, Tab; SHA-256, as the host prints its certificate's fingerprint).
    const allowedLatin = [
      'English',
      'IT',
      'https',
      'latest',
      'yml',
      'zip',
      'PDF',
      'Excel',
      'Ctrl',
      'Tab',
      'QR',
      'SHA',
    ];
    for (const tree of [ky, ru, auditNames.ky, auditNames.ru]) {
      for (const [key, value] of leaves(tree)) {
        if (key.startsWith('languages.')) continue;
        const words = (
          String(value)
            .replace(/\{\{[^}]*\}\}/g, '')
            .match(/[A-Za-z]{2,}/g) ?? []
        ).filter((w) => !allowedLatin.includes(w));
        expect(words, key).toEqual([]);
      }
    }
  });
});
