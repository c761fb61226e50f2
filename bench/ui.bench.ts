/**
 * The UI in Debian's Chromium, in browser mode against the real core (src/dev-server), beside
 * baselines measured in the same browser in the same run:
 *
 *  - sign-in form usable after navigation (the first usable screen) vs a static HTML page with the same form
 *  - dashboard after pressing "Кирүү"         vs the same two calls (sign-in, dashboard) on the core
 *  - class journal grid, 30 students × 60 lessons, from choosing the subject to the grid painted
 *  - a class switch: the subject kept, the other class's 40 × 60 grid painted
 *  - a full year's grid: 40 students × 140 lessons, from choosing "the whole year" to painted
 *  - 40 × 60, from choosing the subject (another grid on screen) to painted
 *                                             vs a plain HTML table of all the same 2,400 cells
 *
 * Times are taken inside the page (performance.now(); "painted" = the second animation frame after
 * the grid asked for is in the page), BENCH_ROUNDS runs each (default 5), min and median.
 *
 *   npx tsx bench/ui.bench.ts        (needs /usr/bin/chromium; builds the renderer first)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createUser } from '../src/core/auth/users';
import { openMirror, type Mirror } from '../src/core/db/mirror';
import { createDemoSchool } from '../src/core/demo/create-demo-school';
import { buildRenderer, completeSetup, shot, startHarness } from '../tests/e2e/harness';
import { tempDir } from '../tests/support/temp-dir';
import { median, minAndMedian, printRow } from './measure';

const RUNS = Number(process.env.BENCH_ROUNDS ?? 5);
const LESSONS = 60;
const YEAR_LESSONS = 140;
const LOGIN = 'gulnara';
const PASSWORD = 'gulnara-pass-1';

interface GridClass {
  classLabel: string;
  classId: number;
  subjectId: number;
  subjectName: string;
  teacherId: number;
  students: number;
}

/** A class of the small demo school grown to `students`, and one of its subjects taught to the whole class. */
function prepareClass(
  mirror: Mirror,
  grade: number,
  letter: string,
  subject: string,
  students: number,
): GridClass {
  const db = mirror.sqlite;
  const klass = db
    .prepare<[number, string], { id: number }>('SELECT id FROM class WHERE grade = ? AND letter = ?')
    .get(grade, letter);
  if (!klass) throw new Error(`the small demo school has no ${grade}-${letter}`);
  const assignment = db
    .prepare<[number, string], { subjectId: number; teacherId: number }>(
      `SELECT t.subject_id AS subjectId, t.teacher_id AS teacherId
       FROM teaching_assignment t JOIN subject s ON s.id = t.subject_id
       WHERE t.class_id = ? AND t.subgroup_id IS NULL AND s.name_ky = ?`,
    )
    .get(klass.id, subject);
  if (!assignment) throw new Error(`${grade}-${letter} has no ${subject} taught to the whole class`);
  mirror.sqlite.transaction(() => {
    const enrolled = () =>
      db
        .prepare<[number], { n: number }>('SELECT count(*) AS n FROM enrollment WHERE class_id = ?')
        .get(klass.id)?.n ?? 0;
    for (let i = enrolled(); i < students; i++) {
      const student = db
        .prepare("INSERT INTO student (last_name, first_name) VALUES (?, 'Айбек')")
        .run(`Өмүрзаков ${grade}${letter} ${i + 1}`);
      db.prepare("INSERT INTO enrollment (class_id, student_id, joined_on) VALUES (?, ?, '2025-09-01')").run(
        klass.id,
        student.lastInsertRowid,
      );
    }
  })();
  return {
    classLabel: `${grade}${letter}`,
    classId: klass.id,
    subjectId: assignment.subjectId,
    subjectName: subject,
    teacherId: assignment.teacherId,
    students,
  };
}

/**
 * Replaces the subject's journal by `count` lessons from `startsOn`, `perDay` a school day, with a
 * mark in about a third of the cells and a few absences.
 */
