import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../src/core/audit/audit-log';
import { listAudit, type AuditQuery } from '../../src/core/app/read/audit';
import type { Mirror } from '../../src/core/db/mirror';
import { commandLineActor } from '../../src/cli/cli-identity';
import { deputy } from '../support/actors';
import { openSmallSchool } from '../support/schools';

let mirror: Mirror;
afterEach(() => {
  mirror.close();
});

const everything: AuditQuery = { limit: 100, beforeId: null, search: '', actions: [], entities: [] };

function record(action: 'close.sign' | 'user.signIn' | 'archive.add', actor = deputy) {
  mirror.transaction(() =>
    appendAudit(
      mirror,
      {
        actor,
        action,
        entity: 'close_item',
        entityId: 7,
        before: { status: 'pending' },
        after: { status: 'done' },
      },
      new Date('2025-11-03T09:00:00Z'),
    ),
  );
}

describe('the audit log as the window lists it', () => {
  it('names the actor apart from its role and kind, and keeps the record before and after', () => {
    mirror = openSmallSchool();
    record('close.sign');
    record('user.signIn', commandLineActor('deputy'));
    const [fromCommandLine, signed] = listAudit(mirror, everything);
    expect(signed?.actor).toEqual({ kind: 'person', name: deputy.name, role: 'deputy', place: null });
    expect(signed?.action).toBe('close.sign');
    expect(JSON.parse(signed?.before ?? 'null')).toEqual({ status: 'pending' });
    expect(JSON.parse(signed?.after ?? 'null')).toEqual({ status: 'done' });
    expect(fromCommandLine?.actor.kind).toBe('commandLine');
    expect(fromCommandLine?.actor.name).not.toContain('command line');
    expect(fromCommandLine?.actor.name).not.toContain(':');
  });

  it('names the PC a person acted from on the school network', () => {
    mirror = openSmallSchool();
    record('close.sign', { ...deputy, place: 'Орун басардын ПК' });
    const [fromPc] = listAudit(mirror, everything);
    expect(fromPc?.actor).toEqual({
      kind: 'person',
      name: deputy.name,
      role: 'deputy',
      place: 'Орун басардын ПК',
    });
  });

  it('finds entries by the actions and objects the window matched in the reader’s words', () => {
    mirror = openSmallSchool();
    record('close.sign');
    record('user.signIn');
    record('archive.add');
    const found = (query: Partial<AuditQuery>) =>
      listAudit(mirror, { ...everything, ...query }).map((row) => row.action);
    // "кол койду" matched close.sign in Kyrgyz: the stored id holds no such words.
    expect(found({ search: 'кол койду', actions: ['close.sign'] })).toEqual(['close.sign']);
    expect(found({ search: 'кол койду' })).toEqual([]);
    expect(found({ search: 'signIn' })).toEqual(['user.signIn']);
    expect(found({ search: 'пункт', entities: ['close_item'] })).toHaveLength(3);
  });
});
