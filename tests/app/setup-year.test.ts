import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppService, type AppService } from '../../src/core/app/service';
import { openMirror, type Mirror } from '../../src/core/db/mirror';
import { createDemoSchool } from '../../src/core/demo/create-demo-school';
import { parseSchoolYearLabel, suggestedSchoolYear } from '../../src/shared/school-year';
import { SETUP } from './fixture';

let mirror: Mirror;
let service: AppService;
afterEach(async () => {
  await service.context.jobs.stopAll();
  mirror.close();
});

function freshInstallation(withDemoSchool: boolean): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moor-setup-year-'));
  mirror = openMirror(path.join(dir, 'mirror.sqlite'), { create: true });
  if (withDemoSchool) createDemoSchool(mirror, { size: 'small' });
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
