import { openMirror } from '../../core/db/mirror';
import { MoorError } from '../../core/errors';
import { listChanges } from '../../core/mirror/changes';
import { changeKinds, type ChangeKind } from '../../shared/change-kinds';
import { integerFlag, parseFlags, requireFlag } from '../args';
import type { CliCommand } from '../command';
import { printJson } from '../json-output';

export const changesCommand: CliCommand = {
  name: 'changes',
  summary: 'List the changes the mirror saw between syncs (corrections, removals, late marks)',
  usage: `Usage: npm run moor -- changes --db FILE [--since DATE] [--class ID] [--kind KIND] [--json]

  --db FILE       the mirror database to read
  --since DATE    only changes seen at or after this date (YYYY-MM-DD) or instant
  --class ID      only changes to this class (mirror id)
  --kind KIND     only this kind: ${changeKinds.join(', ')}
  --json          print the changes as a JSON array`,
  run(args, io) {
    const { values } = parseFlags(args, {
      db: { type: 'string' },
      since: { type: 'string' },
      class: { type: 'string' },
      kind: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (values.since !== undefined && Number.isNaN(Date.parse(values.since))) {
      throw new MoorError('USAGE', `--since must be a date YYYY-MM-DD (got "${values.since}").`);
    }
    if (values.kind !== undefined && !(changeKinds as readonly string[]).includes(values.kind)) {
      throw new MoorError('USAGE', `--kind must be one of ${changeKinds.join(', ')} (got "${values.kind}").`);
    }
    const classId = integerFlag(values.class, 'class');
    const mirror = openMirror(requireFlag(values.db, 'db'), { readonly: true });
    try {
      const changes = listChanges(mirror, {
        ...(values.since === undefined ? {} : { since: values.since }),
        ...(classId === undefined ? {} : { classId }),
        ...(values.kind === undefined ? {} : { kinds: [values.kind as ChangeKind] }),
      });
      if (values.json === true) {
        printJson(io, changes);
        return 0;
      }
      io.out(`${changes.length} change(s)`);
      for (const c of changes) {
        const value = c.before === null && c.after === null ? '' : ` ${c.before ?? '∅'} → ${c.after ?? '∅'}`;
        const where = [
          c.classId === null ? null : `class ${c.classId}`,
          c.subjectId === null ? null : `subject ${c.subjectId}`,
          c.studentId === null ? null : `student ${c.studentId}`,
          c.lessonDate === null ? null : `lesson ${c.lessonDate}`,
          c.periodId === null ? null : `period ${c.periodId}`,
        ]
          .filter((part) => part !== null)
          .join(', ');
        io.out(`${c.seenAt}  ${c.kind.padEnd(20)} ${c.entity} ${c.entityId}${value}  (${where})`);
      }
      return 0;
    } finally {
      mirror.close();
    }
  },
};
