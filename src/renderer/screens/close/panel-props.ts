import type { CloseBoard } from '../../../shared/views';

/** A part of the close that calls the core itself: it hands back the new board, and says what went wrong beside its own button. */
export interface BoardUpdates {
  board: CloseBoard;
  onBoard: (board: CloseBoard) => void;
}

/** A day panel whose actions the close screen runs: what the user may do, and the runner. */
export interface DayActions {
  board: CloseBoard;
  can: (permission: string) => boolean;
  act: (work: () => Promise<CloseBoard>) => Promise<void>;
}
