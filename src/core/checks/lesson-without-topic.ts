import type { CheckContext } from './check-context';
import type { Finding } from './finding';
import { lessonsWithEmpty } from './lesson-gaps';

/** A lesson without its topic (entered on the day of the lesson, R 2.1–2.3). */
export function lessonsWithoutTopic(context: CheckContext): Finding[] {
  return lessonsWithEmpty(context, 'topic', 'lesson_without_topic');
}
