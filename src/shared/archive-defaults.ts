import { z } from 'zod';

/**
 * The kinds of document the school's nomenclature of affairs gives a retention period and a place:
 * the class copies and summary sheets entered in the archive register, and the two registers the
 * secretary keeps and files herself.
 */
export const archiveKinds = ['class_copy', 'year_summary', 'backup_register', 'handover_log'] as const;
export type ArchiveKind = (typeof archiveKinds)[number];

export const archiveDefaultSchema = z.object({
  /** Years kept, counted as archives count them: from 1 January after the year the document came in. */
  retentionYears: z.number().int().min(1).max(100),
  /** Where the folder is kept; null: the school's archive, named in the school's document language. */
  storagePlace: z.string().trim().min(1).max(200).nullable(),
});

export const archiveDefaultsSchema = z.object({
  class_copy: archiveDefaultSchema,
  year_summary: archiveDefaultSchema,
  backup_register: archiveDefaultSchema,
  handover_log: archiveDefaultSchema,
});

export type ArchiveDefault = z.output<typeof archiveDefaultSchema>;
export type ArchiveDefaults = z.output<typeof archiveDefaultsSchema>;
