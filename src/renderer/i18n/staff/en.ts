import type { staffKy } from './ky';

/** English texts of the staff card. */
export const staffEn: typeof staffKy = {
  staff: {
    title: 'Staff',
    hint: 'Kundoluk sends everyone as a teacher. Mark the secretary, the director and the deputies here, and the class teacher of each class: the quarter close and the paper copies cannot be finished without them. A later sync does not change them.',
    name: 'Full name',
    position: 'Position',
    positions: {
      teacher: 'Teacher',
      deputy: 'Deputy director',
      director: 'Director',
      secretary: 'Secretary',
      admin: 'Administrator',
    },
    none: 'The mirror has no staff yet: sync the data first.',
    classTeachers: 'Class teachers',
    year: 'School year',
    classTeacher: 'Class teacher',
    classLanguage: 'Language of instruction',
    notSet: 'Not set',
    noClasses: 'This school year has no classes yet.',
  },
};
