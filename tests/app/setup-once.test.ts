import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppService, type AppService } from '../../src/core/app/service';
import { openMirror } from '../../src/core/db/mirror';
import { SETUP } from './fixture';

let service: AppService | undefined;
afterEach(() => {
  service?.context.mirror.close();
  service = undefined;
});

describe('the first-run setup', () => {
  it('is done once: of two setups at the same time the second is refused and changes nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moor-'));
    service = createAppService({ mirror: openMirror(path.join(dir, 'mirror.sqlite'), { create: true }) });
    const second = {
      ...SETUP,
      admin: { ...SETUP.admin, login: 'intruder' },
      backupPassphrase: 'the intruder’s own',
    };
    const results = await Promise.all([
      service.invoke('first', 'setup.complete', SETUP),
      service.invoke('second', 'setup.complete', second),
    ]);
    // Either may come first; whichever does is the only one that counts.
    const outcome = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect([...outcome].sort()).toEqual(['SETUP_DONE', 'ok']);
    const winner = outcome[0] === 'ok' ? 'admin' : 'intruder';
    const { sqlite } = service.context.mirror;
    expect(sqlite.prepare('SELECT login FROM app_user').all()).toEqual([{ login: winner }]);
    expect(
      sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'setup.complete'").get(),
    ).toEqual({
      n: 1,
    });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
