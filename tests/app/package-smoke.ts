import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../support/temp-dir';

/**
 * Packaging smoke test without Electron's binary: electron-builder validates electron-builder.yml,
 * packs dist/ into app.asar with the production packages and writes app-update.yml. A placeholder
 * file stands in for Electron; the native rebuild is off (it needs Electron's headers).
 */
const root = path.resolve(import.meta.dirname, '../..');
const work = tempDir('moor-package-');
const electronDist = path.join(work, 'electron-dist');
fs.mkdirSync(electronDist);
// The placeholder carries Electron's fuse wire (sentinel, version 1, 8 fuses, Electron's defaults), so the
// smoke test also proves electron-builder flips the fuses electron-builder.yml asks for.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ELECTRON_DEFAULT_FUSES = '10110001';
fs.writeFileSync(
  path.join(electronDist, 'electron'),
  Buffer.concat([
    Buffer.from('#!/bin/sh\necho placeholder\n'),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, ELECTRON_DEFAULT_FUSES.length]),
    Buffer.from(ELECTRON_DEFAULT_FUSES),
  ]),
  { mode: 0o755 },
);
const output = path.join(work, 'release');

function fail(message: string): never {
  process.stderr.write(`package smoke FAILED: ${message}\n`);
  process.exit(1);
}

for (const bundle of [
  'dist/main/main.js',
  'dist/main/job-worker.js',
  'dist/main/print-worker.js',
  'dist/main/integrity-worker.js',
  'dist/preload/preload.cjs',
  'dist/renderer/index.html',
]) {
  if (!fs.existsSync(path.join(root, bundle))) fail(`${bundle} is missing: run npm run build first`);
}

execFileSync(
  path.join(root, 'node_modules/.bin/electron-builder'),
  [
    '--linux',
    '--dir',
    `-c.electronDist=${electronDist}`,
    '-c.npmRebuild=false',
    `-c.directories.output=${output}`,
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } },
);

const resources = path.join(output, 'linux-unpacked', 'resources');
const asar = path.join(resources, 'app.asar');
const updateConfig = path.join(resources, 'app-update.yml');
if (!fs.existsSync(asar)) fail(`no app.asar in ${resources}`);
if (!fs.existsSync(updateConfig)) fail(`no app-update.yml in ${resources}`);
for (const font of ['DejaVuSansCondensed.ttf', 'DejaVuSansCondensed-Bold.ttf']) {
  if (!fs.existsSync(path.join(resources, 'fonts', font)))
    fail(`the printing font ${font} is not in ${resources}/fonts`);
}
const update = fs.readFileSync(updateConfig, 'utf8');
if (!update.includes('provider: generic')) fail(`app-update.yml is not a generic provider:\n${update}`);

const listing = execFileSync(path.join(root, 'node_modules/.bin/asar'), ['list', asar], { encoding: 'utf8' });
for (const needed of [
  '/dist/main/main.js',
  '/dist/main/job-worker.js',
  '/dist/main/print-worker.js',
  '/dist/main/integrity-worker.js',
  '/dist/preload/preload.cjs',
  '/dist/renderer/index.html',
  '/node_modules/better-sqlite3/package.json',
  '/node_modules/zod/package.json',
]) {
  if (!listing.split('\n').includes(needed)) fail(`app.asar lacks ${needed}`);
}
if (listing.includes('/node_modules/@mantine/')) fail('app.asar carries renderer-only packages');
if (!fs.existsSync(path.join(resources, 'app.asar.unpacked/node_modules/better-sqlite3'))) {
  fail('better-sqlite3 is not unpacked from the asar (its native module cannot load from inside it)');
}
// runAsNode off, cookie encryption on, NODE_OPTIONS off, --inspect off, asar integrity on, only the asar,
// V8 snapshot as Electron ships it, no extra file:// privileges.
const binary = fs.readFileSync(path.join(output, 'linux-unpacked', 'moor'));
const wireAt = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length + 2;
const wire = binary.subarray(wireAt, wireAt + ELECTRON_DEFAULT_FUSES.length).toString();
if (wire !== '01001100') fail(`fuses not set as configured: wire ${wire}, expected 01001100`);
const sizeMb = (fs.statSync(asar).size / 1e6).toFixed(1);
process.stdout.write(
  `package smoke OK: app.asar ${sizeMb} MB, app-update.yml generic, fuses set, native module unpacked (${output})\n`,
);
