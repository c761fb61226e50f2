import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../src/core/auth/users';
import { printClassCopy } from '../../src/core/documents';
import type { InputOf } from '../../src/shared/contract';
import { pdfPagesText, squash } from '../documents/helpers';
import { tempDir } from '../support/temp-dir';
import { callAs, refusalAs, SETUP, setUpApp, type AppFixture } from './fixture';

let app: AppFixture<'deputy'>;
beforeAll(async () => {
  app = await setUpApp({ school: 'demo-small', roles: ['deputy'] });
});
afterAll(async () => {
  await app.close();
});

type School = InputOf<'settings.updateSchool'>['school'];

const corrected: School = {
  nameKy: 'Кара-Балта шаарындагы № 1 орто мектеп',
  nameRu: 'Средняя школа № 1 г. Кара-Балта',
  addressKy: 'Кара-Балта ш., Ленин көч., 12',
  addressRu: 'г. Кара-Балта, ул. Ленина, 12',
};

const schoolRow = () =>
  app.mirror.sqlite.prepare('SELECT name_ky, name_ru, address_ky, address_ru FROM school').all();
const auditLines = () =>
  app.mirror.sqlite
    .prepare("SELECT actor, before_json, after_json FROM audit_log WHERE action = 'settings.school'")
    .all() as { actor: string; before_json: string; after_json: string }[];
const update = (school: School) =>
  callAs(app.service, app.users.admin, app.clock(), 'settings.updateSchool', { school });

describe("the school's names and addresses in the settings", () => {
  it('are refused to anyone but the admin, and changed nothing', async () => {
    const before = schoolRow();
    const refused = await refusalAs(app.service, app.users.deputy, app.clock(), 'settings.updateSchool', {
      school: corrected,
    });
    expect(refused.code).toBe('FORBIDDEN');
    expect(schoolRow()).toEqual(before);
    expect(auditLines()).toEqual([]);
  });

  it('refuse a name too short or an address too long, naming the field; nothing changes', async () => {
    const before = schoolRow();
    const refusal = (school: School) =>
      refusalAs(app.service, app.users.admin, app.clock(), 'settings.updateSchool', { school });
    expect(await refusal({ ...corrected, nameKy: '  М ' })).toMatchObject({
      code: 'BAD_INPUT',
      details: { field: 'school.nameKy' },
    });
    expect(await refusal({ ...corrected, nameRu: 'Ш'.repeat(201) })).toMatchObject({
      code: 'BAD_INPUT',
      details: { field: 'school.nameRu' },
    });
    expect(await refusal({ ...corrected, addressRu: 'у'.repeat(301) })).toMatchObject({
      code: 'BAD_INPUT',
      details: { field: 'school.addressRu' },
    });
    expect(schoolRow()).toEqual(before);
    expect(auditLines()).toEqual([]);
  });

  it('are corrected by the admin, trimmed, shown in the settings and audited with before and after', async () => {
    const view = await update({ ...corrected, nameKy: `  ${corrected.nameKy}  ` });
    expect(view.school).toEqual(corrected);
    const read = await callAs(app.service, app.users.deputy, app.clock(), 'settings.get', {});
    expect(read.school).toEqual(corrected);
    expect(schoolRow()).toEqual([
      {
        name_ky: corrected.nameKy,
        name_ru: corrected.nameRu,
        address_ky: corrected.addressKy,
        address_ru: corrected.addressRu,
      },
    ]);
    const [line, ...more] = auditLines();
    expect(more).toEqual([]);
    expect(line?.actor).toContain(SETUP.admin.fullName);
    expect(JSON.parse(line?.before_json ?? 'null')).toEqual(SETUP.school);
    expect(JSON.parse(line?.after_json ?? 'null')).toEqual(corrected);
    const verified = await callAs(app.service, app.users.admin, app.clock(), 'audit.verify', {});
    const done = await app.service.context.jobs.settled(verified.id, actorOf(app.users.admin));
    expect(done.state).toBe('done');
  });

  it('a copy printed before a rename keeps its bytes; printing the class again makes a new copy', async () => {
    const classId = (
      app.mirror.sqlite.prepare("SELECT id FROM class WHERE grade = 8 AND letter = 'А'").get() as {
        id: number;
      }
    ).id;
    const periodId = (
      app.mirror.sqlite
        .prepare("SELECT id FROM reporting_period WHERE kind = 'quarter' AND number = 1")
        .get() as { id: number }
    ).id;
    const print = () =>
      printClassCopy(app.mirror, {
        classId,
        periodId,
        language: 'ky',
        outDir: tempDir(),
        actor: actorOf(app.users.deputy),
        clock: app.clock,
      });
    const first = await print();
    const firstPdf = fs.readFileSync(first.pdfPath);
    expect(squash(pdfPagesText(first.pdfPath)[0] ?? '')).toContain(corrected.nameKy);

    const renamed = 'Кара-Балта шаарындагы Токтогул атындагы № 1 орто мектеп';
    await update({ ...corrected, nameKy: renamed });
    const again = await print();
    expect(again.reprint).toBe(false);
    expect(again.documentId).not.toBe(first.documentId);
    expect(again.supersededDocumentId).toBe(first.documentId);
    expect(again.dataFingerprint).not.toBe(first.dataFingerprint);
    expect(squash(pdfPagesText(again.pdfPath)[0] ?? '')).toContain(renamed);
    // The earlier copy's record still matches the paper printed under its id.
    const recorded = app.mirror.sqlite
      .prepare('SELECT sha256, superseded_by FROM document WHERE id = ?')
      .get(first.documentId) as { sha256: string; superseded_by: string | null };
    expect(recorded).toEqual({ sha256: first.sha256, superseded_by: again.documentId });
    const movedAside = path.join(path.dirname(first.pdfPath), 'superseded', path.basename(first.pdfPath));
    expect(fs.readFileSync(movedAside).equals(firstPdf)).toBe(true);
  });
});
