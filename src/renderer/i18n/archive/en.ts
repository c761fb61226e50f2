import type { archiveKy } from './ky';

/** English texts of the archive's retention settings and the folder stitching. */
export const archiveEn: typeof archiveKy = {
  archiveDefaults: {
    title: 'Retention periods and storage places',
    hint: "As the school's nomenclature of affairs sets them: every line entered in the archive register from now on takes this period and place. Earlier lines keep theirs. A period counts from 1 January after the year the document came in.",
    kind: 'Document',
    years: 'Years kept',
    place: 'Storage place',
    placeHint: "When empty: the school's archive",
    kinds: {
      class_copy: 'Paper copies of class journals',
      year_summary: 'Year-end summary sheets',
      backup_register: 'Register of backup copies',
      handover_log: 'Hand-over log',
    },
    usual: 'Restore the usual periods',
    saved: 'Retention periods saved.',
  },
  stitchFolder: {
    open: 'Mark a folder stitched',
    title: 'Folder stitched and placed',
    hint: "Every line of the folder is marked stitched at once, with where it is placed. If the folder holds a copy without the director's signature or the seal, nothing is marked.",
    folder: 'Folder',
    folderLine: 'School year {{year}}, No. {{number}}: {{lines}} lines, {{stitched}} stitched',
    place: 'Where it is placed (cupboard, shelf, archive room)',
    submit: 'Stitched and placed',
    done: '{{lines}} lines of folder No. {{number}} marked stitched.',
    none: 'The register has no numbered folder yet.',
  },
};
