import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { beginRun, endRun, noteCrash } from '../../src/core/log/last-run';
import { closeLog, LOG_FILE, log, openLog } from '../../src/core/log/log';
import { startWorker } from '../../src/core/workers/start-worker';
import { MoorError } from '../../src/core/errors';
import { tempDir } from '../support/temp-dir';

afterEach(() => {
  closeLog();
});

const at = new Date('2026-03-02T08:00:00Z');

describe('crash reports kept locally', () => {
  it('logs a worker’s uncaught error with its stack and tells it at the next start', async () => {
    const dir = tempDir();
    openLog(dir);
    expect(beginRun(dir, at)).toBeNull();
    const worker = startWorker(import.meta.url, 'fixtures/crashing-worker', null);
    await once(worker, 'error').catch(() => undefined);
    await once(worker, 'exit');
    endRun(dir);

    const text = fs.readFileSync(path.join(dir, LOG_FILE), 'utf8');
    expect(text).toContain('worker fixtures/crashing-worker crashed');
    expect(text).toMatch(/at readRow .*crashing-worker/);
    expect(text).not.toContain('21201199900012');

    const next = beginRun(dir, new Date('2026-03-02T09:00:00Z'));
    expect(next?.what).toBe('worker fixtures/crashing-worker: row 7 of pupil [personal number] has no class');
    endRun(dir);
    // Told once: the start after that has nothing to tell.
    expect(beginRun(dir, new Date('2026-03-02T10:00:00Z'))).toBeNull();
  });

  it('tells a run that never quit, and keeps the first crash of a run', () => {
    const dir = tempDir();
    beginRun(dir, at);
    expect(beginRun(dir, new Date('2026-03-02T09:00:00Z'))).toEqual({
      at: at.toISOString(),
      what: 'ended without quitting',
    });
    noteCrash(dir, 'renderer: crashed', at);
    noteCrash(dir, 'renderer: oom', new Date('2026-03-02T09:30:00Z'));
    endRun(dir);
    expect(beginRun(dir, new Date('2026-03-02T11:00:00Z'))).toEqual({
      at: at.toISOString(),
      what: 'renderer: crashed',
    });
  });
});

describe('redaction of every line', () => {
  it('masks secret fields and secrets in messages and stacks', () => {
    const dir = tempDir();
    openLog(dir);
    log.info('settings saved', {
      updateUrl: 'https://it:hunter2@updates.school.kg/',
      kundolukToken: 'tok-123',
      nested: { password: 'pw-1', student: { kundoluk_pin: '11111111111111', name: 'Асанова Айгүл' } },
    });
    log.error(
      'sync refused',
      new MoorError('BAD_INPUT', 'passphrase="pass phrase 2" Bearer abc.def row: ИНН 22222222222222'),
    );
    const text = fs.readFileSync(path.join(dir, LOG_FILE), 'utf8');
    for (const secret of ['hunter2', 'tok-123', 'pw-1', '11111111111111', '22222222222222', 'abc.def']) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain('phrase 2');
    expect(text).toContain('Асанова Айгүл');
    expect(text).toContain('[BAD_INPUT]');
  });

  it('writes nothing before the log is opened', () => {
    const dir = tempDir();
    log.info('nowhere');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
