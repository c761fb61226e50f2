import type { ClassJournal, JournalLesson } from '../../src/core/journal/class-journal';

/** A class at the limits: 45 students with 60-character names, 70 lessons, long topics and homework. */
export function overflowJournal(): ClassJournal {
  const students = Array.from({ length: 45 }, (_, i) => {
    const base = `${i === 0 ? '=' : ''}Өмүрзаков-Ңурманбетов${i} Үсөнбек Жаңыбаевич Кененсарыулуу`;
    return {
      id: i + 1,
      fullName: base.padEnd(60, 'ң').slice(0, 60),
      joinedOn: '2025-09-01',
      leftOn: i === 7 ? '2025-10-10' : null,
    };
  });
  const lessons: JournalLesson[] = Array.from({ length: 70 }, (_, i) => {
    const day = new Date(Date.UTC(2025, 8, 1 + Math.floor(i * 0.85)));
    return {
      id: i + 1,
      date: day.toISOString().slice(0, 10),
      lessonNumber: (i % 2) + 1,
      topic: `Тема ${i + 1}: ${'Кыргыз тилиндеги үндүүлөрдүн үндөшүү мыйзамы жана анын түрлөрү, мисалдар менен '.repeat(3)}`,
      homework: `§${i + 1}, ${'көнүгүү 1–12, дептерге жазуу жана жаттоо; '.repeat(2)}`,
      teacher: 'Өмүрбекова Ү. Ж.',
      isSubstitution: i % 9 === 0,
    };
  });
  const entries = students.flatMap((student) =>
    lessons
      .filter((lesson) => (lesson.id + student.id) % 3 === 0)
      .map((lesson) => ({
        lessonId: lesson.id,
        studentId: student.id,
        marks: (lesson.id + student.id) % 4 === 0 ? [] : [String(2 + ((lesson.id * student.id) % 4))],
        absence: (lesson.id + student.id) % 4 === 0 ? ('Н' as const) : null,
      })),
  );
  const teacher = { id: 1, fullName: 'Өмүрбекова Үмүт Жаңыбаевна', shortName: 'Өмүрбекова Ү. Ж.' };
  return {
    school: { nameKy: '№ 95 Гимназия-мектеби', nameRu: 'Гимназия-школа № 95', documentLanguage: 'ky' },
    academicYear: { id: 1, label: '2025-2026', startsOn: '2025-09-01' },
    period: { id: 1, kind: 'quarter', number: 1, startsOn: '2025-09-01', endsOn: '2025-10-31' },
    class: { id: 1, grade: 11, letter: 'Ө', language: 'ky' },
    classTeacher: teacher,
    deputy: teacher,
    director: teacher,
    students,
    subjects: [
      {
        subjectId: 1,
        nameKy: 'Кыргыз тили жана адабияты (тереңдетилген программа боюнча)',
        nameRu: 'Кыргызский язык и литература (углублённая программа)',
        shortKy: 'Кырг. тили',
        shortRu: 'Кырг. яз.',
        subgroup: null,
        teachers: [teacher],
        studentIds: students.map((s) => s.id),
        lessons,
        entries,
        averages: students.map((s) => ({ studentId: s.id, average: 3.57 })),
        finals: students.map((s) => ({ studentId: s.id, value: s.id % 5 === 0 ? 'осв.' : '4' })),
      },
    ],
    absences: students.map((s) => ({
      studentId: s.id,
      byMonth: [
        { month: '2025-09', missed: 1 },
        { month: '2025-10', missed: 2 },
      ],
      total: 3,
      ill: 1,
      excused: 1,
      unexcused: 1,
      late: 0,
    })),
  };
}
