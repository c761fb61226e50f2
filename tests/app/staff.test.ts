import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../src/core/auth/users';
import { loadClassJournal } from '../../src/core/journal/class-journal';
import type { CommandName, InputOf } from '../../src/shared/contract';
import type { StaffDirectoryView } from '../../src/shared/staff-views';
import { kundolukDataFromMirror } from '../mirror/fake-kundoluk/from-mirror';
import { startFakeKundoluk, type FakeKundoluk } from '../mirror/fake-kundoluk/server';
import { openSmallSchool } from '../support/schools';
import { callAs, refusalAs, setUpApp, type AppFixture } from './fixture';

const TOKEN = 'eyJ-staff-test-token';
const QUARTER_1 = { from: '2025-09-01', to: '2025-10-31' };

let app: AppFixture<'deputy'>;
let fake: FakeKundoluk;

const as = <N extends CommandName>(role: 'admin' | 'deputy', name: N, input: InputOf<N>) =>
  callAs(app.service, app.users[role], app.clock(), name, input);

/** The deputy syncs the first quarter from Kundoluk, as a job, and waits for it. */
async function syncQuarter1(): Promise<void> {
  const job = await as('deputy', 'sync.kundoluk', QUARTER_1);
  const done = await app.service.context.jobs.settled(job.id, actorOf(app.users.deputy));
  expect(done.error).toBeNull();
  expect(done.state).toBe('done');
}

