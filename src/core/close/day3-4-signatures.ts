import type { Actor } from '../auth/actor';
import { assertAllowed } from '../auth/permissions';
import type { Clock } from '../clock';
import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';
import { assertDayReachable } from './close-day-store';
import { closeItems } from './close-item-store';
import { getOpenClose } from './close-store';
import { assertPending, markItemDone } from './item-actions';
import { loadNameBook } from './names';
import { requireCloseClass, requireStaff } from './people';
import { signedOnDate, todayOf } from './signed-on';

function printOf(mirror: Mirror, closeId: number, classId: number) {
  const print = closeItems(mirror, closeId, { kind: 'class_print' }).find((i) => i.class_id === classId);
  return { documentId: print?.document_id ?? null, printedAt: print?.done_at ?? null };
}

export interface SignInput {
  closeId: number;
  classId: number;
  teacherId: number;
  /** Only this subject; every subject the teacher teaches in the class when left out. */
  subjectId?: number;
  /** The date the teacher wrote beside the signature; today when left out. */
  signedOn?: string;
}

/** Day 3: a subject teacher signed every page of their subject in the class's copy, with the date. */
export function recordSubjectSignature(mirror: Mirror, input: SignInput, actor: Actor, clock: Clock): number {
  assertAllowed(actor, 'close.sign');
  const at = clock();
  return mirror.transaction(() => {
    getOpenClose(mirror, input.closeId);
    const schoolClass = requireCloseClass(mirror, input.closeId, input.classId);
    const teacher = requireStaff(mirror, input.teacherId);
    assertDayReachable(mirror, input.closeId, 3);
    const names = loadNameBook(mirror);
    const subjects = mirror
      .all(
        mirror.db
          .selectFrom('teaching_assignment')
          .select('subject_id')
          .distinct()
          .where('class_id', '=', schoolClass.id)
          .where('teacher_id', '=', teacher.id),
      )
      .map((r) => r.subject_id)
      .filter((s) => input.subjectId === undefined || s === input.subjectId);
    const who = names.staff(teacher.id);
    const where = `${names.klass(schoolClass.id)}${input.subjectId === undefined ? '' : ` ${names.subject(input.subjectId)}`}`;
    if (subjects.length === 0) {
      throw new MoorError(
        'CLOSE_NOT_THEIR_SUBJECT',
        `${who} does not teach ${where}; only its teacher signs its pages.`,
        {
          teacherId: teacher.id,
          classId: schoolClass.id,
        },
      );
    }
    // A close started before each teacher had a line of their own has one line per subject (no teacher).
    const items = closeItems(mirror, input.closeId, { kind: 'subject_signature' }).filter(
      (i) =>
        i.class_id === schoolClass.id &&
        subjects.includes(i.subject_id ?? -1) &&
        (i.teacher_id === null || i.teacher_id === teacher.id),
    );
    const pending = assertPending(items, `${who}'s signature in ${where}`);
    const print = printOf(mirror, input.closeId, schoolClass.id);
    const signedOn = signedOnDate(input.signedOn ?? todayOf(at), at, print.printedAt);
    for (const item of pending) {
      markItemDone(
        mirror,
        item,
        { signer_id: teacher.id, signed_on: signedOn, document_id: print.documentId },
        'close.sign',
        actor,
        at,
      );
    }
    return pending.length;
  });
}

export interface CertifyInput {
  closeId: number;
  classId: number;
  /** Who certified; must be the class teacher the mirror knows (required when it knows none). */
  teacherId?: number;
  signedOn?: string;
}

/** Day 4: the class teacher certified the title page of the class's copy (signature, date). */
export function recordTitleCertification(
  mirror: Mirror,
  input: CertifyInput,
  actor: Actor,
  clock: Clock,
): void {
  assertAllowed(actor, 'close.certify');
  const at = clock();
  mirror.transaction(() => {
    getOpenClose(mirror, input.closeId);
    const schoolClass = requireCloseClass(mirror, input.closeId, input.classId);
    if (input.teacherId !== undefined) requireStaff(mirror, input.teacherId);
    assertDayReachable(mirror, input.closeId, 4);
    const names = loadNameBook(mirror);
    const classTeacher = schoolClass.class_teacher_id;
    const teacherId = input.teacherId ?? classTeacher;
    if (teacherId === null) {
      throw new MoorError(
        'CLOSE_NO_CLASS_TEACHER',
        `The mirror knows no class teacher of ${names.klass(schoolClass.id)}; name who certified the title page.`,
      );
    }
    if (classTeacher !== null && teacherId !== classTeacher) {
      throw new MoorError(
        'CLOSE_NOT_CLASS_TEACHER',
        `${names.staff(teacherId)} is not the class teacher of ${names.klass(schoolClass.id)} ` +
          `(${names.staff(classTeacher)} is); only the class teacher certifies its title page.`,
        { teacherId, classTeacherId: classTeacher },
      );
    }
    const items = closeItems(mirror, input.closeId, { kind: 'title_certification' }).filter(
      (i) => i.class_id === schoolClass.id,
    );
    const [item] = assertPending(items, `The title page certification of ${names.klass(schoolClass.id)}`);
    if (!item) return;
    const print = printOf(mirror, input.closeId, schoolClass.id);
    const signedOn = signedOnDate(input.signedOn ?? todayOf(at), at, print.printedAt);
    markItemDone(
      mirror,
      item,
      { signer_id: teacherId, signed_on: signedOn, document_id: print.documentId },
      'close.certify',
      actor,
      at,
    );
  });
}
