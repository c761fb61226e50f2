import fs from 'node:fs';
import path from 'node:path';
import { createAppService } from '../../core/app/service';
import { openMirror } from '../../core/db/mirror';
import { MoorError } from '../../core/errors';
import { getSetting } from '../../core/settings/app-settings';
import { startHost } from '../../network/host-server';
import { parseListen } from '../../network/listen-address';
import { showPairingCode } from '../../network/pairing-code';
import { parseFlags, requireFlag } from '../args';
import type { CliCommand } from '../command';

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: "Share the school's Мөөр on the network: the other PCs and browsers connect to it",
  usage: [
    'Usage: npm run moor -- serve --db FILE --listen ADDRESS:PORT [--renderer DIR]',
    '',
    '  --db FILE              the mirror to share (set up first with `setup`)',
    '  --listen ADDRESS:PORT  where to answer: 0.0.0.0:8443 for every network of this PC',
    '  --renderer DIR         the built window for browsers (default dist/renderer)',
    '',
    "Prints the address, the certificate's fingerprint and the pairing code the other PCs type,",
    'then answers until stopped (Ctrl+C, or the service manager). See docs/network.md.',
  ].join('\n'),
  async run(args, io) {
    const { values } = parseFlags(args, {
      db: { type: 'string' },
      listen: { type: 'string' },
      renderer: { type: 'string' },
    });
    const listen = parseListen(requireFlag(values.listen, 'listen'));
    const mirror = openMirror(requireFlag(values.db, 'db'));
    if (!getSetting(mirror, 'setupDone')) {
      mirror.close();
      throw new MoorError('SETUP_NEEDED', 'Set the school up first (`setup`); then share it.');
    }
    const rendererDir = path.resolve(values.renderer ?? 'dist/renderer');
    const service = createAppService({ mirror });
    const host = await startHost({ service, ...listen, rendererDir });
    io.out(`Мөөр is shared at https://${listen.hostname}:${host.port}/`);
    io.out(`Certificate fingerprint (SHA-256): ${host.fingerprint}`);
    io.out(`Pairing code: ${showPairingCode(host.clients.pairingCode)}`);
    if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
      io.err(`No built window in ${rendererDir}: browsers get nothing until \`npm run build:renderer\`.`);
    }
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await host.stop();
    await service.context.jobs.stopAll();
    service.context.mirror.close();
    io.out('Sharing stopped.');
    return 0;
  },
};
