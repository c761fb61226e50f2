import { verifyAuditChain } from '../../core/audit/verify-chain';
import { openMirror } from '../../core/db/mirror';
import { MoorError } from '../../core/errors';
import { parseFlags, requireFlag } from '../args';
import type { CliCommand } from '../command';

const SHOWN_PROBLEMS = 20;

export const auditCommand: CliCommand = {
  name: 'audit',
  summary: 'Verify the hash-chained audit log of a mirror database',
  usage: [
    'Usage: npm run moor -- audit verify --db FILE',
    '',
    '  verify      walk the whole audit log and report every entry that was edited, deleted,',
    '              reordered, or cut off the end; exit code 1 when the log was tampered with',
    '  --db FILE   the mirror database to check (opened read-only)',
  ].join('\n'),
  run(args, io) {
    const { values, positionals } = parseFlags(args, { db: { type: 'string' } });
    if (positionals[0] !== 'verify' || positionals.length !== 1) {
      throw new MoorError('USAGE', `Unknown audit action "${positionals.join(' ')}"; expected "verify".`);
    }
    const mirror = openMirror(requireFlag(values.db, 'db'), { readonly: true });
    try {
      const result = verifyAuditChain(mirror);
      if (result.ok) {
        io.out(`Audit log intact: ${result.entries} entries, chain and head record verified.`);
        return 0;
      }
      io.err(`Audit log TAMPERED: ${result.problems.length} problem(s) in ${result.entries} entries.`);
      for (const problem of result.problems.slice(0, SHOWN_PROBLEMS)) io.err(`  - ${problem.message}`);
      if (result.problems.length > SHOWN_PROBLEMS) {
        io.err(`  … and ${result.problems.length - SHOWN_PROBLEMS} more.`);
      }
      return 1;
    } finally {
      mirror.close();
    }
  },
};
