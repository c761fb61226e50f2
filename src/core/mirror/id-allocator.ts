import type { Mirror } from '../db/mirror';

type IdTable =
  | 'lesson'
  | 'mark'
  | 'attendance'
  | 'period_final'
  | 'staff'
  | 'subject'
  | 'class'
  | 'student'
  | 'enrollment'
  | 'subgroup'
  | 'teaching_assignment';

/** Hands out ids for rows a source brings that the mirror has not seen: one past the largest id. */
export class IdAllocator {
  private readonly last = new Map<IdTable, number>();

  constructor(private readonly mirror: Mirror) {}

  next(table: IdTable): number {
    let last = this.last.get(table);
    if (last === undefined) {
      const row = this.mirror.sqlite.prepare(`SELECT coalesce(max(id), 0) AS id FROM "${table}"`).get() as {
        id: number;
      };
      last = row.id;
    }
    this.last.set(table, last + 1);
    return last + 1;
  }
}
