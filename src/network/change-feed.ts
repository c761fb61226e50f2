import type { ServerResponse } from 'node:http';
import type { ReopenableMirror } from '../core/app/reopenable-mirror';
import type { ChangeEvent } from '../shared/host-events';

/** How often jobs' own changes (a print, a sync finishing) are looked for between requests. */
const LOOK_EVERY_MS = 500;
/** A comment line now and then keeps proxies and the client's timeout from closing a quiet stream. */
const KEEP_ALIVE_MS = 15_000;

/**
 * Tells every connected client what changed, as server-sent events. Every change of the school's
 * data is audited in the same transaction, so a new audit entry is exactly "something changed":
 * the feed sends each new entry's action and object, and the windows re-read what they show.
 */
export class ChangeFeed {
  private readonly streams = new Set<{ response: ServerResponse; owner: string }>();
  private lastId: number;
  private readonly timer: NodeJS.Timeout;
  private readonly keepAlive: NodeJS.Timeout;

  constructor(private readonly mirror: ReopenableMirror) {
    this.lastId = this.headId();
    this.timer = setInterval(() => {
      try {
        this.look();
      } catch {
        // The mirror is being restored just now: the next look finds the restored one.
      }
    }, LOOK_EVERY_MS);
    this.keepAlive = setInterval(() => {
      for (const { response } of this.streams) response.write(': still here\n\n');
    }, KEEP_ALIVE_MS);
  }

  /** Keeps the response open as an event stream for a session's client until it goes. */
  subscribe(response: ServerResponse, owner: string): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    response.write(`event: hello\ndata: ${JSON.stringify({ lastId: this.lastId })}\n\n`);
    const stream = { response, owner };
    this.streams.add(stream);
    response.on('close', () => this.streams.delete(stream));
  }

  /** Closes the streams of one client (its session ended) or of all. */
  drop(owner?: string): void {
    for (const stream of this.streams) {
      if (owner === undefined || stream.owner === owner) {
        stream.response.end();
        this.streams.delete(stream);
      }
    }
  }

  /** Sends what was audited since the last look. */
  look(): void {
    const head = this.headId();
    if (head <= this.lastId) {
      // A restore replaces the file: its chain may be shorter; start again from its head.
      this.lastId = head;
      return;
    }
    const rows = this.mirror.all(
      this.mirror.db
        .selectFrom('audit_log')
        .select(['id', 'action', 'entity', 'entity_id'])
        .where('id', '>', this.lastId)
        .orderBy('id'),
    );
    this.lastId = head;
    for (const row of rows) {
      const event: ChangeEvent = {
        id: row.id,
        action: row.action,
        entity: row.entity,
        entityId: row.entity_id,
      };
      const line = `event: change\ndata: ${JSON.stringify(event)}\n\n`;
      for (const { response } of this.streams) response.write(line);
    }
  }

  stop(): void {
    clearInterval(this.timer);
    clearInterval(this.keepAlive);
    this.drop();
  }

  private headId(): number {
    return this.mirror.first(this.mirror.db.selectFrom('audit_head').select('last_id'))?.last_id ?? 0;
  }
}
