import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
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
  'dist/main/cli.js',
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

// The Windows build as electron-builder.yml describes it (an NSIS build needs Windows or wine, so
// its configuration is checked here and the installer is built on the release machine).
interface BuilderConfig {
  win?: { target?: { target: string; arch?: string[] }[]; extraFiles?: { from: string; to: string }[] };
  nsis?: { perMachine?: boolean; oneClick?: boolean; include?: string; unicode?: boolean };
  publish?: { provider: string; publisherName?: string[] }[];
}
const config = load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const nsisTarget = config.win?.target?.find((t) => t.target === 'nsis');
if (!nsisTarget?.arch?.includes('x64') || !nsisTarget.arch.includes('ia32'))
  fail('the Windows installer must carry x64 and ia32 (docs/windows.md)');
if (config.nsis?.perMachine !== false)
  fail('the installer must install per user without administrator rights');
if (config.nsis.unicode === false) fail('the installer must be Unicode (Kyrgyz and Russian messages)');
const include = config.nsis.include;
if (include === undefined) fail('nsis.include names no script: Windows older than 10 would not be refused');
const script = fs.readFileSync(path.join(root, include), 'utf8');
for (const needed of ['${AtLeastWin10}', 'Windows 10 же андан жаңы', 'Windows 10 или новее', 'Quit']) {
  if (!script.includes(needed)) fail(`${include} lacks ${needed}`);
}
if (!script.startsWith('\uFEFF'))
  fail(`${include} must be UTF-8 with a BOM, or NSIS reads its Cyrillic as ANSI`);
const cliWrapper = config.win?.extraFiles?.find((f) => f.to === 'moor-cli.cmd');
if (!cliWrapper || !fs.readFileSync(path.join(root, cliWrapper.from), 'utf8').includes('moor.exe" --cli %*'))
  fail('moor-cli.cmd does not run moor.exe --cli beside the app');
if (!config.publish?.[0]?.publisherName?.length)
  fail('no publisherName: Windows updates would not be verified');
if (!update.includes('publisherName')) fail(`app-update.yml carries no publisherName:\n${update}`);

// The command line shipped in the app, run as the installed app runs it: from the unpacked files,
// here with Node since Electron cannot run on this machine (better-sqlite3 is unpacked for Node here).
const unpacked = path.join(work, 'app');
execFileSync(path.join(root, 'node_modules/.bin/asar'), ['extract', asar, unpacked]);
const cliEntry = path.join(unpacked, 'dist', 'main', 'cli.js');
if (!fs.existsSync(cliEntry)) fail('the packaged app has no dist/main/cli.js');
const school = path.join(work, 'Айгүл Асанова', 'Мөөр');
fs.mkdirSync(school, { recursive: true });
const db = path.join(school, 'moor.sqlite');
const passFile = path.join(school, 'pass.txt');
fs.writeFileSync(passFile, 'a long school passphrase\n');
const moor = (...args: string[]) =>
  execFileSync(process.execPath, [cliEntry, ...args], {
    encoding: 'utf8',
    env: { ...process.env, MOOR_LOG_DIR: path.join(school, 'logs') },
  });
const version = moor('--version').trim();
if (
  version !==
  (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version
)
  fail(`the packaged CLI says version ${version}`);
moor('demo-school', '--size', 'small', '--db', db);
moor(
  'setup',
  ...['--db', db, '--school-ky', 'Мектеп', '--school-ru', 'Школа', '--year', '2025-2026'],
  ...['--passphrase-file', passFile, '--admin-login', 'it', '--admin-name', 'Асанов Бакыт'],
  ...['--admin-password-file', passFile],
);
const info = JSON.parse(moor('info', '--db', db, '--json')) as { tables: { table: string; rows: number }[] };
const students = info.tables.find((t) => t.table === 'student')?.rows ?? 0;
if (students === 0) fail('the packaged CLI info found no students');
const drive = path.join(work, 'USB диск');
fs.mkdirSync(drive);
moor('backup', '--db', db, '--to', drive, '--passphrase-file', passFile);
const backups = fs.readdirSync(drive).filter((name) => name.startsWith('moor-backup-'));
if (backups.length !== 1) fail(`the packaged CLI backup wrote ${backups.length} backups to ${drive}`);
if (!fs.readFileSync(path.join(school, 'logs', 'moor.log'), 'utf8').includes('cli backup exited 0'))
  fail('the packaged CLI did not log its backup');

const sizeMb = (fs.statSync(asar).size / 1e6).toFixed(1);
process.stdout.write(
  `package smoke OK: app.asar ${sizeMb} MB, app-update.yml generic with publisherName, fuses set, native module unpacked; ` +
    `Windows config (NSIS x64+ia32, per user, Windows 10 check); packaged CLI ran info (${students} students) and backup (${output})\n`,
);
