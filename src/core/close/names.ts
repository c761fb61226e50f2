import type { Mirror } from '../db/mirror';

/** How the close names classes, teachers and subjects in messages and on its lists. */
export function className(row: { grade: number; letter: string }): string {
  return `${row.grade}${row.letter}`;
}

export function staffName(row: {
  last_name: string;
  first_name: string;
  middle_name?: string | null;
}): string {
  return `${row.last_name} ${row.first_name}`;
}

export interface NameBook {
  klass(id: number | null): string;
  staff(id: number | null): string;
  subject(id: number | null): string;
}

/** All the names a close's messages need, read once. */
export function loadNameBook(mirror: Mirror): NameBook {
  const classes = new Map(
    mirror
      .all(mirror.db.selectFrom('class').select(['id', 'grade', 'letter']))
      .map((r) => [r.id, className(r)]),
  );
  const staff = new Map(
    mirror
      .all(mirror.db.selectFrom('staff').select(['id', 'last_name', 'first_name']))
      .map((r) => [r.id, staffName(r)]),
  );
  const subjects = new Map(
    mirror.all(mirror.db.selectFrom('subject').select(['id', 'name_ky'])).map((r) => [r.id, r.name_ky]),
  );
  const pick = (map: Map<number, string>, id: number | null, what: string): string =>
    id === null ? '' : (map.get(id) ?? `${what} #${id}`);
  return {
    klass: (id) => pick(classes, id, 'class'),
    staff: (id) => pick(staff, id, 'staff'),
    subject: (id) => pick(subjects, id, 'subject'),
  };
}
