import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { anchorText, chainHead } from '../../src/core/audit/chain-head';
import { createBackup } from '../../src/core/backup/create-backup';
import { readBackup } from '../../src/core/backup/read-backup';
import { nodeTargetFs } from '../../src/core/backup/target-fs';
import { fixedClock } from '../../src/core/clock';
import { printClassCopy } from '../../src/core/documents';
import { PASSPHRASE, testKdf } from '../backup/fixture';
import { pdfPagesText, squash } from '../documents/helpers';
import { deputy } from '../support/actors';
import { openSmallSchool } from '../support/schools';
import { tempDir } from '../support/temp-dir';

const mirror = openSmallSchool();
afterAll(() => {
  mirror.close();
});

function classOf(grade: number, letter: string): number {
  const row = mirror.sqlite
    .prepare<[number, string], { id: number }>('SELECT id FROM class WHERE grade = ? AND letter = ?')
    .get(grade, letter);
  if (!row) throw new Error(`no class ${grade}${letter}`);
  return row.id;
}

const print = (classId: number, outDir: string) =>
  printClassCopy(mirror, {
    classId,
    periodId: 1,
    outDir,
    actor: deputy,
    clock: fixedClock('2025-11-03T08:00:00Z'),
  });

describe('the chain head kept outside the file', () => {
  it('is on a class copy’s title page, and a reprint of the same data carries the same head, byte for byte', async () => {
    // An empty log has no head to print; the first copy gives it one.
    await print(classOf(5, 'Б'), tempDir());
    const head = anchorText(chainHead(mirror)) ?? 'none yet';
    const first = await print(classOf(8, 'А'), tempDir());
    const title = squash(pdfPagesText(first.pdfPath)[0] ?? '');
    expect(title).toContain(squash(`Аракеттер журналынын белгиси: ${head}`));
    // The chain has moved on; the same copy printed again is still the same paper.
    expect(anchorText(chainHead(mirror))).not.toBe(head);
    const again = await print(classOf(8, 'А'), tempDir());
    expect(again.reprint).toBe(true);
    expect(again.sha256).toBe(first.sha256);
  });

  it('is in a backup’s manifest, on its register line and on the printed backup register', async () => {
    const drive = tempDir();
    const head = chainHead(mirror);
    const made = await createBackup(mirror, {
      targetDir: drive,
      passphrase: PASSPHRASE,
      actor: deputy,
      clock: fixedClock('2025-11-04T09:00:00Z'),
      keyDerivation: testKdf,
    });
    const contents = await readBackup(made.backupPath, PASSPHRASE, { fs: nodeTargetFs });
    // The snapshot is taken after the register line is opened: its head names that line's entry.
    expect(contents.auditHead?.id).toBe((head?.id ?? 0) + 1);
    const line = mirror.sqlite
      .prepare('SELECT audit_head FROM backup_register WHERE id = ?')
      .get(made.registerId);
    expect(line).toEqual({ audit_head: anchorText(contents.auditHead) });
    const pdf = path.join(drive, 'backup-register.pdf');
    const io = { out: () => undefined, err: () => undefined };
    expect(
      await runCli(['registers', 'print', '--db', mirror.path, '--kind', 'backup', '--out', pdf], io),
    ).toBe(0);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    );
    expect(text).toContain(`аракеттержурналы:${anchorText(contents.auditHead) ?? ''}`);
    expect(text).toContain(`Аракеттержурналынынбелгиси:${anchorText(chainHead(mirror)) ?? ''}`);
    expect(fs.existsSync(pdf)).toBe(true);
  });
});
