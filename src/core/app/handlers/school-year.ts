import { appendAudit } from '../../audit/audit-log';
import type { Actor } from '../../auth/actor';
import { hashSecret } from '../../auth/password';
import { assertSchoolPassphrase } from '../../backup/school-passphrase';
import type { Mirror } from '../../db/mirror';
import { MoorError } from '../../errors';
import type { ParsedInputOf } from '../../../shared/contract';
import type { SchoolYearView } from '../../../shared/register-views';
import type { Handler } from '../handler';
import { checkQuarterDates, checkSchoolYearDates, insertSchoolYear } from '../school-year-dates';
import { putSetting } from '../../settings/app-settings';
import { listCloses } from '../../close';

function schoolYears(mirror: Mirror): SchoolYearView[] {
  const years = mirror.all(mirror.db.selectFrom('academic_year').selectAll().orderBy('starts_on', 'desc'));
  const quarters = mirror.all(
    mirror.db
      .selectFrom('reporting_period')
      .select(['id', 'academic_year_id', 'number', 'starts_on', 'ends_on'])
      .where('kind', '=', 'quarter')
      .orderBy('number'),
  );
  return years.map((y) => ({
    id: y.id,
    label: y.label,
    startsOn: y.starts_on,
    endsOn: y.ends_on,
    quarters: quarters
      .filter((q) => q.academic_year_id === y.id)
      .map((q) => ({ id: q.id, number: q.number, startsOn: q.starts_on, endsOn: q.ends_on })),
  }));
}

type QuartersInput = ParsedInputOf<'settings.updateQuarters'>;

/**
 * The quarters' dates, which the online journal does not give: the half-years follow them. A
 * quarter whose close has started keeps its dates, since its copies were made for them.
 */
function updateQuarters(mirror: Mirror, input: QuartersInput, actor: Actor, at: Date) {
  const year = mirror.first(
    mirror.db.selectFrom('academic_year').selectAll().where('id', '=', input.academicYearId),
  );
  if (!year) {
    throw new MoorError('NOT_FOUND', `There is no academic year ${input.academicYearId}.`, {
      field: 'academicYearId',
    });
  }
  checkQuarterDates({ startsOn: year.starts_on, endsOn: year.ends_on }, input.quarters);
  const before = schoolYears(mirror).find((y) => y.id === year.id);
  mirror.transaction(() => {
    const periods = mirror.all(
      mirror.db.selectFrom('reporting_period').selectAll().where('academic_year_id', '=', year.id),
    );
    const started = new Set(listCloses(mirror).map((c) => c.period_id));
    const dates = (kind: 'quarter' | 'half_year', number: number) => {
      const q = input.quarters;
      if (kind === 'quarter') return q[number - 1];
      const first = number === 1 ? q[0] : q[2];
      const last = number === 1 ? q[1] : q[3];
      return first && last ? { startsOn: first.startsOn, endsOn: last.endsOn } : undefined;
    };
    for (const period of periods) {
      if (period.kind === 'year') continue;
      const next = dates(period.kind, period.number);
      if (!next || (next.startsOn === period.starts_on && next.endsOn === period.ends_on)) continue;
      if (started.has(period.id)) {
        throw new MoorError(
          'PERIOD_CLOSE_STARTED',
          `The close of ${period.kind} ${period.number} has started: its dates stay as they were printed.`,
          { field: period.kind === 'quarter' ? `quarters.${period.number - 1}` : 'quarters' },
        );
      }
      mirror.run(
        mirror.db
          .updateTable('reporting_period')
          .set({ starts_on: next.startsOn, ends_on: next.endsOn })
          .where('id', '=', period.id),
      );
    }
    appendAudit(
      mirror,
      {
        actor,
        action: 'settings.quarters',
        entity: 'academic_year',
        entityId: year.id,
        before,
        after: input.quarters,
      },
      at,
    );
  });
  return schoolYears(mirror);
}

type NewYearInput = ParsedInputOf<'settings.addSchoolYear'>;

/**
 * A new school year beside the ones the mirror has (every September, before the first sync of
 * its lessons): its label and dates may not be taken by another year.
 */
function addSchoolYear(mirror: Mirror, input: NewYearInput, actor: Actor, at: Date) {
  checkSchoolYearDates(input);
  const { year } = input;
  mirror.transaction(() => {
    const years = mirror.all(mirror.db.selectFrom('academic_year').selectAll());
    if (years.some((y) => y.label === year.label)) {
      throw new MoorError('YEAR_EXISTS', `The school year ${year.label} is already there.`, {
        field: 'year.label',
      });
    }
    const overlapped = years.find((y) => y.starts_on <= year.endsOn && year.startsOn <= y.ends_on);
    if (overlapped) {
      throw new MoorError(
        'YEAR_OVERLAPS',
        `${year.startsOn} – ${year.endsOn} overlaps the school year ${overlapped.label}.`,
        { field: 'year.startsOn', other: overlapped.label },
      );
    }
    const id = insertSchoolYear(mirror, input);
    appendAudit(
      mirror,
      { actor, action: 'settings.addSchoolYear', entity: 'academic_year', entityId: id, after: input },
      at,
    );
  });
  return schoolYears(mirror);
}

/** The school year's dates and the backup passphrase, kept by the IT person. */
export const schoolYearHandlers = {
  'settings.years': { access: 'mirror.read', run: (ctx) => schoolYears(ctx.mirror) },
  'settings.updateQuarters': {
    access: 'settings.manage',
    run: (ctx, input) => updateQuarters(ctx.mirror, input, ctx.actor, ctx.clock()),
  },
  'settings.addSchoolYear': {
    access: 'settings.manage',
    run: (ctx, input) => addSchoolYear(ctx.mirror, input, ctx.actor, ctx.clock()),
  },
  'settings.changeBackupPassphrase': {
    access: 'settings.manage',
    async run(ctx, input) {
      await assertSchoolPassphrase(ctx.mirror, input.current, 'current');
      // Only a verifier is kept: the passphrase itself is on paper in the director's safe.
      const next = await hashSecret(input.next);
      const at = ctx.clock();
      ctx.mirror.transaction(() => {
        putSetting(ctx.mirror, 'backupPassphraseVerifier', next, at);
        appendAudit(
          ctx.mirror,
          {
            actor: ctx.actor,
            action: 'settings.backupPassphrase',
            entity: 'app_setting',
            entityId: 'backupPassphraseVerifier',
            after: { changed: true },
          },
          at,
        );
      });
      return null;
    },
  },
} as const satisfies {
  [
    N in
      | 'settings.years'
      | 'settings.updateQuarters'
      | 'settings.addSchoolYear'
      | 'settings.changeBackupPassphrase'
  ]: Handler<N>;
};
