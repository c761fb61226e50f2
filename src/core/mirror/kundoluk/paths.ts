import { MoorError } from '../../errors';
import type { KundolukRoleName } from '../../../shared/kundoluk-service';

export type KundolukRole = KundolukRoleName;

/** Kundoluk's API as public clients address it (react-kundoluk src/services/CommonServices.ts). */
export const DEFAULT_KUNDOLUK_URL = 'https://kundoluk.edu.gov.kg/api/';

/**
 * Where each answer is asked for, relative to the API base (https://kundoluk.edu.gov.kg/api/,
 * react-kundoluk src/services/CommonServices.ts). `{role}` and `{term}` are filled in. They are
 * settings because the service changes; the defaults are the addresses public clients use.
 */
export interface KundolukPaths {
  /** The schedule with topic and homework: react-kundoluk ScheduleServices.ts, kundoluk_api base_student.py. */
  list: string;
  /** A quarter's marks (`absent=0`) or absences (`absent=1`): MarkServices.ts, kundoluk-plus kundoluk_api.dart. */
  term: string;
  /** Quarter and year marks: only `student/qmarks/all` is seen (kundoluk-plus, kundoluk_api); null skips it. */
  quarterMarks: string | null;
  /** The teacher's sign-in after AIS: react-kundoluk LoginServices.ts `authTeacherUser`. */
  signIn: string;
}

export function defaultPaths(role: KundolukRole): KundolukPaths {
  return {
    list: '{role}/gradebook/list',
    term: '{role}/gradebook/term/{term}',
    quarterMarks: role === 'student' ? 'student/qmarks/all' : null,
    signIn: 'mugalimauth/storetokenmobile/',
  };
}

export function fillPath(template: string, role: KundolukRole, term?: number): string {
  const path = template.replaceAll('{role}', role).replaceAll('{term}', String(term ?? ''));
  if (/^[a-z]+:|^\/\/|\.\./i.test(path) || /[{}]/.test(path)) {
    throw new MoorError(
      'KUNDOLUK_PATH',
      `"${template}" is not a path under Kundoluk's address (expected e.g. {role}/gradebook/list).`,
      { path: template },
    );
  }
  return path.replace(/^\//, '');
}
