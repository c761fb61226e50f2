import type { HelpMessages } from './ky';

/** English texts of the in-app guide (F1). */
export const helpEn: HelpMessages = {
  help: {
    open: 'Help (F1)',
    title: 'Help: who does what',
    yourPart: 'Your part',
    otherRoles: 'What the others do',
    shortcuts: 'Keys',
    shortcutList:
      'F1 — this help. Ctrl+1 … Ctrl+9 — go to a screen (as listed on the left). Ctrl+L — lock the screen. Tab — to the next button or field.',
    roles: {
      deputy: {
        title: 'Deputy director',
        intro:
          'You update the local database, run the quarter close, make backup copies, print the paper copies and collect the signatures.',
        steps: [
          'Before the quarter ends: update the database from Kundoluk on the "Sync" screen. The dashboard says which day the database is current to.',
          'Day 1: start the close on the "Quarter close" screen. Go through the check list with each teacher and mark what is checked. What remains can be closed with a written reason.',
          "Day 2: make a backup copy on an external drive (the program encrypts it, verifies it and enters it in the register) and prepare the classes' paper copies as PDF and Excel.",
          'Day 3: the teachers sign every page. Mark who has signed; the list of those still to sign can be printed.',
          'Day 4: the class teachers certify the title page; mark it certified.',
          'Day 5: hand the certified copies to the secretary. After the hand-over the close can no longer be cancelled.',
        ],
      },
      secretary: {
        title: 'Secretary',
        intro:
          'You receive the certified copies, take them to the director for signature, number and stitch them, archive them and keep the registers.',
        steps: [
          'Day 5: receive the copies from the deputy and sign the hand-over log.',
          'Take the copies to the director: the director signs and the seal is stamped.',
          'Number and stitch the sheets; certify the number of sheets on the title page.',
          'On the "Registers" screen, enter the archive register line: folder, sheets, storage place and retention.',
          'The backup register is on the same screen: it says which drive holds each copy.',
        ],
      },
      director: {
        title: 'Director',
        intro:
          'You sign every paper copy and the year-end summary sheet and are responsible for the archive and the backups.',
        steps: [
          'Day 5: before signing, look on the "Quarter close" screen at the items closed with a reason, and at their reasons.',
          'Mark the signature; the seal is stamped after it.',
          'At the end of the school year, look through the summary sheets and mark your sign-off here too.',
          'The archive and the backups can be checked on the "Registers" screen at any time.',
        ],
      },
      admin: {
        title: 'Administrator (informatics teacher)',
        intro:
          'You install and update the program, create the users, keep the settings and, when needed, restore from a backup copy.',
        steps: [
          'On the "Users" screen, give each member of staff an account of their own and set the posts and the class teachers.',
          'On the "Settings" screen, set the school\'s name, the school year, the quarters and the backup passphrase.',
          'When a new school year begins, add it on the "Settings" screen.',
          'If something goes wrong, prepare a diagnostics file on the "Settings" screen and send it to support.',
          'A restore replaces all data: run it only after making a backup copy first.',
        ],
      },
    },
  },
};
