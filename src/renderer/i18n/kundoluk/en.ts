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
    accountOf: 'account {{number}} of {{count}}',
    cutAccount: 'Account: {{account}}',
    resume: 'Continue from week {{next}}',
  },
  kundolukAccounts: {
    title: 'Kundoluk accounts',
    hint: "A teacher's account sees only that teacher's lessons, a class teacher's their class. To cover the whole school, add the class teachers' or the teachers' accounts: the sync goes through them one after another.",
    own: "the connection's own account (in Settings)",
    none: 'No account is added yet.',
    addedBy: 'added by {{who}}, {{at}}',
    name: "Whose account (e.g. Asanova G., 5A's class teacher)",
    token: 'Kundoluk token',
    consent:
      "The account's owner agreed that the school copies the electronic journal through their account into Мөөр and prints it for the paper archive. The token is kept protected on this computer and sent nowhere else.",
    add: 'Add the account',
    remove: 'Remove',
  },
  coverage: {
    title: 'Coverage: classes × subjects',
    summary:
      '{{total}} class subjects: {{behind}} behind, {{none}} covered by no source. Synced furthest through {{through}}.',
    onlyBehind: 'Show only those behind',
    className: 'Class',
    subject: 'Subject',
    through: 'Synced through',
    by: 'Brought by',
    uncovered: 'No account covers it — fill it from a class journal workbook',
    empty: 'No class subjects yet.',
    sources: {
      kundoluk: 'Kundoluk',
      workbook: 'class journal workbook',
      bundle: 'Мөөр bundle',
      earlier: 'earlier syncs',
    },
  },
  kundolukAis: {
    title: 'Sign in through AIS',
    hint: 'Open the AIS page and sign in there with your AIS login and password (Мөөр never sees or keeps them). Then copy the whole address the browser returned to and paste it here.',
    open: 'Open the AIS page',
    returnedTo: 'The address AIS returned to',
    signIn: 'Sign in',
    done: 'Signed in to Kundoluk: the token is kept protected on this computer.',
  },
};
