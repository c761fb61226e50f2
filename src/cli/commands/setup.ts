import { createAppService } from '../../core/app/service';
import { openMirror } from '../../core/db/mirror';
import { MoorError } from '../../core/errors';
import { parseSchoolYearLabel, schoolYearStarting } from '../../shared/school-year';
import { oneOf, parseFlags, requireFlag } from '../args';
import type { CliCommand } from '../command';
import { readPassphraseFile } from '../passphrase-file';

const usage = `Usage: npm run moor -- setup --db FILE --school-ky NAME --school-ru NAME --year 2025-2026
         --passphrase-file FILE --admin-login LOGIN --admin-name "Surname Name" --admin-password-file FILE
         [--address-ky TEXT] [--address-ru TEXT] [--quarters FROM..TO,FROM..TO,FROM..TO,FROM..TO]
         [--language ky|ru|en] [--document-language ky|ru]

The first-run setup of the window, from the command line, for the IT person: the school, the
school year and its quarters, the backup passphrase (every later backup is held to it) and the
first administrator. The mirror is created when FILE does not exist; one that already holds a
school (a demo, an import) keeps its rows. Setup is done once: a set-up mirror is refused.

  --db FILE                    the mirror database
  --school-ky / --school-ru    the school's name in Kyrgyz and in Russian, as printed on every copy
  --address-ky / --address-ru  its address (default: none)
  --year 2025-2026             the school year; its quarters follow the ministry calendar unless
  --quarters …                 gives them: four FROM..TO date ranges (YYYY-MM-DD), comma-separated
  --passphrase-file FILE       a file holding the school's backup passphrase (12 characters or more)
  --admin-login LOGIN          the first administrator's login
  --admin-name "Surname Name"  and full name
  --admin-password-file FILE   a file holding their password (never typed on the command line)
  --language ky|ru|en          the window's language (default ky)
  --document-language ky|ru    the printed copies' language (default ky)`;

function quarters(value: string | undefined, label: string) {
  const first = parseSchoolYearLabel(label);
  if (first === null) throw new MoorError('USAGE', `--year must be like 2025-2026 (got "${label}").`);
  const proposed = schoolYearStarting(first);
  if (value === undefined) return proposed;
  const ranges = value.split(',').map((range) => {
    const [startsOn, endsOn] = range.trim().split('..');
    if (startsOn === undefined || endsOn === undefined) {
      throw new MoorError('USAGE', `--quarters: "${range}" is not FROM..TO.`);
    }
    return { startsOn, endsOn };
  });
  if (ranges.length !== 4)
    throw new MoorError('USAGE', `--quarters must give four ranges (got ${ranges.length}).`);
  return { ...proposed, quarters: ranges };
}

export const setupCommand: CliCommand = {
  name: 'setup',
  summary: 'Set up a mirror as the first run of the window does: school, year, passphrase, first admin',
  usage,
  async run(args, io) {
    const { values } = parseFlags(args, {
      db: { type: 'string' },
      'school-ky': { type: 'string' },
      'school-ru': { type: 'string' },
      'address-ky': { type: 'string' },
      'address-ru': { type: 'string' },
      year: { type: 'string' },
      quarters: { type: 'string' },
      'passphrase-file': { type: 'string' },
      'admin-login': { type: 'string' },
      'admin-name': { type: 'string' },
      'admin-password-file': { type: 'string' },
      language: { type: 'string' },
      'document-language': { type: 'string' },
    });
    const year = quarters(values.quarters, requireFlag(values.year, 'year'));
    const input = {
      school: {
        nameKy: requireFlag(values['school-ky'], 'school-ky'),
        nameRu: requireFlag(values['school-ru'], 'school-ru'),
        addressKy: values['address-ky'] ?? '',
        addressRu: values['address-ru'] ?? '',
      },
      year: { label: year.label, startsOn: year.startsOn, endsOn: year.endsOn },
      quarters: [...year.quarters],
      defaultLanguage: oneOf(values.language ?? 'ky', ['ky', 'ru', 'en'], 'language'),
      documentLanguage: oneOf(values['document-language'] ?? 'ky', ['ky', 'ru'], 'document-language'),
      admin: {
        login: requireFlag(values['admin-login'], 'admin-login'),
        fullName: requireFlag(values['admin-name'], 'admin-name'),
        password: readPassphraseFile(requireFlag(values['admin-password-file'], 'admin-password-file')),
      },
      backupPassphrase: readPassphraseFile(requireFlag(values['passphrase-file'], 'passphrase-file')),
      kundoluk: { mode: 'later' as const, url: null, login: null },
    };
    const mirror = openMirror(requireFlag(values.db, 'db'), { create: true });
    // The window's own setup command: the same checks, the same transaction, the same audit entry.
    const service = createAppService({ mirror });
    try {
      const result = await service.call('command-line', 'setup.complete', input);
      if (!result.ok) throw new MoorError(result.error.code, result.error.message, result.error.details);
      io.out(`Set up ${input.school.nameKy} for ${input.year.label} in ${mirror.path};`);
      io.out(
        `the administrator ${input.admin.login} signs in to the window; backups are held to the passphrase.`,
      );
      return 0;
    } finally {
      service.forget('command-line');
      mirror.close();
    }
  },
};
