import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { tempDir } from '../support/temp-dir';
import { writeSmallSchool } from '../support/schools';

let dir: string;
let db: string;

async function moor(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(() => {
  dir = tempDir();
  db = writeSmallSchool(path.join(dir, 'mirror.sqlite'));
});

describe('npm run moor -- close', () => {
  it('walks day 1 from the terminal, with clear refusals', async () => {
    const help = await moor('help', 'close');
    expect(help.out).toContain('director-sign');
    expect((await moor('close', 'status', '--db', db)).err).toMatch(/no open close/);

    const started = await moor('close', 'start', '--db', db, '--period', 'q1');
    expect(started.code).toBe(0);
    expect(started.out).toContain('Close 1 started by');
    expect(started.out).toContain('classes (2): 5Б, 8А');

    const again = await moor('close', 'start', '--db', db, '--period', 'q1', '--classes', '8a');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already started for class 8А/);

    const early = await moor('close', 'sign', '--db', db, '--class', '8А', '--teacher', 'Nobody Here');
    expect(early.code).toBe(1);
    expect(early.err).toMatch(/no teacher "Nobody Here"/);
    const unknownClass = await moor('close', 'certify', '--db', db, '--class', '9Я');
    expect(unknownClass.code).toBe(1);
    expect(unknownClass.err).toMatch(/no class "9Я".*5Б, 8А/);
    const secretary = await moor(
      'close',
      'override',
      '--db',
      db,
      '--as',
      'secretary',
      '--day',
      '1',
      '--reason',
      'x'.repeat(20),
    );
    expect(secretary.code).toBe(1);
    expect(secretary.err).toMatch(/may not do "close.override"/);
    const outOfOrder = await moor('close', 'handover', '--db', db);
    expect(outOfOrder.err).toMatch(/Day 5 .* cannot start yet: Day 1/);

    const checked = await moor('close', 'check', '--db', db, '--out', path.join(dir, 'lists'));
    expect(checked.code).toBe(0);
    expect(checked.out).toMatch(/Day-1 checks: 37 teacher × class × subject items/);
    expect(checked.out).toMatch(/Check lists: \d+ PDFs/);

    const badConfirm = await moor('close', 'confirm', '--db', db, '--teacher', '#9999');
    expect(badConfirm.err).toMatch(/no staff member #9999/);

    const override = await moor(
      'close',
      'override',
      '--db',
      db,
      '--day',
      '1',
      '--reason',
      'Мугалимдер каталарды 10-ноябрга чейин оңдошот',
    );
    expect(override.code).toBe(0);
    expect(override.out).toMatch(/Day 1 .*complete/);
    const status = await moor('close', 'status', '--db', db);
    expect(status.out).toMatch(/\[x\] Day 1 .*\(37 overridden\)/);
    expect(status.out).toContain('override by deputy:');
    expect(status.out).toMatch(/\[>\] Day 2/);

    const tooShort = await moor('close', 'cancel', '--db', db, '--reason', 'жаңылыш');
    expect(tooShort.code).toBe(1);
    expect(tooShort.err).toMatch(/written reason/);
    const cancelled = await moor(
      'close',
      'cancel',
      '--db',
      db,
      '--reason',
      'Жабуу 2-чейрек үчүн башталышы керек эле',
    );
    expect(cancelled.code).toBe(0);
    expect(cancelled.out).toContain('Close 1 cancelled');
    expect((await moor('close', 'status', '--db', db)).err).toMatch(/no open close/);
    const restarted = await moor('close', 'start', '--db', db, '--period', 'q1');
    expect(restarted.code).toBe(0);
    expect(restarted.out).toContain('classes (2): 5Б, 8А');

    const audit = await moor('audit', 'verify', '--db', db);
    expect(audit.code).toBe(0);
  });
});
