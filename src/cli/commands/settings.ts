import { archiveDefaultSchema, archiveKinds } from '../../shared/archive-defaults';
import { systemClock } from '../../core/clock';
import { openMirror } from '../../core/db/mirror';
import { MoorError } from '../../core/errors';
import { getSetting } from '../../core/settings/app-settings';
import { saveArchiveDefaults } from '../../core/settings/archive-defaults';
import { integerFlag, oneOf, parseFlags, requireFlag } from '../args';
import { signedInActor } from '../cli-identity';
import type { CliCommand } from '../command';

const usage = `Usage: npm run moor -- settings archive --db FILE
         [--kind KIND (--years N | --place TEXT | --place-archive) --user LOGIN --password-file FILE]

The archive's retention periods and storage places, as the school's nomenclature of affairs sets
them: every archive register line entered from then on takes its kind's period and place (lines
already entered keep theirs). Without --kind, prints them. A period counts from 1 January after the
year the document came in.

  --db FILE          the mirror database
  --kind KIND        ${archiveKinds.join(' | ')}
  --years N          how many years that kind is kept (1 to 100)
  --place TEXT       where it is kept (a cupboard, the archive room)
  --place-archive    the school's archive, in the school's document language (the default)
  --user LOGIN       an admin of this mirror, who changes the setting (recorded in the audit log)
  --password-file F  a file holding that admin's password`;

export const settingsCommand: CliCommand = {
  name: 'settings',
  summary: "Show or set the archive's retention periods and storage places per document kind",
  usage,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      db: { type: 'string' },
      kind: { type: 'string' },
      years: { type: 'string' },
      place: { type: 'string' },
      'place-archive': { type: 'boolean' },
      user: { type: 'string' },
      'password-file': { type: 'string' },
    });
    if (positionals[0] !== 'archive' || positionals.length !== 1) {
      throw new MoorError('USAGE', 'The settings command sets one thing: settings archive.');
    }
    const mirror = openMirror(requireFlag(values.db, 'db'));
    try {
      const current = getSetting(mirror, 'archiveDefaults');
      if (values.kind !== undefined) {
        const kind = oneOf(values.kind, archiveKinds, 'kind');
        const parsed = archiveDefaultSchema.safeParse({
          retentionYears: integerFlag(values.years, 'years') ?? current[kind].retentionYears,
          storagePlace:
            values['place-archive'] === true ? null : (values.place ?? current[kind].storagePlace),
        });
        if (!parsed.success) {
          throw new MoorError('USAGE', `--years must be 1 to 100 and --place at most 200 characters.`);
        }
        saveArchiveDefaults(
          mirror,
          { ...current, [kind]: parsed.data },
          await signedInActor(mirror, values.user, values['password-file'], 'settings archive'),
          systemClock(),
        );
      }
      const saved = getSetting(mirror, 'archiveDefaults');
      for (const kind of archiveKinds) {
        const { retentionYears, storagePlace } = saved[kind];
        io.out(
          `${kind.padEnd(16)} ${String(retentionYears).padStart(3)} years  ${storagePlace ?? "(the school's archive)"}`,
        );
      }
      return 0;
    } finally {
      mirror.close();
    }
  },
};
