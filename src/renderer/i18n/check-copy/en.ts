import type { checkCopyKy } from './ky';

/** English texts of the paper-page check. */
export const checkCopyEn: typeof checkCopyKy = {
  checkCopy: {
    title: 'Check a paper page against the archive',
    label: 'Code on the page',
    hint: "Type the code under the page's footer line (the page number may follow) or scan its QR code",
    check: 'Check',
    page: 'Page {{page}} of {{pages}}',
    pages: '{{pages}} pages',
    kinds: {
      class_copy: 'Paper copy of the e-journal',
      year_summary: 'Year-end summary sheet',
      register: 'Register',
    },
    klass: 'class {{name}}',
    edition: { ky: 'Kyrgyz edition', ru: 'Russian edition' },
    status: {
      current: 'The copy in force',
      superseded: 'Superseded by {{by}}',
      supersededChain: 'Superseded by {{by}}; the copy in force now is {{current}}',
      voided: 'Void: the close it was printed for was cancelled',
    },
    printed: 'Printed {{at}}; journal data as of {{asOf}}',
    printedNoSync: 'Printed {{at}}',
    changes: 'Journal entries changed since printing: {{count}}',
    noChanges: 'No journal changes since printing',
    archive: 'Archive register: No. {{number}}/{{year}}',
    folder: 'folder {{folder}}',
    noFolder: 'no folder yet',
    stitched: 'stitched',
    notStitched: 'not stitched yet',
    place: 'kept in {{place}}',
    until: 'kept until {{until}}',
    notFiled: 'Not in the archive register yet',
  },
};
