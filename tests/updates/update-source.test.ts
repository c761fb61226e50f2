import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOfflineUpdate } from '../../src/core/updates/offline-update';
import { parseUpdateSource } from '../../src/core/updates/update-source';
import { compareVersions } from '../../src/core/updates/version-order';
import { tempDir } from '../support/temp-dir';

describe('the update address', () => {
  it.each([
    ['http://updates.school.kg/moor/', 'only https://'],
    ['file:///C:/updates/', 'only https://'],
    ['javascript:alert(1)', 'only https://'],
    ['data:text/plain,x', 'only https://'],
    ['ftp://updates.school.kg/', 'only https://'],
    ['https://it:secret@updates.school.kg/', 'user name or password'],
    ['updates.school.kg/moor', 'give an https:// address'],
    ['..\\updates', 'give an https:// address'],
    ['C:\\updates\\..\\Windows', 'without ".."'],
    ['   ', 'empty'],
  ])('refuses %s', (value, why) => {
    let thrown: unknown = null;
    try {
      parseUpdateSource(value);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'UPDATE_SOURCE_INVALID' });
    expect(String(thrown)).toContain(why);
  });

  it('accepts the school’s https server and a folder or a USB drive', () => {
    expect(parseUpdateSource('https://updates.school.kg/moor')).toEqual({
      kind: 'https',
      url: 'https://updates.school.kg/moor/',
    });
    expect(parseUpdateSource('E:\\Мөөр жаңыртуу')).toEqual({ kind: 'folder', path: 'E:\\Мөөр жаңыртуу' });
    expect(parseUpdateSource('\\\\server\\share\\moor')).toEqual({
      kind: 'folder',
      path: '\\\\server\\share\\moor',
    });
    expect(parseUpdateSource('/media/usb/moor')).toEqual({ kind: 'folder', path: '/media/usb/moor' });
  });

  it('orders versions', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBe(1);
    expect(compareVersions('1.0.0-beta.1', '1.0.0')).toBe(-1);
    expect(compareVersions('v1.2.3', '1.2.3')).toBe(0);
  });
});

/** An update folder as a release leaves it: the installer and electron-builder's latest.yml. */
function updateFolder(version: string, installer = Buffer.from('MZ… installer bytes')) {
  const dir = tempDir();
  const name = `moor-${version}-win-x64.exe`;
  fs.writeFileSync(path.join(dir, name), installer);
  const sha512 = createHash('sha512').update(installer).digest('base64');
  fs.writeFileSync(
    path.join(dir, 'latest.yml'),
    [
      `version: ${version}`,
      'files:',
      `  - url: ${name}`,
      `    sha512: ${sha512}`,
      `    size: ${installer.length}`,
      `path: ${name}`,
      `sha512: ${sha512}`,
      "releaseDate: '2026-12-01T10:00:00.000Z'",
    ].join('\n'),
  );
  return { dir, installer: path.join(dir, name) };
}

describe('an offline update from a folder', () => {
  it('reads a newer version whose installer matches latest.yml', async () => {
    const { dir, installer } = updateFolder('0.2.0');
    await expect(readOfflineUpdate(dir, '0.1.0', 'latest.yml')).resolves.toEqual({
      version: '0.2.0',
      installer,
    });
    await expect(readOfflineUpdate(dir, '0.2.0', 'latest.yml')).resolves.toBeNull();
  });

  it('refuses an installer that is not the file latest.yml describes', async () => {
    const { dir, installer } = updateFolder('0.2.0');
    const bytes = fs.readFileSync(installer);
    bytes[0] = bytes[0] === undefined ? 0 : bytes[0] ^ 1;
    fs.writeFileSync(installer, bytes);
    await expect(readOfflineUpdate(dir, '0.1.0', 'latest.yml')).rejects.toMatchObject({
      code: 'UPDATE_CHECKSUM_MISMATCH',
    });
  });

  it('names what is missing or wrong', async () => {
    const empty = tempDir();
    await expect(readOfflineUpdate(path.join(empty, 'nope'), '0.1.0', 'latest.yml')).rejects.toMatchObject({
      code: 'UPDATE_FOLDER_MISSING',
    });
    await expect(readOfflineUpdate(empty, '0.1.0', 'latest.yml')).rejects.toMatchObject({
      code: 'UPDATE_MANIFEST_MISSING',
    });
    const { dir, installer } = updateFolder('0.3.0');
    fs.rmSync(installer);
    await expect(readOfflineUpdate(dir, '0.1.0', 'latest.yml')).rejects.toMatchObject({
      code: 'UPDATE_FILE_MISSING',
    });
    fs.writeFileSync(
      path.join(dir, 'latest.yml'),
      'version: 0.3.0\npath: ../../Windows/evil.exe\nsha512: x\n',
    );
    await expect(readOfflineUpdate(dir, '0.1.0', 'latest.yml')).rejects.toMatchObject({
      code: 'UPDATE_MANIFEST_INVALID',
    });
    fs.writeFileSync(path.join(dir, 'latest.yml'), '- just a list');
    await expect(readOfflineUpdate(dir, '0.1.0', 'latest.yml')).rejects.toMatchObject({
      code: 'UPDATE_MANIFEST_INVALID',
    });
  });
});
