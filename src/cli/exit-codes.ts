/**
 * The command line's exit codes, which scheduled jobs (Task Scheduler, cron) act on. Every command
 * keeps to these; `moor help` lists them.
 */
export const EXIT = {
  /** Done. */
  ok: 0,
  /** Refused, failed or found not in order: the reason is on stderr. */
  failed: 1,
  /** Bad usage: an unknown command or flag, a missing or malformed option; the usage is on stderr. */
  usage: 2,
} as const;

export function exitCodesHelp(): string[] {
  return [
    'Exit codes:',
    `  ${EXIT.ok}  done`,
    `  ${EXIT.failed}  refused, failed, or checked and found not in order: a wrong passphrase, a missing`,
    '     file, a damaged backup, a tampered audit log (the reason is on stderr)',
    `  ${EXIT.usage}  bad usage: an unknown command or option, a missing value (the usage is on stderr)`,
    '  other  an unexpected failure (its stack is on stderr and in the log)',
  ];
}
