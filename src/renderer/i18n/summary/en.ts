import type { summaryKy } from './ky';

/** English texts of the year-end summary sheet card. */
export const summaryEn: typeof summaryKy = {
  summary: {
    title: 'Year-end summary sheet',
    hint: "Each class's summary sheet of the school year: all students × all subjects, the period and year marks. The director signs it once printed.",
    year: 'School year',
    scope: 'Which classes',
    allClasses: 'All classes',
    folder: 'Folder (full path)',
    folderHint: 'The sheets are written into this folder; it must exist already',
    print: 'Print the sheets',
    printed: "PDF ready: {{count}} classes' sheets",
    none: 'No summary sheet has been printed for this school year yet.',
    directorSignature: "Director's signature",
    draftWhenIncomplete: 'Print the sheets of classes with finals missing as drafts',
    draft: 'Draft: not to be signed',
    notSigned: 'Not signed',
    signed: 'Signed on {{date}}: {{name}}',
    signedOn: 'Signed on',
    signOff: 'Signed',
    signOffAll: 'All signed ({{count}})',
    file: 'Received into the archive',
    filed: 'In the archive',
    previewTitle: 'Class {{className}}: year-end summary sheet',
  },
};
