import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { auditRowHash } from '../../src/core/audit/audit-log';
import { openMirror } from '../../src/core/db/mirror';
import { createDemoSchool } from '../../src/core/demo/create-demo-school';

async function moor(...args: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const code = await runCli(args, { out: () => undefined, err: (l) => err.push(l) });
  return { code, err: err.join('\n') };
}

describe('a chain head kept outside the file', () => {
  it('catches the last rows deleted with the head updated, which the file alone calls intact', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moor-'));
    const db = path.join(dir, 'mirror.sqlite');
    const mirror = openMirror(db, { create: true });
    createDemoSchool(mirror, { size: 'small' });
    expect((await moor('close', 'start', '--db', db, '--period', 'q1')).code).toBe(0);
    const reason = ['--reason', 'Мугалимдер каталарды 10-ноябрга чейин оңдошот'];
    expect((await moor('close', 'override', '--db', db, '--day', '1', ...reason)).code).toBe(0);
    const head = mirror.sqlite.prepare('SELECT last_id, last_hash FROM audit_head').get() as {
      last_id: number;
      last_hash: string;
    };
    const printed = `${head.last_id}:${head.last_hash.slice(0, 16)}`;
    expect((await moor('audit', 'verify', '--db', db, '--head', printed)).code).toBe(0);

    // The forger deletes the newest entry and points the head at the one before it.
    mirror.sqlite.prepare('DELETE FROM audit_log WHERE id = ?').run(head.last_id);
    const last = mirror.sqlite
      .prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1')
      .get() as Parameters<typeof auditRowHash>[0] & { hash: string };
    expect(auditRowHash(last)).toBe(last.hash);
    mirror.sqlite.prepare('UPDATE audit_head SET last_id = ?, last_hash = ?').run(last.id, last.hash);
    mirror.close();
    expect((await moor('audit', 'verify', '--db', db)).code).toBe(0);
    const anchored = await moor('audit', 'verify', '--db', db, '--head', printed);
    expect(anchored.code).toBe(1);
    expect(anchored.err).toMatch(new RegExp(`expects entry ${head.last_id} .* but the log ends at entry`));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
