import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { auditRowHash, type AuditRow } from '../../src/core/audit/audit-log';
import {
  FINGERPRINTS_KEY,
  type FrozenFingerprint,
  scopeFingerprint,
} from '../../src/core/audit/frozen-fingerprint';
import { createBackup } from '../../src/core/backup/create-backup';
import { fixedClock } from '../../src/core/clock';
import type { TinySchool } from '../checks/tiny-school';
import { PASSPHRASE, testKdf } from '../backup/fixture';
import { deputy } from '../support/actors';
import { frozenTinySchool } from './frozen-close';

let school: TinySchool;
let db: string;
/** The head printed on the archive register, as a person reads it off the paper. */
let paperHead: string;
let backupDir: string;
let passphraseFile: string;

async function moor(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const verify = (...anchors: string[]) => moor('audit', 'verify', '--db', db, ...anchors);
const againstBackup = () => ['--against-backup', backupDir, '--passphrase-file', passphraseFile];

function sql(text: string, ...params: unknown[]): void {
  school.mirror.sqlite.prepare(text).run(...params);
}

function rows(): AuditRow[] {
  return school.mirror.sqlite.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditRow[];
}

/** What a forger who knows the format does after editing entries: the whole chain recomputed. */
function recomputeChain(): void {
  let previous = '0'.repeat(64);
  for (const row of rows()) {
    const hash = auditRowHash({ ...row, prev_hash: previous });
    sql('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?', previous, hash, row.id);
    previous = hash;
  }
  const last = rows().at(-1);
  if (last) sql('UPDATE audit_head SET last_id = ?, last_hash = ?', last.id, last.hash);
}

beforeEach(async () => {
  school = frozenTinySchool();
  db = school.mirror.sqlite.name;
  const backups = path.join(school.dir, 'drive');
  fs.mkdirSync(backups);
  const made = await createBackup(school.mirror, {
    targetDir: backups,
    passphrase: PASSPHRASE,
    actor: deputy,
    clock: fixedClock('2025-11-10T09:00:00Z'),
    keyDerivation: testKdf,
  });
  backupDir = made.backupPath;
  passphraseFile = path.join(school.dir, 'pass.txt');
  fs.writeFileSync(passphraseFile, `${PASSPHRASE}\n`);
  const pdf = path.join(school.dir, 'archive.pdf');
  expect((await moor('registers', 'print', '--db', db, '--kind', 'archive', '--out', pdf)).code).toBe(0);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  );
  const printed = /Аракеттер журналынын белгиси: (\d+:[0-9a-f]{16})/.exec(text);
  paperHead = printed?.[1] ?? 'not printed';
  // Untouched, the mirror agrees with the paper and the drive.
  const intact = await verify('--head', paperHead, ...againstBackup());
  expect(intact.err).toBe('');
  expect(intact.out).toMatch(/agrees: entry \d+ is unchanged/);
});
afterEach(() => {
  school.close();
});

describe('the seven tamperings the file alone calls intact, caught with the anchors kept outside', () => {
  it('the last rows deleted and the head record pointed at the entry before them', async () => {
    const last = rows().at(-1);
    if (!last) throw new Error('no audit log');
    sql('DELETE FROM audit_log WHERE id >= ?', last.id - 2);
    const kept = rows().at(-1);
    sql('UPDATE audit_head SET last_id = ?, last_hash = ?', kept?.id, kept?.hash);
    expect((await verify()).code).toBe(0);
    const anchored = await verify('--head', paperHead, ...againstBackup());
    expect(anchored.code).toBe(1);
    expect(anchored.err).toMatch(
      new RegExp(
        `head typed from paper \\(${paperHead}\\) expects entry \\d+ with hash [0-9a-f]{16}…, but the log ends at entry ${kept?.id}: the log was cut`,
      ),
    );
    expect(anchored.err).toMatch(/head kept in the backup .* expects entry \d+ .* but the log ends at entry/);
  });

  it('the whole log deleted', async () => {
    sql('DELETE FROM audit_log');
    sql('DELETE FROM audit_head');
    expect((await verify()).code).toBe(0);
    const anchored = await verify(...againstBackup());
    expect(anchored.code).toBe(1);
    expect(anchored.err).toMatch(
      /expects entry \d+ with hash [0-9a-f]{16}…, but the log is empty: the log was cut or deleted/,
    );
  });

  it('rows rewritten and the chain after them recomputed', async () => {
    sql("UPDATE audit_log SET actor = 'director:staff:director:Кадыров Эрлан' WHERE action = 'close.start'");
    recomputeChain();
    expect((await verify()).code).toBe(0);
    const anchored = await verify('--head', paperHead);
    expect(anchored.code).toBe(1);
    expect(anchored.err).toMatch(
      /head typed from paper .* expects entry (\d+) with hash ([0-9a-f]{16})…, but entry \1 has hash (?!\2)[0-9a-f]{16}…: the history up to it was rewritten/,
    );
  });

  it('a mark of a frozen period changed', async () => {
    sql(
      "UPDATE mark SET value = CASE value WHEN '5' THEN '4' ELSE '5' END WHERE id = (SELECT m.id FROM mark m JOIN lesson l ON l.id = m.lesson_id WHERE l.class_id = ? ORDER BY m.id LIMIT 1)",
      school.class5,
    );
    const found = await verify(...againstBackup());
    expect(found.code).toBe(1);
    expect(found.err).toMatch(/certified period class 5А, 2025-2026 quarter 1 were changed outside Мөөр/);
  });

  it('a final of a frozen period changed', async () => {
    sql(
      "UPDATE period_final SET value = CASE value WHEN '5' THEN '3' ELSE '5' END WHERE id = (SELECT id FROM period_final WHERE class_id = ? ORDER BY id LIMIT 1)",
      school.class5,
    );
    const found = await verify('--head', paperHead);
    expect(found.code).toBe(1);
    expect(found.err).toMatch(/certified period class 5А, 2025-2026 quarter 1 were changed outside Мөөр/);
  });

  it('an absence of a frozen period removed', async () => {
    sql('DELETE FROM attendance');
    const found = await verify('--head', paperHead);
    expect(found.code).toBe(1);
    expect(found.err).toMatch(/certified period class 5А, 2025-2026 quarter 1 were changed outside Мөөр/);
  });

  it('a frozen mark changed with its fingerprint rewritten and the chain recomputed', async () => {
    sql(
      "UPDATE mark SET value = CASE value WHEN '5' THEN '4' ELSE '5' END WHERE id = (SELECT m.id FROM mark m JOIN lesson l ON l.id = m.lesson_id WHERE l.class_id = ? ORDER BY m.id LIMIT 1)",
      school.class5,
    );
    // The forger recomputes the fingerprints in the close's entry for the changed data.
    const complete = rows().find((r) => r.action === 'close.complete');
    const after = JSON.parse(complete?.after_json ?? '{}') as Record<string, FrozenFingerprint[]>;
    after[FINGERPRINTS_KEY] = (after[FINGERPRINTS_KEY] ?? []).map((f) => ({
      ...f,
      sha256: scopeFingerprint(school.mirror, f.classId, f.periodId),
    }));
    sql('UPDATE audit_log SET after_json = ? WHERE id = ?', JSON.stringify(after), complete?.id);
    recomputeChain();
    expect((await verify()).code).toBe(0);
    const anchored = await verify(...againstBackup());
    expect(anchored.code).toBe(1);
    expect(anchored.err).toMatch(
      /head kept in the backup .* but entry \d+ has hash [0-9a-f]{16}…: the history up to it was rewritten/,
    );
  });
});
