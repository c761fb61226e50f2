/** Names as printed: the full name for lists, "Last F. M." to decode a signature. */
export interface PersonName {
  readonly last_name: string;
  readonly first_name: string;
  readonly middle_name: string | null;
}

export function fullName(person: PersonName): string {
  return [person.last_name, person.first_name, person.middle_name]
    .filter((p) => p !== null && p !== '')
    .join(' ');
}

export function shortName(person: PersonName): string {
  const initials = [person.first_name, person.middle_name]
    .filter((p): p is string => p !== null && p !== '')
    .map((p) => `${p.charAt(0)}.`)
    .join(' ');
  return initials === '' ? person.last_name : `${person.last_name} ${initials}`;
}
