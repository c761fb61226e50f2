import { checkAnchor, parseAnchor } from '../../core/audit/anchor';
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
    'Usage: npm run moor -- audit verify --db FILE [--head NUMBER:HASH]',
    '',
    '  verify      walk the whole audit log and report every entry that was edited, deleted,',
    '              reordered, or cut off the end; exit code 1 when the log was tampered with',
    '  --db FILE   the mirror database to check (opened read-only)',
    '  --head N:H  a chain head kept outside the file (typed from paper): entry N must still',
    '              have hash H, or the log was cut or rewritten since',
  ].join('\n'),
  run(args, io) {
    const { values, positionals } = parseFlags(args, { db: { type: 'string' }, head: { type: 'string' } });
    const anchor = values.head === undefined ? null : parseAnchor(values.head);
    if (positionals[0] !== 'verify' || positionals.length !== 1) {
      throw new MoorError('USAGE', `Unknown audit action "${positionals.join(' ')}"; expected "verify".`);
    }
    const mirror = openMirror(requireFlag(values.db, 'db'), { readonly: true });
    try {
      const result = verifyAuditChain(mirror);
      const disagreement = anchor === null ? null : checkAnchor(mirror, anchor);
      if (disagreement !== null) {
        io.err(`Audit log TAMPERED: ${disagreement}`);
        return 1;
      }
      if (result.ok) {
        io.out(`Audit log intact: ${result.entries} entries, chain and head record verified.`);
        const head = mirror.first(mirror.db.selectFrom('audit_head').select(['last_id', 'last_hash']));
        // Written down (or printed) elsewhere, it is what a later --head checks against.
        if (head) io.out(`Chain head: ${head.last_id}:${head.last_hash.slice(0, 16)}`);
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
