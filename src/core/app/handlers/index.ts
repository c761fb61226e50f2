import type { HandlerMap } from '../handler';
import { adminHandlers } from './admin';
import { closeHandlers } from './close';
import { journalHandlers } from './journal';
import { sessionHandlers } from './session';

/** One handler per contract command; the type makes a missing or extra one a compile error. */
export const handlers: HandlerMap = {
  ...sessionHandlers,
  ...journalHandlers,
  ...closeHandlers,
  ...adminHandlers,
};
