import type { HandlerMap } from '../handler';
import { adminHandlers } from './admin';
import { closeHandlers } from './close';
import { documentHandlers } from './documents';
import { journalHandlers } from './journal';
import { journalRulesHandlers } from './journal-rules';
import { archiveDefaultsHandlers } from './archive-defaults';
import { kundolukAccountHandlers } from './kundoluk-accounts';
import { kundolukSettingsHandlers } from './kundoluk-settings';
import { operationsHandlers } from './operations';
import { registersHandlers } from './registers';
import { reportHandlers } from './reports';
import { restoreHandlers } from './restore';
import { schoolHandlers } from './school';
import { schoolYearHandlers } from './school-year';
import { sessionHandlers } from './session';
import { staffHandlers } from './staff';
import { syncHandlers } from './sync';
import { yearSummaryHandlers } from './year-summary';

/** One handler per contract command; the type makes a missing or extra one a compile error. */
export const handlers: HandlerMap = {
  ...sessionHandlers,
  ...journalHandlers,
  ...closeHandlers,
  ...documentHandlers,
  ...adminHandlers,
  ...reportHandlers,
  ...registersHandlers,
  ...syncHandlers,
  ...restoreHandlers,
  ...schoolHandlers,
  ...schoolYearHandlers,
  ...journalRulesHandlers,
  ...archiveDefaultsHandlers,
  ...kundolukSettingsHandlers,
  ...kundolukAccountHandlers,
  ...staffHandlers,
  ...yearSummaryHandlers,
  ...operationsHandlers,
};
