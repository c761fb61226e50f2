import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppUser } from '../../src/core/auth/users';
import { defaultCheckRules } from '../../src/core/settings/journal-rule-defaults';
import { defaultMarkDeadlines } from '../../src/core/settings/journal-rule-defaults';
import type { CommandName, InputOf, OutputOf } from '../../src/shared/contract';
import { SETUP, setUpApp, type AppFixture } from './fixture';

let app: AppFixture<'deputy'>;
let admin: AppUser;
let deputy: AppUser;
let closeId: number;

async function as<N extends CommandName>(user: AppUser, name: N, input: InputOf<N>) {
  app.service.context.sessions.open(`test-${user.login}`, user, app.clock());
  return app.service.call(`test-${user.login}`, name, input);
}

async function ok<N extends CommandName>(user: AppUser, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const result = await as(user, name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function journalRulesAudit() {
  return app.mirror.sqlite
    .prepare<[], { actor: string; before_json: string; after_json: string }>(
      "SELECT * FROM audit_log WHERE action = 'settings.journalRules' ORDER BY id",
    )
    .all();
}

const oralIn48Hours = {
  markDeadlines: { hoursByMarkType: { ...defaultMarkDeadlines.hoursByMarkType, general: 48 } },
  checkRules: defaultCheckRules,
};

/** The small demo school, set up, with the first quarter's close started by a deputy. */
beforeAll(async () => {
  app = await setUpApp({ school: 'demo-small', now: '2025-11-03T08:00:00Z', roles: ['deputy'] });
  ({ admin, deputy } = app.users);
  const { periods } = await ok(deputy, 'close.overview', {});
  const first = periods.find((p) => p.kind === 'quarter' && p.number === 1);
  if (!first) throw new Error('no first quarter');
  closeId = (await ok(deputy, 'close.start', { periodId: first.id })).closeId;
});
afterAll(async () => {
  await app.close();
});

describe('the journal rules in the settings', () => {
  it('are the regulation values until the admin changes them, and everyone signed in can read them', async () => {
    const view = await ok(deputy, 'settings.get', {});
    expect(view.journalRules).toEqual({ markDeadlines: defaultMarkDeadlines, checkRules: defaultCheckRules });
    expect(view.regulationJournalRules).toEqual(view.journalRules);
  });

  it('refuse a deputy and change nothing', async () => {
    const result = await as(deputy, 'settings.updateJournalRules', oralIn48Hours);
    expect(result.ok ? 'ok' : result.error.code).toBe('FORBIDDEN');
    expect((await ok(admin, 'settings.get', {})).journalRules.markDeadlines.hoursByMarkType.general).toBe(24);
    expect(journalRulesAudit()).toEqual([]);
  });

  it('refuse negative hours naming the mark type, and change nothing', async () => {
    const result = await as(admin, 'settings.updateJournalRules', {
      ...oralIn48Hours,
      markDeadlines: { hoursByMarkType: { ...defaultMarkDeadlines.hoursByMarkType, control: -5 } },
    });
    if (result.ok) throw new Error('negative hours were accepted');
    expect(result.error.code).toBe('BAD_INPUT');
    expect(result.error.message).toContain('markDeadlines.hoursByMarkType.control');
    expect((await ok(admin, 'settings.get', {})).journalRules.markDeadlines).toEqual(defaultMarkDeadlines);
    expect(journalRulesAudit()).toEqual([]);
  });

  it('refuse a final distance beyond the scale and a grade outside 1–11', async () => {
    for (const checkRules of [
      { ...defaultCheckRules, finalMaxDistance: 5 },
      { ...defaultCheckRules, halfYearGrades: [12] },
    ]) {
      const result = await as(admin, 'settings.updateJournalRules', { ...oralIn48Hours, checkRules });
      expect(result.ok ? 'ok' : result.error.code).toBe('BAD_INPUT');
    }
    expect(journalRulesAudit()).toEqual([]);
  });

  it('give oral answers 48 hours: the day-1 checks then find fewer late marks, and the audit has before and after', async () => {
    const before = await ok(deputy, 'close.check', { closeId });
    const lateBefore = before.totals.late_mark;
    expect(lateBefore).toBeGreaterThan(0);

    const view = await ok(admin, 'settings.updateJournalRules', oralIn48Hours);
    expect(view.journalRules.markDeadlines.hoursByMarkType.general).toBe(48);
    expect(view.regulationJournalRules.markDeadlines.hoursByMarkType.general).toBe(24);

    const after = await ok(deputy, 'close.check', { closeId });
    const lateAfter = after.totals.late_mark;
    expect(lateAfter).toBeLessThan(lateBefore);
    // Only the oral deadline moved: the other rules find what they found.
    const others = (totals: Readonly<Record<string, number>>) =>
      Object.entries(totals).filter(([rule]) => rule !== 'late_mark');
    expect(others(after.totals)).toEqual(others(before.totals));

    const audit = journalRulesAudit();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor).toContain(SETUP.admin.fullName);
    expect(JSON.parse(audit[0]?.before_json ?? 'null')).toEqual({
      markDeadlines: defaultMarkDeadlines,
      checkRules: defaultCheckRules,
    });
    expect(JSON.parse(audit[0]?.after_json ?? 'null')).toEqual(oralIn48Hours);
  });
});
