import type { DB } from './schema';

/*
 * The mirror's journal tables in foreign-key order: every foreign key points to a table earlier in
 * the list. Foreign keys are enforced on every connection, so whoever writes a whole school one
 * table after another (the demo school, a bundle imported into an empty mirror) must insert parents
 * before children, and whoever deletes must go the other way. The list is built from contiguous groups,
 * so each group together with those before it is closed under foreign keys and can be written on
 * its own. A new table goes into exactly one group, where its parents are already listed;
 * tests/db/journal-tables.test.ts checks the order against the migrated schema.
 */

/** The school's reference data: its calendar, people, classes and what is taught to whom. */
export const referenceTables = [
  'school',
  'academic_year',
  'reporting_period',
  'holiday',
  'staff',
  'subject',
  'class',
  'student',
  'enrollment',
  'subgroup',
  'subgroup_member',
  'teaching_assignment',
] as const satisfies readonly (keyof DB)[];
export type ReferenceTable = (typeof referenceTables)[number];

/** What is entered lesson by lesson and period by period. */
const entryTables = ['lesson', 'mark', 'attendance', 'period_final'] as const satisfies readonly (keyof DB)[];

/** A school's journal as it stands: reference data and entries. */
export const schoolTables = [...referenceTables, ...entryTables] as const;

/** What the mirror remembers about itself: frozen class periods and its sync history. */
const mirrorStateTables = [
  'frozen_scope',
  'sync_run',
  'mirror_change',
] as const satisfies readonly (keyof DB)[];

/** Every journal table, parents before children. */
export const journalTables = [...schoolTables, ...mirrorStateTables] as const;
export type JournalTable = (typeof journalTables)[number];
