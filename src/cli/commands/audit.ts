import { type AuditAnchor, checkAnchor, parseAnchor } from '../../core/audit/anchor';
import { anchorText, chainHead } from '../../core/audit/chain-head';
import { verifyAuditChain } from '../../core/audit/verify-chain';
import { readBackup } from '../../core/backup/read-backup';
import { nodeTargetFs } from '../../core/backup/target-fs';
import { openMirror } from '../../core/db/mirror';
import { MoorError } from '../../core/errors';
import { parseFlags, requireFlag } from '../args';
import type { CliCommand } from '../command';
import { readPassphraseFile } from '../passphrase-file';

const SHOWN_PROBLEMS = 20;

interface KeptHead {
  readonly source: string;
  readonly anchor: AuditAnchor;
}

/** The head a backup's manifest keeps: the backup is read back whole, as every backup read is. */
async function backupHead(backupDir: string, passphraseFile: string | undefined): Promise<KeptHead> {
  const passphrase = readPassphraseFile(requireFlag(passphraseFile, 'passphrase-file'));
  const contents = await readBackup(backupDir, passphrase, { fs: nodeTargetFs });
  if (contents.auditHead === null) {
    throw new MoorError(
      'USAGE',
      `The backup ${backupDir} (made ${contents.createdAt}) keeps no chain head: it was made before backups kept one.`,
    );
  }
  return {
    source: `The head kept in the backup ${backupDir} (made ${contents.createdAt})`,
    anchor: contents.auditHead,
  };
}

export const auditCommand: CliCommand = {
  name: 'audit',
  summary: 'Verify the hash-chained audit log of a mirror database',
  usage: [
    'Usage: npm run moor -- audit verify --db FILE [--head NUMBER:HASH] [--against-backup DIR --passphrase-file FILE]',
    '',
    '  verify      walk the whole audit log and report every entry that was edited, deleted,',
    '              reordered, or cut off the end, and every certified (frozen) period whose marks,',
    '              absences or finals no longer match the fingerprint the log holds; exit code 1',
    '              when the log or the certified data was tampered with',
    '  --db FILE   the mirror database to check (opened read-only)',
    "  --head N:H  a chain head kept outside the file, as printed on a certified copy's title page",
    '              or a register: entry N must still have hash H, or the log was cut or rewritten',
    "  --against-backup DIR   the chain head kept in a backup's manifest (the backup is read back",
    "              whole with --passphrase-file FILE, the school's backup passphrase)",
    '',
    'Only the anchors kept outside the file catch a history rewritten or deleted as a whole',
    '(docs/audit.md says what is and is not detected).',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      db: { type: 'string' },
      head: { type: 'string' },
      'against-backup': { type: 'string' },
      'passphrase-file': { type: 'string' },
    });
    if (positionals[0] !== 'verify' || positionals.length !== 1) {
      throw new MoorError('USAGE', `Unknown audit action "${positionals.join(' ')}"; expected "verify".`);
    }
    const kept: KeptHead[] = [];
    if (values.head !== undefined)
      kept.push({ source: `The head typed from paper (${values.head})`, anchor: parseAnchor(values.head) });
    if (values['against-backup'] !== undefined)
      kept.push(await backupHead(values['against-backup'], values['passphrase-file']));
    const mirror = openMirror(requireFlag(values.db, 'db'), { readonly: true });
    try {
      const result = verifyAuditChain(mirror);
      const disagreements = kept.flatMap(({ source, anchor }) => {
        const found = checkAnchor(mirror, anchor, source);
        return found === null ? [] : [found];
      });
      const problems = [...disagreements, ...result.problems.map((p) => p.message)];
      if (problems.length === 0) {
        io.out(
          `Audit log intact: ${result.entries} entries, chain, head record and certified periods verified.`,
        );
        for (const { source, anchor } of kept) io.out(`  ${source} agrees: entry ${anchor.id} is unchanged.`);
        // Written down (or printed) elsewhere, it is what a later --head checks against.
        const head = anchorText(chainHead(mirror));
        if (head !== null) io.out(`Chain head: ${head}`);
        return 0;
      }
      io.err(`Audit log TAMPERED: ${problems.length} problem(s) in ${result.entries} entries.`);
      for (const problem of problems.slice(0, SHOWN_PROBLEMS)) io.err(`  - ${problem}`);
      if (problems.length > SHOWN_PROBLEMS) io.err(`  … and ${problems.length - SHOWN_PROBLEMS} more.`);
      return 1;
    } finally {
      mirror.close();
    }
  },
};
