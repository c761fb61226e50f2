import fs from 'node:fs';
import { systemClock } from '../../core/clock';
import { openMirror } from '../../core/db/mirror';
import { MoorError } from '../../core/errors';
import type { SyncResult } from '../../core/mirror/run-sync';
import { syncBundleFile } from '../../core/mirror/sync-bundle';
import type { KundolukRole } from '../../core/mirror/kundoluk/paths';
import { recordAnswers, replayFetch } from '../../core/mirror/kundoluk/recording';
import { syncKundoluk } from '../../core/mirror/sync-kundoluk';
import { syncWorkbookFile } from '../../core/mirror/sync-workbook';
import { integerFlag, parseFlags, requireFlag } from '../args';
import { commandLineActor } from '../cli-identity';
import type { CliCommand, CliIo } from '../command';

const usage = `Usage:
  npm run moor -- sync --db FILE --bundle FILE.json
  npm run moor -- sync --db FILE --workbook FILE.xlsx [--class 8А --period 1] [--skip-unreadable]
  npm run moor -- sync --db FILE --kundoluk URL --token-file FILE --from YYYY-MM-DD --to YYYY-MM-DD
      [--role teacher|student|parent] [--path-list P] [--path-term P] [--resume] [--record DIR | --replay DIR]

Fills the mirror from one source in one transaction: all of it is written, or nothing.
Every completed run is recorded and audited; changes seen since the last sync are kept
(see "changes").

  --db FILE           the mirror database (created when missing)
  --bundle FILE       a Мөөр JSON bundle (docs/bundle.md)
  --workbook FILE     a Kundoluk class journal saved as .xlsx ("8А-1.xlsx": class 8А, quarter 1)
  --class NAME        the class, when the file name does not say it (e.g. 8А)
  --period N          the quarter 1-4, when the file name does not say it
  --skip-unreadable   a cell or day column that cannot be read (a date, TRUE, #N/A, a formula
                      without its result, a day header with a typo) is a warning and the mirror
                      keeps its marks there; without it the workbook is refused, naming the cell
  --kundoluk URL      Kundoluk's API address, e.g. https://kundoluk.edu.gov.kg/api/
  --token-file FILE   a file holding the bearer token (the token is never printed)
  --from, --to        the dates to fetch; Kundoluk is written week by week
  --role NAME         the account's role in Kundoluk's paths (default teacher)
  --path-list P       the schedule's path (default {role}/gradebook/list)
  --path-term P       the term answers' path (default {role}/gradebook/term/{term})
  --resume            continue the last sync of these dates that was cut off, from its first unwritten week
  --record DIR        also write Kundoluk's raw answers to DIR (tokens masked, personal numbers replaced)
  --replay DIR        sync from answers recorded in DIR instead of the service (any token file)

The run is recorded as the computer's user at the command line, doing a deputy's sync.`;

function readToken(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new MoorError('USAGE', `Cannot read the token file ${file}: ${(error as Error).message}.`);
  }
}

function kundolukRole(role: string | undefined): KundolukRole {
  if (role === undefined) return 'teacher';
  if (role === 'teacher' || role === 'student' || role === 'parent') return role;
  throw new MoorError('USAGE', `--role must be teacher, student or parent (got "${role}").`);
}

function report(io: CliIo, result: SyncResult): void {
  io.out(`Sync run ${result.runId} from ${result.source} ${result.name}`);
  io.out(`  added ${result.added}, changed ${result.changed}, removed ${result.removed}`);
  io.out(`  changes kept in history: ${result.changesSeen}`);
  for (const warning of result.warnings) io.out(`  warning: ${warning}`);
}

export const syncCommand: CliCommand = {
  name: 'sync',
  summary: 'Fill the mirror from a bundle, a class journal workbook or Kundoluk',
  usage,
  async run(args, io) {
    const { values } = parseFlags(args, {
      db: { type: 'string' },
      bundle: { type: 'string' },
      workbook: { type: 'string' },
      class: { type: 'string' },
      period: { type: 'string' },
      'skip-unreadable': { type: 'boolean' },
      kundoluk: { type: 'string' },
      'token-file': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      role: { type: 'string' },
      'path-list': { type: 'string' },
      'path-term': { type: 'string' },
      resume: { type: 'boolean' },
      record: { type: 'string' },
      replay: { type: 'string' },
    });
    const db = requireFlag(values.db, 'db');
    const sources = [values.bundle, values.workbook, values.kundoluk].filter((v) => v !== undefined);
    if (sources.length !== 1) {
      throw new MoorError('USAGE', 'Give exactly one source: --bundle, --workbook or --kundoluk.');
    }
    const context = { actor: commandLineActor('deputy'), clock: systemClock };
    const isNew = !fs.existsSync(db);
    const mirror = openMirror(db, { create: true });
    let synced = false;
    try {
      if (values.bundle !== undefined) {
        report(io, syncBundleFile(mirror, values.bundle, context));
      }
      if (values.workbook !== undefined) {
        const quarter = integerFlag(values.period, 'period');
        const options = {
          ...(values.class === undefined ? {} : { className: values.class }),
          ...(quarter === undefined ? {} : { quarter }),
          skipUnreadable: values['skip-unreadable'] === true,
        };
        report(io, await syncWorkbookFile(mirror, values.workbook, options, context));
      }
      if (values.kundoluk !== undefined) {
        const token = readToken(requireFlag(values['token-file'], 'token-file'));
        const range = { from: requireFlag(values.from, 'from'), to: requireFlag(values.to, 'to') };
        const controller = new AbortController();
        const cancel = () => {
          controller.abort();
        };
        process.once('SIGINT', cancel);
        try {
          report(
            io,
            await syncKundoluk(
              mirror,
              {
                baseUrl: values.kundoluk,
                token,
                ...range,
                signal: controller.signal,
                role: kundolukRole(values.role),
                paths: {
                  ...(values['path-list'] === undefined ? {} : { list: values['path-list'] }),
                  ...(values['path-term'] === undefined ? {} : { term: values['path-term'] }),
                },
                resume: values.resume === true,
                ...(values.record === undefined ? {} : { onAnswer: recordAnswers(values.record) }),
                ...(values.replay === undefined ? {} : { fetch: replayFetch(values.replay) }),
              },
              context,
            ),
          );
        } finally {
          process.off('SIGINT', cancel);
        }
      }
      synced = true;
      return 0;
    } finally {
      mirror.close();
      // A mirror made for this sync and left empty by its failure would pass for a real one later.
      if (isNew && !synced)
        for (const file of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(file, { force: true });
    }
  },
};
