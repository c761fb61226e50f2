import type { Actor, Role } from '../../core/auth/actor';
import type { Mirror } from '../../core/db/mirror';
import type { PeriodKind, StaffPosition } from '../../core/db/schema';
import { MoorError } from '../../core/errors';
import { listCloses } from '../../core/close';

/** Latin letters that look like Cyrillic class letters, so "5A" typed on a Latin keyboard finds 5А. */
const lookalikes: Record<string, string> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
};

const periodNames: Record<string, { kind: PeriodKind; number: number }> = {
  q1: { kind: 'quarter', number: 1 },
  q2: { kind: 'quarter', number: 2 },
  q3: { kind: 'quarter', number: 3 },
  q4: { kind: 'quarter', number: 4 },
  h1: { kind: 'half_year', number: 1 },
  h2: { kind: 'half_year', number: 2 },
  year: { kind: 'year', number: 1 },
};

export function findPeriod(mirror: Mirror, name: string, yearLabel: string | undefined): number {
  const wanted = periodNames[name.toLowerCase()];
  if (!wanted) {
    throw new MoorError(
      'USAGE',
      `--period must be one of ${Object.keys(periodNames).join(', ')} (got "${name}").`,
    );
  }
  const years = mirror.all(
    mirror.db.selectFrom('academic_year').select(['id', 'label']).orderBy('starts_on', 'desc'),
  );
  const year = yearLabel === undefined ? years[0] : years.find((y) => y.label === yearLabel);
  if (!year) {
    throw new MoorError(
      'PERIOD_NOT_FOUND',
      yearLabel === undefined
        ? 'The mirror has no school year yet; sync it first.'
        : `There is no school year ${yearLabel} (the mirror has ${years.map((y) => y.label).join(', ') || 'none'}).`,
    );
  }
  const period = mirror.first(
    mirror.db
      .selectFrom('reporting_period')
      .select('id')
      .where('academic_year_id', '=', year.id)
      .where('kind', '=', wanted.kind)
      .where('number', '=', wanted.number),
  );
  if (!period)
    throw new MoorError('PERIOD_NOT_FOUND', `The school year ${year.label} has no period "${name}".`);
  return period.id;
}

function normalizeClassLabel(label: string): string {
  return label
    .trim()
    .toUpperCase()
    .replace(/[A-Z]/g, (ch) => lookalikes[ch] ?? ch);
}

/** A class by its name ("5А") in the given school year. */
export function findClass(mirror: Mirror, label: string, academicYearId: number): number {
  const classes = mirror.all(
    mirror.db
      .selectFrom('class')
      .select(['id', 'grade', 'letter'])
      .where('academic_year_id', '=', academicYearId),
  );
  const wanted = normalizeClassLabel(label);
  const found = classes.find((c) => `${c.grade}${c.letter.toUpperCase()}` === wanted);
  if (!found) {
    const known = classes.map((c) => `${c.grade}${c.letter}`).slice(0, 12);
    throw new MoorError(
      'CLOSE_CLASS_NOT_FOUND',
      `There is no class "${label}" in this school year (classes: ${known.join(', ')}${classes.length > 12 ? ', …' : ''}).`,
      { label },
    );
  }
  return found.id;
}

/** A staff member by "#id", "Surname Name" or a surname that only one person has. */
export function findStaff(mirror: Mirror, text: string, what = 'teacher'): number {
  const trimmed = text.trim();
  if (/^#\d+$/.test(trimmed)) {
    const id = Number(trimmed.slice(1));
    if (mirror.first(mirror.db.selectFrom('staff').select('id').where('id', '=', id))) return id;
    throw new MoorError('TEACHER_NOT_FOUND', `There is no staff member ${trimmed}.`);
  }
  const staff = mirror.all(mirror.db.selectFrom('staff').select(['id', 'last_name', 'first_name']));
  const wanted = trimmed.toLocaleLowerCase('ky').replace(/\s+/g, ' ');
  const full = staff.filter((s) => `${s.last_name} ${s.first_name}`.toLocaleLowerCase('ky') === wanted);
  const matches =
    full.length > 0 ? full : staff.filter((s) => s.last_name.toLocaleLowerCase('ky') === wanted);
  if (matches.length === 1 && matches[0]) return matches[0].id;
  if (matches.length === 0) {
    throw new MoorError(
      'TEACHER_NOT_FOUND',
      `There is no ${what} "${text}" in the mirror (write "Surname Name" or #id).`,
      {
        text,
      },
    );
  }
  throw new MoorError(
    'USAGE',
    `"${text}" could be ${matches.map((m) => `${m.last_name} ${m.first_name} (#${m.id})`).join(', ')}; write the full name or #id.`,
  );
}

/** A subject by its code or its Kyrgyz or Russian name (full or short). */
export function findSubject(mirror: Mirror, text: string): number {
  const wanted = text.trim().toLocaleLowerCase('ky');
  const subjects = mirror.all(mirror.db.selectFrom('subject').selectAll());
  const found = subjects.find((s) =>
    [s.code, s.name_ky, s.name_ru, s.short_ky, s.short_ru].some((n) => n.toLocaleLowerCase('ky') === wanted),
  );
  if (!found)
    throw new MoorError('SUBJECT_NOT_FOUND', `There is no subject "${text}" (use its code or name).`);
  return found.id;
}

/** The close to act on: the one given, or the only open one (or, for reading, the latest). */
export function findClose(mirror: Mirror, given: string | undefined, forReading = false): number {
  if (given !== undefined) {
    const id = Number(given);
    if (!Number.isInteger(id))
      throw new MoorError('USAGE', `--close must be a close number (got "${given}").`);
    return id;
  }
  const closes = listCloses(mirror);
  const open = closes.filter((c) => c.status === 'open');
  if (open.length === 1 && open[0]) return open[0].id;
  if (open.length > 1) {
    throw new MoorError(
      'USAGE',
      `Several closes are open (${open.map((o) => o.id).join(', ')}); say which with --close N.`,
    );
  }
  const latest = closes.at(-1);
  if (forReading && latest) return latest.id;
  throw new MoorError(
    'CLOSE_NOT_FOUND',
    'There is no open close; start one with: npm run moor -- close start --period q1',
  );
}

const positionOf: Record<Role, StaffPosition> = {
  deputy: 'deputy',
  secretary: 'secretary',
  director: 'director',
  admin: 'admin',
};

/** Who acts: the role given with --as, by the name given or the staff member holding that position. */
export function cliActor(mirror: Mirror, role: Role, name: string | undefined): Actor {
  const holders = mirror.all(
    mirror.db
      .selectFrom('staff')
      .select(['id', 'last_name', 'first_name'])
      .where('position', '=', positionOf[role])
      .orderBy('id'),
  );
  const named =
    name === undefined
      ? holders[0]
      : holders.find(
          (h) =>
            `${h.last_name} ${h.first_name}`.toLocaleLowerCase('ky') === name.trim().toLocaleLowerCase('ky'),
        );
  if (named) return { userId: `staff:${named.id}`, name: `${named.last_name} ${named.first_name}`, role };
  if (name === undefined) {
    throw new MoorError('USAGE', `The mirror knows no ${role}; say who acts with --name "Surname Name".`);
  }
  return { userId: `cli:${name.trim()}`, name: name.trim(), role };
}
