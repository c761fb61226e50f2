/** How far a long backup operation has come, for a progress bar: plain bytes done of the phase's total. */
export interface BackupProgress {
  phase: 'snapshot' | 'write' | 'verify' | 'restore';
  done: number;
  total: number;
}
