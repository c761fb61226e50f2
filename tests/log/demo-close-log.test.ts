import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runDemoClose } from '../../src/cli/demo-close';
import { createAppService } from '../../src/core/app/service';
import { openMirror } from '../../src/core/db/mirror';
import { createDemoSchool } from '../../src/core/demo/create-demo-school';
import { closeLog, LOG_FILE, openLog } from '../../src/core/log/log';
import { SETUP } from '../app/fixture';
import { captureIo } from '../cli/capture-io';
import { tempDir } from '../support/temp-dir';

afterEach(() => {
  closeLog();
});

describe('the log of a whole demo close', () => {
  it('tells what happened and holds no password, passphrase, token or personal number', async () => {
    const dir = tempDir();
    const logs = path.join(dir, 'logs');
    openLog(logs);
    const mirror = openMirror(path.join(dir, 'mirror.sqlite'), { create: true });
    createDemoSchool(mirror, { size: 'small' });
    const service = createAppService({ mirror });
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZWFjaGVyIn0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg';
    const setup = await service.invoke('it', 'setup.complete', { ...SETUP, kundolukToken: token });
    expect(setup.ok).toBe(true);
    // A wrong password and a bad token are refused: the refusals are logged, the secrets are not.
    await service.invoke('it', 'auth.signIn', { login: 'admin', password: 'not-the-admin-password' });
    await service.invoke('it', 'auth.signIn', { login: 'admin', password: SETUP.admin.password });
    await service.invoke('it', 'settings.update', {
      defaultLanguage: 'ky',
      documentLanguage: 'ky',
      idleMinutes: 10,
      updateUrl: null,
      kundoluk: { mode: 'api', url: 'https://kundoluk.edu.gov.kg/', login: 'school1' },
      kundolukToken: token,
    });
    const io = captureIo();
    await runDemoClose(mirror, { outDir: dir, passphrase: SETUP.backupPassphrase }, io);

    const text = fs.readFileSync(path.join(logs, LOG_FILE), 'utf8');
    // The close is in the log, step by step.
    for (const step of [
      'audit close.start',
      'audit close.complete',
      'setup.complete',
      'command auth.signIn refused',
    ]) {
      expect(text).toContain(step);
    }
    const secrets = [
      SETUP.backupPassphrase,
      SETUP.admin.password,
      'not-the-admin-password',
      token,
      ...mirror.sqlite
        .prepare<[], { secret: string }>(
          `SELECT kundoluk_pin AS secret FROM student WHERE kundoluk_pin IS NOT NULL
           UNION ALL SELECT kundoluk_pin FROM staff WHERE kundoluk_pin IS NOT NULL
           UNION ALL SELECT password_hash FROM app_user
           UNION ALL SELECT value_json FROM app_setting WHERE key = 'backupPassphraseVerifier'`,
        )
        .all()
        .map((row) => row.secret),
    ];
    expect(secrets.length).toBeGreaterThan(50);
    const found = secrets.filter((secret) => text.includes(secret));
    expect(found).toEqual([]);
    expect(text).not.toMatch(/(?<!\d)\d{14}(?!\d)/);
    mirror.close();
  }, 120_000);
});
