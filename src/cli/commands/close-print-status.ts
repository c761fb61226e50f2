import type { CloseStatusView } from '../../core/close';
import type { CliIo } from '../command';

const SHOWN_PENDING = 8;

/** The close's tracker as the terminal shows it: each day, what is open, overrides, voided signatures. */
export function printCloseStatus(io: CliIo, view: CloseStatusView): void {
  io.out(
    `Close ${view.closeId} — ${view.periodLabel}: ${view.status}${view.completedAt ? ` on ${view.completedAt}` : ''}`,
  );
  io.out(`  started ${view.startedAt} by ${view.startedBy}`);
  io.out(`  classes (${view.classes.length}): ${view.classes.join(', ')}`);
  for (const day of view.days) {
    const c = day.counts;
    const mark = day.completed ? '[x]' : day.day === view.currentDay ? '[>]' : '[ ]';
    const extra = [
      c.overridden > 0 ? `${c.overridden} overridden` : '',
      c.voided > 0 ? `${c.voided} voided` : '',
    ]
      .filter(Boolean)
      .join(', ');
    io.out(`${mark} ${day.title}: ${c.done}/${c.total} done${extra ? ` (${extra})` : ''}`);
    if (day.override) {
      io.out(
        `      override by ${day.override.actor} on ${day.override.at} (${day.override.openItems} open items): "${day.override.reason}"`,
      );
    }
    for (const item of day.pending.slice(0, SHOWN_PENDING)) {
      const findings = item.findings !== null && item.findings > 0 ? ` — ${item.findings} findings` : '';
      const voided = item.status === 'voided' ? ` — SIGN AGAIN: ${item.voidReason ?? ''}` : '';
      io.out(`      open: ${item.label}${findings}${voided}`);
    }
    if (day.pending.length > SHOWN_PENDING)
      io.out(`      … and ${day.pending.length - SHOWN_PENDING} more open`);
  }
  for (const changed of view.changedSincePrint) {
    io.out(
      `  ! ${changed.className}: ${changed.changes} change(s) to its data since its copy was printed; ` +
        `re-print it (npm run moor -- close print --class ${changed.className}); its signatures will be voided.`,
    );
  }
  for (const changed of view.certifiedDataChanges) {
    io.out(
      `  ! CERTIFIED DATA CHANGED: ${changed.className}: ${changed.changes} change(s) seen by later syncs.`,
    );
  }
}
