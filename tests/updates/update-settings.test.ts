import { describe, expect, it } from 'vitest';
import { callAs, refusalAs, setUpApp } from '../app/fixture';

const settings = {
  defaultLanguage: 'ky' as const,
  documentLanguage: 'ky' as const,
  idleMinutes: 10,
  kundoluk: { mode: 'later' as const, url: null, login: null },
};

describe('the update address in the settings', () => {
  it('keeps an https server or a folder and refuses every other address, storing nothing', async () => {
    const app = await setUpApp({ roles: [] });
    const { admin } = app.users;
    const saved = await callAs(app.service, admin, app.clock(), 'settings.update', {
      ...settings,
      updateUrl: 'https://updates.school.kg/moor/',
    });
    expect(saved.updateUrl).toBe('https://updates.school.kg/moor/');
    for (const bad of ['http://updates.school.kg/', 'file:///srv/updates', 'javascript:alert(1)']) {
      const refusal = await refusalAs(app.service, admin, app.clock(), 'settings.update', {
        ...settings,
        updateUrl: bad,
      });
      expect(refusal).toMatchObject({ code: 'UPDATE_SOURCE_INVALID', details: { field: 'updateUrl' } });
    }
    const after = await callAs(app.service, admin, app.clock(), 'settings.get', {});
    expect(after.updateUrl).toBe('https://updates.school.kg/moor/');
    await callAs(app.service, admin, app.clock(), 'settings.update', { ...settings, updateUrl: 'D:\\Мөөр' });
    // Outside the installed app the updater says so instead of failing.
    await expect(callAs(app.service, admin, app.clock(), 'updates.check', {})).resolves.toMatchObject({
      result: 'not-installed',
    });
    await app.close();
  });
});
