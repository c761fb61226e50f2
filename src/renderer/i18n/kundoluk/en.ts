import type { kundolukKy } from './ky';

/** English texts of the Kundoluk card and the sync's progress: the same keys as ky.ts. */
export const kundolukEn: typeof kundolukKy = {
  kundolukService: {
    title: 'Connection to Kundoluk',
    hint: 'When Kundoluk changes, the school’s IT person corrects the address, the role and the paths here.',
    url: 'Kundoluk address',
    role: 'Account role',
    roles: { teacher: 'Teacher', student: 'Student', parent: 'Parent' },
    list: 'List of lessons (by week)',
    term: 'Quarter marks and attendance',
    quarterMarks: 'Quarter finals (student account only)',
    signIn: 'Sign-in through AIS',
    noPath: 'Not asked for',
    restore: 'Restore the defaults',
    restored: 'The defaults are filled in. Press “Save” to keep them.',
    saved: 'The connection to Kundoluk is saved.',
  },
  kundolukSync: {
    week: '{{account}}: week {{week}} of {{weeks}} written ({{from}} – {{to}})',
    cut: 'The sync of {{from}} – {{to}} stopped after week {{weeksDone}} of {{weeks}} (written through {{doneThrough}}).',
    resume: 'Continue from week {{next}}',
  },
};
