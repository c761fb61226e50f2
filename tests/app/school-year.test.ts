import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppService, type AppService } from '../../src/core/app/service';
import { openMirror, type Mirror } from '../../src/core/db/mirror';
import type { InputOf } from '../../src/shared/contract';
import { parseSchoolYearLabel, schoolYearStarting, suggestedSchoolYear } from '../../src/shared/school-year';
import { tempDir } from '../support/temp-dir';
import { writeSmallSchool } from '../support/schools';
import { callAs, refusalAs, SETUP, setUpApp, type AppFixture } from './fixture';

let mirror: Mirror;
let service: AppService;
afterEach(async () => {
  await service.context.jobs.stopAll();
  mirror.close();
});

function freshInstallation(withDemoSchool: boolean): void {
  const dir = tempDir('moor-setup-year-');
  const file = path.join(dir, 'mirror.sqlite');
  mirror = withDemoSchool ? openMirror(writeSmallSchool(file)) : openMirror(file, { create: true });
  service = createAppService({ mirror });
}

const years = () =>
  mirror.sqlite.prepare('SELECT label, starts_on FROM academic_year ORDER BY id').all() as {
    label: string;
    starts_on: string;
  }[];

describe('the school year given at setup', () => {
  it('is the same year whichever dash was typed: setup over a synced 2025-2026 makes no second one', async () => {
    freshInstallation(true);
    expect(years()).toEqual([{ label: '2025-2026', starts_on: '2025-09-01' }]);
    const setup = await service.invoke('first', 'setup.complete', {
      ...SETUP,
      year: { ...SETUP.year, label: '2025–2026' },
    });
    expect(setup.ok).toBe(true);
    expect(years()).toEqual([{ label: '2025-2026', starts_on: '2025-09-01' }]);
  });

  it('refuses a label that is not two years in a row, or dates outside it, naming the field; nothing is written', async () => {
    freshInstallation(false);
    const wrongLabel = await service.invoke('first', 'setup.complete', {
      ...SETUP,
      year: { ...SETUP.year, label: '2025-2027' },
    });
    expect(wrongLabel).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', details: { field: 'year.label' } },
    });
    const wrongStart = await service.invoke('first', 'setup.complete', {
      ...SETUP,
      year: { ...SETUP.year, label: '2026-2027' },
    });
    expect(wrongStart).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', details: { field: 'year.startsOn' } },
    });
    expect(years()).toEqual([]);
    const status = await service.invoke('first', 'app.status', {});
    expect(status).toMatchObject({ ok: true, value: { setupDone: false } });
  });
});

describe('the school year the setup form proposes', () => {
  it('is the year under way until June and the coming one from July', () => {
    expect(suggestedSchoolYear(new Date(2026, 10, 23)).label).toBe('2026-2027');
    expect(suggestedSchoolYear(new Date(2027, 2, 1)).label).toBe('2026-2027');
    expect(suggestedSchoolYear(new Date(2027, 5, 30)).label).toBe('2026-2027');
    expect(suggestedSchoolYear(new Date(2027, 6, 1)).label).toBe('2027-2028');
  });

  it('runs from 1 September to 31 May with four quarters in order inside it', () => {
    const year = suggestedSchoolYear(new Date(2026, 10, 23));
    expect([year.startsOn, year.endsOn]).toEqual(['2026-09-01', '2027-05-31']);
    const bounds = year.quarters.flatMap((q) => [q.startsOn, q.endsOn]);
    expect(bounds).toEqual([...bounds].sort());
    expect(bounds[0]).toBe(year.startsOn);
    expect((bounds.at(-1) ?? '') <= year.endsOn).toBe(true);
  });

  it('reads the label with any dash and refuses years that do not follow each other', () => {
    expect(parseSchoolYearLabel('2026-2027')).toBe(2026);
    expect(parseSchoolYearLabel(' 2026 – 2027 ')).toBe(2026);
    expect(parseSchoolYearLabel('2026—2027')).toBe(2026);
    expect(parseSchoolYearLabel('2026-2028')).toBeNull();
    expect(parseSchoolYearLabel('2026/27')).toBeNull();
  });
});

describe('a new school year in the settings', () => {
  let app: AppFixture;
  beforeEach(async () => {
    app = await setUpApp({ now: '2026-08-25T08:00:00Z' });
  });
  afterEach(async () => {
    await app.close();
  });
  type NewYear = Omit<InputOf<'settings.addSchoolYear'>, 'quarters'> & {
    quarters: readonly { startsOn: string; endsOn: string }[];
  };
  const add = ({ year, quarters }: NewYear) =>
    callAs(app.service, app.users.admin, app.clock(), 'settings.addSchoolYear', {
      year,
      quarters: [...quarters],
    });
  const refusal = (input: NewYear, role: 'admin' | 'deputy' = 'admin') =>
    refusalAs(app.service, app.users[role], app.clock(), 'settings.addSchoolYear', input);
  const next = schoolYearStarting(2026);

  it('is added by the admin with its quarters, half-years and year, and audited', async () => {
    const years = await add({ year: next, quarters: next.quarters });
    expect(years.map((y) => y.label)).toEqual(['2026-2027', '2025-2026']);
    expect(years[0]?.quarters.map((q) => [q.startsOn, q.endsOn])).toEqual(
      next.quarters.map((q) => [q.startsOn, q.endsOn]),
    );
    const periods = app.mirror.sqlite
      .prepare(
        `SELECT kind, number, starts_on, ends_on FROM reporting_period
         WHERE academic_year_id = (SELECT id FROM academic_year WHERE label = '2026-2027')
         ORDER BY kind, number`,
      )
      .all();
    expect(periods).toEqual([
      { kind: 'half_year', number: 1, starts_on: '2026-09-01', ends_on: '2026-12-27' },
      { kind: 'half_year', number: 2, starts_on: '2027-01-12', ends_on: '2027-05-25' },
      ...next.quarters.map((q, i) => ({
        kind: 'quarter',
        number: i + 1,
        starts_on: q.startsOn,
        ends_on: q.endsOn,
      })),
      { kind: 'year', number: 1, starts_on: '2026-09-01', ends_on: '2027-05-31' },
    ]);
    const audit = app.mirror.sqlite
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'settings.addSchoolYear'")
      .get() as { n: number };
    expect(audit.n).toBe(1);
  });

  it('is refused to a deputy, a second time (whatever the dash), over another year, or with a quarter outside it', async () => {
    expect((await refusal({ year: next, quarters: next.quarters }, 'deputy')).code).toBe('FORBIDDEN');
    await add({ year: next, quarters: next.quarters });
    const again = await refusal({ year: { ...next, label: '2026–2027' }, quarters: next.quarters });
    expect([again.code, again.details?.field]).toEqual(['YEAR_EXISTS', 'year.label']);
    const following = schoolYearStarting(2027);
    const overlapping = await refusal({
      year: { ...following, startsOn: '2027-05-20' },
      quarters: following.quarters,
    });
    expect([overlapping.code, overlapping.details?.field]).toEqual(['YEAR_OVERLAPS', 'year.startsOn']);
    const lateQuarter = following.quarters.map((q, i) => (i === 3 ? { ...q, endsOn: '2028-06-15' } : q));
    const outside = await refusal({ year: following, quarters: lateQuarter });
    expect([outside.code, outside.details?.field]).toEqual(['BAD_DATES', 'quarters.3']);
    const labels = app.mirror.sqlite.prepare('SELECT label FROM academic_year ORDER BY label').all();
    expect(labels).toEqual([{ label: '2025-2026' }, { label: '2026-2027' }]);
  });
});
