import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../src/core/audit/audit-log';
import { verifyAuditChain } from '../../src/core/audit/verify-chain';
import { openMirror, type Mirror } from '../../src/core/db/mirror';
import { runCli } from '../../src/cli/run-cli';
import { deputy } from '../support/actors';
import { tempDir } from '../support/temp-dir';

let dir: string;
let dbPath: string;
let mirror: Mirror;

function writeEntries(count: number): void {
  for (let i = 1; i <= count; i += 1) {
    mirror.transaction(() => {
      appendAudit(
        mirror,
        {
          actor: deputy,
          action: 'close.sign',
          entity: 'close_item',
          entityId: i,
          before: null,
          after: { n: i },
        },
        new Date(Date.UTC(2025, 10, 1, 8, i)),
      );
    });
  }
}

async function cliVerify(): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['audit', 'verify', '--db', dbPath], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out, err };
}

beforeEach(() => {
  dir = tempDir();
  dbPath = path.join(dir, 'mirror.sqlite');
  mirror = openMirror(dbPath, { create: true });
  writeEntries(6);
});

afterEach(() => {
  mirror.close();
});

describe('audit chain verification', () => {
  it('accepts an untouched log, and the command says so', async () => {
    const result = verifyAuditChain(mirror);
    expect(result).toMatchObject({ ok: true, entries: 6, lastId: 6, problems: [] });
    const cli = await cliVerify();
    expect(cli.code).toBe(0);
    expect(cli.out.join('\n')).toContain('6 entries');
  });

  it('names an edited entry', async () => {
    mirror.sqlite.prepare(`UPDATE audit_log SET after_json = '{"n":99}' WHERE id = 3`).run();
    const result = verifyAuditChain(mirror);
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ kind: 'edited', entryId: 3 });
    const cli = await cliVerify();
    expect(cli.code).toBe(1);
    expect(cli.err.join('\n')).toMatch(/entry 3 .*changed after it was written/);
  });

  it('names a deleted entry inside the chain', () => {
    mirror.sqlite.prepare('DELETE FROM audit_log WHERE id = 4').run();
    const result = verifyAuditChain(mirror);
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'missing', entryId: 5 })]);
    expect(result.problems[0]?.message).toMatch(/Entry 4 is missing/);
  });

  it('names reordered entries', () => {
    mirror.sqlite.exec(`
      UPDATE audit_log SET id = -1 WHERE id = 2;
      UPDATE audit_log SET id = 2 WHERE id = 5;
      UPDATE audit_log SET id = 5 WHERE id = -1;
    `);
    const result = verifyAuditChain(mirror);
    expect(result.ok).toBe(false);
    const moved = result.problems.filter((p) => p.kind === 'moved');
    expect(moved.map((p) => p.entryId)).toEqual([2, 5]);
    expect(moved[0]?.message).toMatch(/entry 2 .*was written as entry 5/);
    expect(moved[1]?.message).toMatch(/entry 5 .*was written as entry 2/);
  });

  it('notices entries cut off the end of the log', async () => {
    mirror.sqlite.prepare('DELETE FROM audit_log WHERE id >= 5').run();
    const result = verifyAuditChain(mirror);
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'truncated', entryId: 4 })]);
    expect(result.problems[0]?.message).toMatch(/entry 5–6 was deleted/);
    const cli = await cliVerify();
    expect(cli.code).toBe(1);
  });

  it('notices a deleted head record and a wholly emptied log', () => {
    mirror.sqlite.prepare('DELETE FROM audit_head').run();
    expect(verifyAuditChain(mirror).problems).toEqual([expect.objectContaining({ kind: 'head' })]);
    writeEntries(1);
    mirror.sqlite.prepare('DELETE FROM audit_log').run();
    expect(verifyAuditChain(mirror).problems).toEqual([
      expect.objectContaining({ kind: 'truncated', entryId: 0 }),
    ]);
  });

  it('notices a forged entry appended without the head record', () => {
    const last = mirror.sqlite.prepare<[], { hash: string }>('SELECT hash FROM audit_log WHERE id = 6').get();
    mirror.sqlite
      .prepare(
        `INSERT INTO audit_log (id, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash)
         VALUES (7, '2025-11-02T00:00:00.000Z', 'x', 'y', 'z', NULL, NULL, NULL, ?, ?)`,
      )
      .run(last?.hash, 'f'.repeat(64));
    const kinds = verifyAuditChain(mirror).problems.map((p) => p.kind);
    expect(kinds).toEqual(['edited', 'head']);
  });
});
