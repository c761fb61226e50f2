/**
 * The UI in Debian's Chromium, in browser mode against the real core (src/dev-server), beside
 * baselines measured in the same browser in the same run:
 *
 *  - sign-in form usable after navigation    vs a static HTML page with the same form, same server
 *  - dashboard after pressing "Кирүү"         vs the same two calls (sign-in, dashboard) on the core
 *  - class journal grid, 40 students × 60 lessons, from choosing the subject to the grid painted
 *                                             vs a plain HTML table of the same 2,400 cells
 *
 * Times are taken inside the page (performance.now(), "painted" = the second animation frame after
 * the cells appear), several runs each, median; the first (cold) run is shown on its own.
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
import { median, printRow } from './measure';

const RUNS = Number(process.env.BENCH_ROUNDS ?? 7);
const STUDENTS = 40;
const LESSONS = 60;
const LOGIN = 'gulnara';
const PASSWORD = 'gulnara-pass-1';

interface GridClass {
  classLabel: string;
  subjectName: string;
  classId: number;
  subjectId: number;
  teacherId: number;
}

/** The small demo school with its 8-А grown to 40 students; the subject its journal screen will show. */
function prepareSchool(mirror: Mirror): GridClass {
  createDemoSchool(mirror, { size: 'small' });
  const db = mirror.sqlite;
  const klass = db
    .prepare<[], { id: number; grade: number; letter: string }>(
      "SELECT id, grade, letter FROM class WHERE grade = 8 AND letter = 'А'",
    )
    .get();
  if (!klass) throw new Error('the small demo school has no 8-А');
  const assignment = db
    .prepare<[number], { subjectId: number; teacherId: number; nameKy: string }>(
      `SELECT t.subject_id AS subjectId, t.teacher_id AS teacherId, s.name_ky AS nameKy
       FROM teaching_assignment t JOIN subject s ON s.id = t.subject_id
       WHERE t.class_id = ? AND t.subgroup_id IS NULL ORDER BY s.name_ky LIMIT 1`,
    )
    .get(klass.id);
  if (!assignment) throw new Error('8-А has no subject taught to the whole class');
  mirror.sqlite.transaction(() => {
    const enrolled = () =>
      db
        .prepare<[number], { n: number }>('SELECT count(*) AS n FROM enrollment WHERE class_id = ?')
        .get(klass.id)?.n ?? 0;
    for (let i = enrolled(); i < STUDENTS; i++) {
      const student = db
        .prepare("INSERT INTO student (last_name, first_name) VALUES (?, 'Айбек')")
        .run(`Өмүрзаков ${i + 1}`);
      db.prepare("INSERT INTO enrollment (class_id, student_id, joined_on) VALUES (?, ?, '2025-09-01')").run(
        klass.id,
        student.lastInsertRowid,
      );
    }
  })();
  return {
    classLabel: `${klass.grade}-${klass.letter}`,
    subjectName: assignment.nameKy,
    classId: klass.id,
    subjectId: assignment.subjectId,
    teacherId: assignment.teacherId,
  };
}

/**
 * Replaces the subject's journal by 60 lessons (two a day) from the first day of the period the
 * screen opens on, with a mark in about a third of the cells and a few absences.
 */
function fillJournal(mirror: Mirror, grid: GridClass, startsOn: string): void {
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
    for (let n = 0; n < LESSONS; n++) {
      while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
      const date = day.toISOString().slice(0, 10);
      const at = `${date}T08:00:00.000Z`;
      const lessonId = Number(
        insertLesson.run(
          grid.classId,
          grid.subjectId,
          grid.teacherId,
          date,
          1 + (n % 2),
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
      if (n % 2 === 1) day.setUTCDate(day.getUTCDate() + 1);
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

/** Notes in the page when cells first appear, and the second frame after them: the grid painted. */
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
    }).observe(document.body, { childList: true, subtree: true });
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
  const grid = prepareSchool(mirror);
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

    // The same grid as the screen will show: 40 × 60, and its cell texts for the baseline table.
    const signedIn = await service.call('bench-core', 'auth.signIn', { login: LOGIN, password: PASSWORD });
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    const summary = await service.call('bench-core', 'dashboard.summary', {});
    if (!summary.ok) throw new Error(summary.error.message);
    const period = summary.value.periods.find((p) => p.id === summary.value.currentPeriodId);
    fillJournal(service.context.mirror, grid, period?.startsOn ?? '2025-09-01');
    const shown = await service.call('bench-core', 'journal.grid', {
      classId: grid.classId,
      subjectId: grid.subjectId,
      periodId: summary.value.currentPeriodId,
    });
    if (!shown.ok) throw new Error(shown.error.message);
    const { students, lessons, cells } = shown.value;
    if (students.length !== STUDENTS || lessons.length !== LESSONS) {
      throw new Error(`the grid is ${students.length} × ${lessons.length}, not ${STUDENTS} × ${LESSONS}`);
    }
    const cellText = new Map(cells.map((c) => [`${c.studentId}:${c.lessonId}`, c.text]));
    const tableHtml = staticTable(
      students.map((s) => lessons.map((l) => cellText.get(`${s.id}:${l.id}`) ?? '')),
    );

    const samples: Record<string, number[]> = {
      signInForm: [],
      staticForm: [],
      dashboard: [],
      coreSignInDashboard: [],
      grid: [],
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
      await chooseOption(page, 'Класс', grid.classLabel);
      await watchPaint(page, '[data-testid=journal-grid] .grid-cell');
      await page.getByRole('combobox', { name: 'Предмет', exact: true }).click();
      const option = page.getByRole('option', { name: grid.subjectName, exact: true });
      await option.waitFor();
      const chosen = await option.evaluate((element) => {
        let at = 0;
        element.addEventListener('click', () => (at = performance.now()), { capture: true, once: true });
        (element as HTMLElement).click();
        return at;
      });
      push('grid', (await whenPainted(page)) - chosen);
      // The measured grid is the one asked for: its own summary line names its size.
      await page.getByText(`${STUDENTS} окуучу × ${LESSONS} сабак`).waitFor({ timeout: 5_000 });
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
      printRow([
        label,
        median(values).toFixed(0),
        (values[0] ?? 0).toFixed(0),
        `${(median(values) / base).toFixed(1)}×`,
      ]);
    };
    console.log(
      `${RUNS} runs each in Chromium (${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(1)})`,
    );
    console.log(
      `Journal grid: ${grid.classLabel}, ${grid.subjectName}, ${STUDENTS} students × ${LESSONS} lessons`,
    );
    printRow(['', 'median ms', 'first run ms', '× baseline']);
    row('sign-in form usable', 'signInForm', 'staticForm');
    row('  static form page', 'staticForm', 'staticForm');
    row('dashboard (sign-in)', 'dashboard', 'coreSignInDashboard');
    row('  core calls only', 'coreSignInDashboard', 'coreSignInDashboard');
    row('journal grid 40 × 60', 'grid', 'staticTable');
    row('  plain HTML table', 'staticTable', 'staticTable');
  } finally {
    await harness.close();
  }
}

await main();