const auditCount = () =>
  (app.mirror.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

/**
 * A school set up empty whose journal comes only from Kundoluk (the fake service serving the
 * small demo school's first quarter): every person arrives as a teacher, no class has a class teacher.
 */
beforeAll(async () => {
  fake = await startFakeKundoluk(TOKEN);
  const source = openSmallSchool();
  Object.assign(fake, kundolukDataFromMirror(source));
  source.close();
  app = await setUpApp({ now: '2025-11-03T08:00:00Z', roles: ['deputy'] });
  const {
    backupPassphraseSet: _p,
    kundolukTokenSet: _t,
    journalRules: _r,
    regulationJournalRules: _g,
    ...settings
  } = await as('admin', 'settings.get', {});
  await as('admin', 'settings.update', {
    ...settings,
    kundoluk: { mode: 'api', url: fake.url, login: null },
    kundolukToken: TOKEN,
  });
  await syncQuarter1();
});
afterAll(async () => {
  await app.close();
  await fake.close();
});

describe('staff positions and class teachers of a school synced from Kundoluk', () => {
  let directory: StaffDirectoryView;

  it('lists every synced person as a teacher and every class of the year without a class teacher', async () => {
    directory = await as('admin', 'staff.list', { academicYearId: null });
    expect(directory.staff.length).toBeGreaterThan(4);
    expect(new Set(directory.staff.map((s) => s.position))).toEqual(new Set(['teacher']));
    const fromKundoluk = app.mirror.sqlite
      .prepare('SELECT count(*) AS n FROM staff WHERE kundoluk_pin IS NOT NULL')
      .get() as { n: number };
    expect(fromKundoluk.n).toBe(directory.staff.length);
    expect(directory.classes.length).toBeGreaterThan(0);
    expect(directory.classes.every((c) => c.classTeacherId === null)).toBe(true);
  });

  it('refuses a deputy, and unknown staff or classes naming the field, changing nothing', async () => {
    const before = auditCount();
    const [someone] = directory.staff;
    const [someClass] = directory.classes;
    if (!someone || !someClass) throw new Error('no staff or class');
    const deputy = await refusalAs(app.service, app.users.deputy, app.clock(), 'staff.setPosition', {
      staffId: someone.id,
      position: 'director',
    });
    expect(deputy.code).toBe('FORBIDDEN');
    expect(
      (await refusalAs(app.service, app.users.deputy, app.clock(), 'staff.list', { academicYearId: null }))
        .code,
    ).toBe('FORBIDDEN');
    const admin = (name: CommandName, input: unknown) =>
      refusalAs(app.service, app.users.admin, app.clock(), name, input);
    expect(await admin('staff.setPosition', { staffId: 999_999, position: 'secretary' })).toMatchObject({
      code: 'STAFF_NOT_FOUND',
      details: { field: 'staffId' },
    });
    expect(await admin('staff.setPosition', { staffId: someone.id, position: 'janitor' })).toMatchObject({
      code: 'BAD_INPUT',
      details: { field: 'position' },
    });
    expect(await admin('staff.setClassTeacher', { classId: 999_999, teacherId: someone.id })).toMatchObject({
      code: 'CLASS_NOT_FOUND',
      details: { field: 'classId' },
    });
    expect(
      await admin('staff.setClassTeacher', { classId: someClass.classId, teacherId: 999_999 }),
    ).toMatchObject({ code: 'STAFF_NOT_FOUND', details: { field: 'teacherId' } });
    expect(await admin('staff.list', { academicYearId: 999_999 })).toMatchObject({
      details: { field: 'academicYearId' },
    });
    expect(auditCount()).toBe(before);
    expect(await as('admin', 'staff.list', { academicYearId: null })).toEqual(directory);
  });

  it('sets the secretary, director, deputy and class teachers, audited, and a later sync keeps them', async () => {
    const [secretary, director, deputy, ...teachers] = directory.staff;
    if (!secretary || !director || !deputy) throw new Error('too few staff');
    const before = auditCount();
    expect(await as('admin', 'staff.setPosition', { staffId: secretary.id, position: 'secretary' })).toEqual({
      ...secretary,
      position: 'secretary',
    });
    await as('admin', 'staff.setPosition', { staffId: director.id, position: 'director' });
    await as('admin', 'staff.setPosition', { staffId: deputy.id, position: 'deputy' });
    for (const [index, klass] of directory.classes.entries()) {
      const teacher = teachers[index % teachers.length];
      if (!teacher) throw new Error('no teacher');
      expect(
        await as('admin', 'staff.setClassTeacher', { classId: klass.classId, teacherId: teacher.id }),
      ).toEqual({ ...klass, classTeacherId: teacher.id });
    }
    // Setting one and clearing it again: the class teacher can also be taken away.
    const [first] = directory.classes;
    if (!first) throw new Error('no class');
    const chosen = (await as('admin', 'staff.list', { academicYearId: null })).classes[0]?.classTeacherId;
    await as('admin', 'staff.setClassTeacher', { classId: first.classId, teacherId: null });
    await as('admin', 'staff.setClassTeacher', { classId: first.classId, teacherId: chosen ?? null });

    const entries = app.mirror.sqlite
      .prepare('SELECT action, entity, after_json FROM audit_log WHERE id > ? ORDER BY id')
      .all(before) as { action: string; entity: string; after_json: string }[];
    expect(entries.filter((e) => e.action === 'staff.position')).toHaveLength(3);
    expect(entries.filter((e) => e.action === 'class.classTeacher')).toHaveLength(
      directory.classes.length + 2,
    );
    expect(entries[0]).toMatchObject({
      entity: 'staff',
      after_json: JSON.stringify({ position: 'secretary' }),
    });

    const set = await as('admin', 'staff.list', { academicYearId: directory.academicYearId });
    await syncQuarter1();
    expect(await as('admin', 'staff.list', { academicYearId: null })).toEqual(set);
    expect(set.classes.every((c) => c.classTeacherId !== null)).toBe(true);
  });

  it('lets the quarter close certify every title page on day 4 and hand the copies to the secretary on day 5', async () => {
    const { periods } = await as('deputy', 'close.overview', {});
    const quarter = periods.find((p) => p.kind === 'quarter' && p.number === 1);
    if (!quarter) throw new Error('no first quarter');
    let board = await as('deputy', 'close.start', { periodId: quarter.id });
    const override = async (day: number) => {
      board = await as('deputy', 'close.override', {
        closeId: board.closeId,
        day,
        reason: 'Бул күндүн иштери кагаз жүзүндө аткарылды.',
      });
    };
    await override(1);
    // The copies the secretary receives on day 5; the director's and deputy's lines are filled now.
    const print = await as('deputy', 'close.print', { closeId: board.closeId, classIds: null });
    const printed = await app.service.context.jobs.settled(print.id, actorOf(app.users.deputy));
    expect(printed.error).toBeNull();
    await override(2);
    await override(3);
    const directory = await as('admin', 'staff.list', { academicYearId: null });
    const classTeacherOf = new Map(directory.classes.map((c) => [c.classId, c.classTeacherId]));
    const classIds = board.items.flatMap((i) => (i.kind === 'title_certification' ? [i.classId ?? 0] : []));
    expect(classIds.length).toBe(board.classes.length);
    for (const classId of classIds) {
      board = await as('deputy', 'close.certify', { closeId: board.closeId, classId });
    }
    const titles = board.items.filter((i) => i.kind === 'title_certification');
    for (const title of titles) {
      expect(title.status).toBe('done');
      expect(title.teacherId).toBe(classTeacherOf.get(title.classId ?? 0));
    }
    expect(board.days.find((d) => d.day === 4)?.completed).toBe(true);

    const secretary = directory.staff.find((s) => s.position === 'secretary');
    expect(board.secretaries.map((s) => s.id)).toEqual([secretary?.id]);
    board = await as('deputy', 'close.handover', { closeId: board.closeId, secretaryId: secretary?.id ?? 0 });
    const handover = board.items.find((i) => i.kind === 'handover');
    expect(handover?.status).toBe('done');
    const received = app.mirror.sqlite
      .prepare('SELECT signer_id AS signer FROM close_item WHERE id = ?')
      .get(handover?.id) as { signer: number };
    expect(received.signer).toBe(secretary?.id);
  });

  it('names the director, the deputy and the class teacher on the printed copy', async () => {
    const directory = await as('admin', 'staff.list', { academicYearId: null });
    const [klass] = directory.classes;
    const period = app.mirror.sqlite
      .prepare("SELECT id FROM reporting_period WHERE kind = 'quarter' AND number = 1")
      .get() as { id: number };
    if (!klass) throw new Error('no class');
    const journal = loadClassJournal(app.mirror, klass.classId, period.id);
    const named = (position: string) => directory.staff.find((s) => s.position === position)?.id;
    expect(journal.director?.id).toBe(named('director'));
    expect(journal.deputy?.id).toBe(named('deputy'));
    expect(journal.classTeacher?.id).toBe(klass.classTeacherId);
  });
});

describe('the school year whose class teachers the staff card shows first', () => {
  it('stays the year that has classes when the next school year is added before its first sync', async () => {
    const before = await as('admin', 'staff.list', { academicYearId: null });
    const years = await as('admin', 'settings.addSchoolYear', {
      year: { label: '2026-2027', startsOn: '2026-09-01', endsOn: '2027-05-31' },
      quarters: [
        { startsOn: '2026-09-01', endsOn: '2026-10-31' },
        { startsOn: '2026-11-09', endsOn: '2026-12-26' },
        { startsOn: '2027-01-11', endsOn: '2027-03-19' },
        { startsOn: '2027-03-29', endsOn: '2027-05-25' },
      ],
    });
    const next = years.find((y) => y.label === '2026-2027');
    expect((await as('admin', 'staff.list', { academicYearId: null })).academicYearId).toBe(
      before.academicYearId,
    );
    expect(await as('admin', 'staff.list', { academicYearId: next?.id ?? 0 })).toMatchObject({
      academicYearId: next?.id,
      classes: [],
    });
  });
});
