import type { CheckContext } from './check-context';
import type { Finding } from './finding';
import { lessonsWithEmpty } from './lesson-gaps';

/** A lesson without homework (entered on the day of the lesson, R 2.1–2.3). */
export function lessonsWithoutHomework(context: CheckContext): Finding[] {
  return lessonsWithEmpty(context, 'homework', 'lesson_without_homework');
}
