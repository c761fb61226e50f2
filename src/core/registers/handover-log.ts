import type { Selectable } from 'kysely';
import { appendAudit } from '../audit/audit-log';
import { type Actor, describeActor } from '../auth/actor';
import { assertAllowed } from '../auth/permissions';
import { type Clock, systemClock } from '../clock';
import type { Mirror } from '../db/mirror';
import type { HandoverLogTable } from '../db/schema';
import { MoorError } from '../errors';

export type HandoverEntry = Selectable<HandoverLogTable> & { documents: string[] };

/**
 * One hand-over of strict reporting documents (certified copies): who handed what to whom, when.
 * Either `documentIds` (the printed documents' ids) or a `description` says what was handed over.
 */
export interface HandoverInput {
  actor: Actor;
  clock?: Clock;
  /** When the documents changed hands. */
  at: Date | string;
  documentIds?: readonly string[];
  description?: string;
  /** Who handed them over: a staff member of the mirror, or a name; by default the acting user. */
  fromStaffId?: number | null;
  fromName?: string;
  toStaffId?: number | null;
  toName?: string;
  copies?: number;
  pages?: number | null;
}

function staffName(mirror: Mirror, staffId: number): string {
  const staff = mirror.first(
    mirror.db
      .selectFrom('staff')
      .select(['last_name', 'first_name', 'middle_name'])
      .where('id', '=', staffId),
  );
  if (!staff)
    throw new MoorError('NOT_FOUND', `There is no staff member with id ${staffId} in the mirror.`, {
      staffId,
    });
  return [staff.last_name, staff.first_name, staff.middle_name].filter(Boolean).join(' ');
}

function invalid(field: string, expected: string): MoorError {
  return new MoorError('BAD_INPUT', `Hand-over log: ${field} must be ${expected}.`, { field });
}

export function recordHandover(mirror: Mirror, input: HandoverInput): HandoverEntry {
  assertAllowed(input.actor, 'registers.handover');
  const documents = [...(input.documentIds ?? [])].map((d) => d.trim()).filter(Boolean);
  const description = input.description?.trim() || documents.join(', ');
  if (description === '') throw invalid('documentIds or description', 'given');
  const at = typeof input.at === 'string' ? new Date(input.at) : input.at;
  if (Number.isNaN(at.getTime())) throw invalid('at', 'a date and time');
  const copies = input.copies ?? Math.max(1, documents.length);
  if (!Number.isInteger(copies) || copies < 0) throw invalid('copies', 'a whole number from 0');
  if (input.pages != null && (!Number.isInteger(input.pages) || input.pages < 0)) {
    throw invalid('pages', 'a whole number from 0');
  }
  const fromName =
    input.fromStaffId == null ? (input.fromName ?? input.actor.name) : staffName(mirror, input.fromStaffId);
  const toName = input.toStaffId == null ? input.toName?.trim() : staffName(mirror, input.toStaffId);
  if (toName === undefined || toName === '') throw invalid('toStaffId or toName', 'given');
  const now = (input.clock ?? systemClock)();
  return mirror.transaction(() => {
    const values = {
      at: at.toISOString(),
      from_staff_id: input.fromStaffId ?? null,
      from_name: fromName,
      to_staff_id: input.toStaffId ?? null,
      to_name: toName,
      description,
      copies,
      pages: input.pages ?? null,
      recorded_by: describeActor(input.actor),
      recorded_at: now.toISOString(),
    };
    const { lastInsertRowid: id } = mirror.run(mirror.db.insertInto('handover_log').values(values));
    for (const [position, ref] of documents.entries()) {
      mirror.run(
        mirror.db.insertInto('handover_item').values({ handover_id: id, position, document_ref: ref }),
      );
    }
    appendAudit(
      mirror,
      {
        actor: input.actor,
        action: 'handover.record',
        entity: 'handover_log',
        entityId: id,
        after: { ...values, documents },
      },
      now,
    );
    return { id, ...values, documents };
  });
}

export interface HandoverFilter {
  /** Instants (ISO): hand-overs from / up to. */
  from?: string;
  to?: string;
  documentRef?: string;
}

export function listHandovers(mirror: Mirror, filter: HandoverFilter = {}): HandoverEntry[] {
  let query = mirror.db.selectFrom('handover_log').selectAll();
  if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('at', '<=', filter.to);
  if (filter.documentRef !== undefined) {
    const ref = filter.documentRef;
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('handover_item').select('handover_id').where('document_ref', '=', ref),
    );
  }
  const rows = mirror.all(query.orderBy('at').orderBy('id'));
  const items = mirror.all(
    mirror.db.selectFrom('handover_item').selectAll().orderBy('handover_id').orderBy('position'),
  );
  const byHandover = new Map<number, string[]>();
  for (const item of items) {
    const list = byHandover.get(item.handover_id) ?? [];
    list.push(item.document_ref);
    byHandover.set(item.handover_id, list);
  }
  return rows.map((row) => ({ ...row, documents: byHandover.get(row.id) ?? [] }));
}
