import type { ArchiveDefaults } from '../../shared/archive-defaults';

/**
 * The usual periods until the school's nomenclature of affairs says otherwise: class journal copies
 * 5 years and year-end summary sheets 25 years, as schools keep them; the regulations name no period
 * for the backup register and the hand-over log, so they are kept as long as the copies they account
 * for. The same values migration 0012 wrote into every mirror, kept here for a mirror that lacks them.
 */
export const usualArchiveDefaults: ArchiveDefaults = {
  class_copy: { retentionYears: 5, storagePlace: null },
  year_summary: { retentionYears: 25, storagePlace: null },
  backup_register: { retentionYears: 5, storagePlace: null },
  handover_log: { retentionYears: 5, storagePlace: null },
};
