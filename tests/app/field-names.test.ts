import path from 'node:path';
import i18next, { type i18n as I18n } from 'i18next';
import { z } from 'zod';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAppService, type AppService } from '../../src/core/app/service';
import { openMirror, type Mirror } from '../../src/core/db/mirror';
import { errorText } from '../../src/renderer/components/error-text';
import { fieldKey, fieldName, fieldNameKey } from '../../src/renderer/i18n/field-names';
import { resources } from '../../src/renderer/i18n/messages';
import { commandNames, contract, type CommandName } from '../../src/shared/contract';
import { tempDir } from '../support/temp-dir';
import { SETUP } from './fixture';

/**
 * Every path a zod issue can carry inside an input: each field, and each object, array or record
 * holding fields (a whole missing `school`, four `quarters` wanted). Array items are one path with
 * `#` for the position; an enum-keyed record has a path per key. A shape not taught here fails.
 */
function fieldPaths(schema: z.core.$ZodType, at: readonly string[] = []): string[] {
  const def = schema._zod.def;
  const here = at.length > 0 ? [at.join('.')] : [];
  const inside = (inner: z.core.$ZodType, segment: string) => fieldPaths(inner, [...at, segment]);
  switch (def.type) {
    case 'object':
      return [
        ...here,
        ...Object.entries((def as z.core.$ZodObjectDef).shape).flatMap(([key, value]) => inside(value, key)),
      ];
    case 'array':
      return [...here, ...inside((def as z.core.$ZodArrayDef).element, '#')];
    case 'record': {
      const { keyType, valueType } = def as z.core.$ZodRecordDef;
      const keys = keyType._zod.values;
      if (keys === undefined) throw new Error(`${here.join('')}: a record with free keys has no field names`);
      return [...here, ...[...keys].flatMap((key) => inside(valueType, String(key)))];
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return fieldPaths((def as z.core.$ZodOptionalDef).innerType, at);
    case 'union':
      return [...here, ...(def as z.core.$ZodUnionDef).options.flatMap((option) => fieldPaths(option, at))];
    case 'intersection': {
      const { left, right } = def as z.core.$ZodIntersectionDef;
      return [...fieldPaths(left, at), ...fieldPaths(right, at)];
    }
    case 'pipe': {
      const { in: input, out } = def as z.core.$ZodPipeDef;
      return [...fieldPaths(input, at), ...fieldPaths(out, at)];
    }
    case 'string':
    case 'number':
    case 'int':
    case 'bigint':
    case 'boolean':
    case 'date':
    case 'enum':
    case 'literal':
    case 'null':
    case 'undefined':
    case 'nan':
    case 'template_literal':
    case 'transform':
    case 'custom':
    case 'any':
    case 'unknown':
      return here;
    default:
      throw new Error(`${here.join('') || 'input'}: a ${def.type} schema; teach fieldPaths its fields`);
  }
}

const pathsOf = (name: CommandName) => [...new Set(fieldPaths(contract[name].input))];
const languages = ['ky', 'ru', 'en'] as const;
const i18n = {} as Record<(typeof languages)[number], I18n>;

beforeAll(async () => {
  for (const lng of languages) {
    const instance = i18next.createInstance();
    await instance.init({
      resources: { [lng]: { translation: resources[lng] } },
      lng,
      fallbackLng: false,
      interpolation: { escapeValue: false },
    });
    i18n[lng] = instance;
  }
});

/** A path as an issue gives it: the third item of a list. */
const asIssued = (pattern: string) => pattern.replaceAll('#', '2');
const latinWords = (text: string) => text.match(/[A-Za-z]{2,}/g) ?? [];

describe('the names of the contract’s input fields', () => {
  it('finds the fields of every command, through objects, arrays, optionals, unions, pipes and records', () => {
    const setup = pathsOf('setup.complete');
    for (const expected of [
      'year.label',
      'quarters',
      'quarters.#.endsOn',
      'admin.password',
      'backupPassphrase',
      'kundolukToken',
    ]) {
      expect(setup).toContain(expected);
    }
    expect(pathsOf('reports.export')).toEqual(
      expect.arrayContaining(['params.asOf', 'destination.kind', 'destination.folder', 'destination.file']),
    );
    expect(pathsOf('settings.updateJournalRules')).toEqual(
      expect.arrayContaining(['markDeadlines.hoursByMarkType.exam', 'checkRules.halfYearGrades.#']),
    );
    expect(pathsOf('auth.lock')).toEqual([]);
  });

  it('every field of every command has a name in Kyrgyz, Russian and English', () => {
    const unnamed: string[] = [];
    let named = 0;
    for (const command of commandNames) {
      for (const pattern of pathsOf(command)) {
        for (const lng of languages) {
          const field = asIssued(pattern);
          const name = fieldName(i18n[lng], field, command);
          if (fieldNameKey(i18n[lng], field, command) === null) {
            unnamed.push(`${lng}: ${command} ${pattern}`);
            continue;
          }
          named += 1;
          expect(name, `${lng}: ${command} ${pattern}`).not.toMatch(/\{\{|\}\}/);
          if (lng !== 'en') expect(latinWords(name), `${lng}: ${command} ${pattern}`).toEqual([]);
        }
      }
    }
    expect(unnamed).toEqual([]);
    expect(named).toBeGreaterThan(300);
  });

  it('a field added to the contract without a name is caught', () => {
    const grown = contract['setup.complete'].input.extend({ school: z.object({ motto: z.string() }) });
    const missing = [...new Set(fieldPaths(grown))].filter((p) => fieldNameKey(i18n.ky, p) === null);
    expect(missing).toEqual(['school.motto']);
  });

  it('names only fields the contract has (no name left behind by a removed field)', () => {
    const keysOf = (command: CommandName) => pathsOf(command).map((p) => fieldKey(p).key);
    const allKeys = new Set(commandNames.flatMap(keysOf));
    expect(Object.keys(resources.ky.fields.byPath).filter((key) => !allKeys.has(key))).toEqual([]);
    const byCommand: Record<string, Record<string, Record<string, string>>> = resources.ky.fields.byCommand;
    for (const [group, commands] of Object.entries(byCommand)) {
      for (const [name, names] of Object.entries(commands)) {
        const command = `${group}.${name}`;
        expect(commandNames, command).toContain(command);
        const own = keysOf(command as CommandName);
        for (const key of Object.keys(names)) expect(own, `${command} ${key}`).toContain(key);
      }
    }
  });

  it('names a field as the form the user is looking at labels it', () => {
    expect(fieldName(i18n.ky, 'next', 'auth.changePassword')).toBe(resources.ky.settings.newPassword);
    expect(fieldName(i18n.ky, 'next', 'settings.changeBackupPassphrase')).toBe(
      resources.ky.settingsMore.newPassphrase,
    );
    expect(fieldName(i18n.ru, 'admin.password', 'setup.complete')).toBe(resources.ru.setup.adminPassword);
    expect(fieldName(i18n.ru, 'year', 'registers.archive')).toBe(resources.ru.registers.year);
    expect(fieldName(i18n.ky, 'quarters.0', 'settings.updateQuarters')).toBe('1-чейрек');
    expect(fieldKey('quarters.2.endsOn')).toEqual({ key: 'quarters/#/endsOn', number: 3 });
  });
});

describe('the BAD_INPUT message', () => {
  let mirror: Mirror | undefined;
  let service: AppService | undefined;
  afterEach(async () => {
    await service?.context.jobs.stopAll();
    mirror?.close();
    service = undefined;
    mirror = undefined;
  });

  it('names the end of the third quarter in Kyrgyz words, without one Latin letter', () => {
    const details = { field: 'quarters.2.endsOn', command: 'setup.complete' };
    const ky = errorText(i18n.ky, 'BAD_INPUT', details);
    expect(ky).toEqual({ text: 'Маалымат туура эмес толтурулган: 3-чейректин аягы.', translated: true });
    expect(ky.text).not.toMatch(/[A-Za-z]/);
    expect(errorText(i18n.ru, 'BAD_INPUT', details).text).toBe('Неверно заполнено: Конец 3-й четверти.');
    expect(errorText(i18n.en, 'BAD_INPUT', details).text).toBe('Wrongly filled in: Quarter 3 ends.');
  });

  it('reads so for the error the app service really gives', async () => {
    mirror = openMirror(path.join(tempDir(), 'mirror.sqlite'), { create: true });
    service = createAppService({ mirror });
    const quarters = SETUP.quarters.map((q, i) => (i === 2 ? { ...q, endsOn: '20.03.2026' } : q));
    const result = await service.invoke('first', 'setup.complete', { ...SETUP, quarters });
    if (result.ok) throw new Error('a date written 20.03.2026 was taken');
    expect(result.error.details).toMatchObject({ field: 'quarters.2.endsOn', command: 'setup.complete' });
    const { text } = errorText(i18n.ky, result.error.code, result.error.details ?? {});
    expect(text).toBe('Маалымат туура эмес толтурулган: 3-чейректин аягы.');
  });

  it('says "one of the fields" in the reader’s language for a path with no name, never the path', () => {
    for (const field of ['', 'brandNew.part', 42]) {
      expect(errorText(i18n.ky, 'BAD_INPUT', { field, command: 'auth.lock' }).text).toBe(
        'Маалымат туура эмес толтурулган: талаалардын бири.',
      );
    }
    expect(errorText(i18n.ru, 'BAD_INPUT', { field: 'brandNew' }).text).toBe(
      'Неверно заполнено: одно из полей.',
    );
    // The registers' own refusals name their fields through the same words.
    expect(errorText(i18n.ky, 'BAD_INPUT', { field: 'retentionUntil' }).text).toBe(
      'Маалымат туура эмес толтурулган: Сактоо мөөнөтү.',
    );
  });
});