function fillJournal(mirror: Mirror, grid: GridClass, startsOn: string, count: number, perDay: number): void {
  const db = mirror.sqlite;
  db.transaction(() => {
    const old = 'SELECT id FROM lesson WHERE class_id = ? AND subject_id = ?';
    db.prepare(`DELETE FROM mark WHERE lesson_id IN (${old})`).run(grid.classId, grid.subjectId);
    db.prepare(`DELETE FROM attendance WHERE lesson_id IN (${old})`).run(grid.classId, grid.subjectId);
    db.prepare('DELETE FROM lesson WHERE class_id = ? AND subject_id = ?').run(grid.classId, grid.subjectId);
    const students = db
      .prepare<[number], { id: number }>('SELECT student_id AS id FROM enrollment WHERE class_id = ?')
      .all(grid.classId)
      .map((r) => r.id);
    const insertLesson = db.prepare(
      `INSERT INTO lesson (class_id, subject_id, teacher_id, date, lesson_number, topic, homework, entered_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertMark = db.prepare(
      `INSERT INTO mark (lesson_id, student_id, value, numeric_value, mark_type, entered_at, changed_at)
       VALUES (?, ?, ?, ?, 'general', ?, ?)`,
    );
    const insertAbsence = db.prepare(
      "INSERT INTO attendance (lesson_id, student_id, kind, reason, entered_at) VALUES (?, ?, 'absent', 'Б', ?)",
    );
    const day = new Date(`${startsOn}T00:00:00Z`);
    for (let n = 0; n < count; n++) {
      while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
      const date = day.toISOString().slice(0, 10);
      const at = `${date}T08:00:00.000Z`;
      const lessonId = Number(
        insertLesson.run(
          grid.classId,
          grid.subjectId,
          grid.teacherId,
          date,
          1 + (n % perDay),
          `Тема ${n + 1}`,
          '§ 1',
          at,
        ).lastInsertRowid,
      );
      students.forEach((studentId, s) => {
        if ((s * 7 + n * 5) % 3 === 0) {
          const value = 2 + ((s + n) % 4);
          insertMark.run(lessonId, studentId, String(value), value, at, at);
        } else if ((s * 5 + n) % 23 === 0) {
          insertAbsence.run(lessonId, studentId, at);
        }
      });
      if (n % perDay === perDay - 1) day.setUTCDate(day.getUTCDate() + 1);
    }
  })();
}

/** The instant (ms since the page's navigation started) at which the selector first matched. */
async function whenPresent(page: Page, selector: string): Promise<number> {
  const handle = await page.waitForFunction(
    (css) => (document.querySelector(css) ? performance.now() : 0),
    selector,
    { polling: 'raf', timeout: 60_000 },
  );
  return handle.jsonValue();
}

type PaintWindow = Window & { moorPainted?: number };

/**
 * Notes in the page when the selector first matches (cells of the grid asked for: its label and
 * size are in the selector), and the second frame after that: the grid painted.
 */
async function watchPaint(page: Page, selector: string): Promise<void> {
  await page.evaluate((css) => {
    const view = window as PaintWindow;
    view.moorPainted = 0;
    new MutationObserver((_, observer) => {
      if (!document.querySelector(css)) return;
      observer.disconnect();
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          view.moorPainted = performance.now();
        }),
      );
    }).observe(document.body, { childList: true, subtree: true, attributes: true });
  }, selector);
}

async function whenPainted(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => (window as PaintWindow).moorPainted ?? 0, undefined, {
    polling: 'raf',
    timeout: 60_000,
  });
  return handle.jsonValue();
}

async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Opens a picker and chooses an option; returns the instant of the choice (the option's click). */
async function chooseTimed(page: Page, label: string, option: string): Promise<number> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  const element = page.getByRole('option', { name: option, exact: true });
  await element.waitFor();
  return element.evaluate((node) => {
    let at = 0;
    node.addEventListener('click', () => (at = performance.now()), { capture: true, once: true });
    (node as HTMLElement).click();
    return at;
  });
}

/** The selector of a painted grid: its class and subject, its students and lessons. */
function gridSelector(grid: GridClass, lessons: number): string {
  return `[data-testid=journal-grid][aria-label="${grid.classLabel} · ${grid.subjectName}"][aria-rowcount="${grid.students + 1}"][aria-colcount="${lessons + 2}"] .grid-cell`;
}

/** Chooses an option and measures until the grid `selector` names is painted. */
async function paintAfterChoice(
  page: Page,
  selector: string,
  label: string,
  option: string,
): Promise<number> {
  await watchPaint(page, selector);
  const chosen = await chooseTimed(page, label, option);
  return (await whenPainted(page)) - chosen;
}

const staticForm = `<!doctype html><html lang="ky"><head><meta charset="utf-8"><title>Мөөр</title></head>
<body><form><label>Колдонуучу аты <input name="login"></label>
<label>Сырсөз <input name="password" type="password"></label><button>Кирүү</button></form></body></html>`;

function staticTable(texts: string[][]): string {
  const rows = texts.map((row, i) => `<tr><th>${i + 1}</th>${row.map((t) => `<td>${t}</td>`).join('')}</tr>`);
  return `<table style="border-collapse:collapse;font:13px sans-serif">${rows.join('')}</table>`;
}

async function main(): Promise<void> {
  const work = tempDir('moor-ui-bench-');
  const dbPath = path.join(work, 'mirror.sqlite');
  const mirror = openMirror(dbPath, { create: true });
  createDemoSchool(mirror, { size: 'small' });
  const forty = prepareClass(mirror, 8, 'А', 'Адеп', 40);
  const thirty = prepareClass(mirror, 5, 'Б', 'Адеп', 30);
  const year = prepareClass(mirror, 8, 'А', 'Алгебра', 40);
  mirror.close();
  const rendererDir = buildRenderer();
  fs.writeFileSync(path.join(rendererDir, 'baseline-form.html'), staticForm);
  const harness = await startHarness(rendererDir, dbPath);
  try {
    const { service } = harness.server;
    const admin = await completeSetup(harness);
    await createUser(
      service.context.mirror,
      admin,
      { login: LOGIN, fullName: 'Сыдыкова Гүлнара', role: 'deputy', password: PASSWORD },
      new Date(),
    );

    // The grids the screen will show, and the 40 × 60 one's cell texts for the baseline table.
    const signedIn = await service.call('bench-core', 'auth.signIn', { login: LOGIN, password: PASSWORD });
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    const summary = await service.call('bench-core', 'dashboard.summary', {});
    if (!summary.ok) throw new Error(summary.error.message);
    const period = summary.value.periods.find((p) => p.id === summary.value.currentPeriodId);
    const periodStart = period?.startsOn ?? '2025-09-01';
    fillJournal(service.context.mirror, forty, periodStart, LESSONS, 2);
    fillJournal(service.context.mirror, thirty, periodStart, LESSONS, 2);
    const yearStart = summary.value.periods.map((p) => p.startsOn).sort()[0] ?? '2025-09-01';
    fillJournal(service.context.mirror, year, yearStart, YEAR_LESSONS, 1);
    const gridOf = async (grid: GridClass, periodId: number | null) => {
      const shown = await service.call('bench-core', 'journal.grid', {
        classId: grid.classId,
        subjectId: grid.subjectId,
        periodId,
      });
      if (!shown.ok) throw new Error(shown.error.message);
      return shown.value;
    };
    const shown = await gridOf(forty, summary.value.currentPeriodId);
    for (const [grid, periodId, lessons] of [
      [forty, summary.value.currentPeriodId, LESSONS],
      [thirty, summary.value.currentPeriodId, LESSONS],
      [year, null, YEAR_LESSONS],
    ] as const) {
      const { students, lessons: got } = await gridOf(grid, periodId);
      if (students.length !== grid.students || got.length !== lessons)
        throw new Error(`${grid.classLabel} ${grid.subjectName}: ${students.length} × ${got.length}`);
    }
    const cellText = new Map(shown.cells.map((c) => [`${c.studentId}:${c.lessonId}`, c.text]));
    const tableHtml = staticTable(
      shown.students.map((s) => shown.lessons.map((l) => cellText.get(`${s.id}:${l.id}`) ?? '')),
    );
    const periodLabel = 'Бүт жыл';

    const samples: Record<string, number[]> = {
      signInForm: [],
      staticForm: [],
      dashboard: [],
      coreSignInDashboard: [],
      grid30: [],
      classSwitch: [],
      yearGrid: [],
      grid40: [],
      staticTable: [],
    };
    const push = (key: string, value: number) => samples[key]?.push(value);
    for (let run = 0; run < RUNS; run++) {
      const page = await harness.browser.newPage();
      await page.goto(harness.server.openUrl);
      push('signInForm', await whenPresent(page, 'input[type=password]:not([disabled])'));
      await page.getByLabel('Колдонуучу аты').fill(LOGIN);
      await page.getByLabel('Сырсөз').fill(PASSWORD);
      const pressed = await page.evaluate(() => performance.now());
      await page.getByRole('button', { name: 'Кирүү' }).click();
      push('dashboard', (await whenPresent(page, '[data-testid=freshness]')) - pressed);

      const core = performance.now();
      const again = await service.call(`bench-core-${run}`, 'auth.signIn', {
        login: LOGIN,
        password: PASSWORD,
      });
      if (!again.ok) throw new Error(again.error.message);
      await service.call(`bench-core-${run}`, 'dashboard.summary', {});
      push('coreSignInDashboard', performance.now() - core);

      await page.getByText('Класс журналы').first().click();
      await chooseOption(page, 'Класс', thirty.classLabel);
      push(
        'grid30',
        await paintAfterChoice(page, gridSelector(thirty, LESSONS), 'Предмет', thirty.subjectName),
      );
      push(
        'classSwitch',
        await paintAfterChoice(page, gridSelector(forty, LESSONS), 'Класс', forty.classLabel),
      );
      await chooseOption(page, 'Предмет', year.subjectName);
      push('yearGrid', await paintAfterChoice(page, gridSelector(year, YEAR_LESSONS), 'Мезгил', periodLabel));
      push(
        'grid40',
        await paintAfterChoice(page, gridSelector(forty, LESSONS), 'Предмет', forty.subjectName),
      );
      // The measured grid is the one asked for: its own summary line names its size.
      await page.getByText(`${forty.students} окуучу × ${LESSONS} сабак`).waitFor({ timeout: 5_000 });
      if (run === 0) await shot(page, 'ui-bench-journal-grid');
      await page.close();

      const plain = await harness.browser.newPage();
      await plain.goto(`${harness.server.url}baseline-form.html`);
      push('staticForm', await whenPresent(plain, 'input[type=password]'));
      await watchPaint(plain, 'table td');
      const started = await plain.evaluate((html) => {
        const at = performance.now();
        document.body.insertAdjacentHTML('beforeend', html);
        return at;
      }, tableHtml);
      push('staticTable', (await whenPainted(plain)) - started);
      await plain.close();
    }

    const row = (label: string, key: string, baselineKey: string) => {
      const values = samples[key] ?? [];
      const base = median(samples[baselineKey] ?? []);
      printRow([label, minAndMedian(values, 0), `${(median(values) / base).toFixed(1)}×`]);
    };
    console.log(
      `${RUNS} runs each in Chromium (${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(1)})`,
    );
    printRow(['', 'ms min / median', '× baseline (median)']);
    row('sign-in form usable', 'signInForm', 'staticForm');
    row('  static form page', 'staticForm', 'staticForm');
    row('dashboard (sign-in)', 'dashboard', 'coreSignInDashboard');
    row('  core calls only', 'coreSignInDashboard', 'coreSignInDashboard');
    row(`grid ${thirty.students} × ${LESSONS} (subject)`, 'grid30', 'staticTable');
    row(`class switch, ${forty.students} × ${LESSONS}`, 'classSwitch', 'staticTable');
    row(`year grid ${year.students} × ${YEAR_LESSONS}`, 'yearGrid', 'staticTable');
    row(`grid ${forty.students} × ${LESSONS} (subject)`, 'grid40', 'staticTable');
    row(`  plain table ${forty.students} × ${LESSONS}`, 'staticTable', 'staticTable');
    console.log('goals: first screen under 1000 ms, any grid painted under 100 ms');
  } finally {
    await harness.close();
  }
}

await main();
