import fs from 'node:fs';
import { MoorError } from '../core/errors';

/**
 * The backup passphrase from its file, the same for every command: it never shows in the process
 * list or the shell history. Only the line ending an editor adds is dropped; spaces are part of a
 * passphrase as the setup form took it, so they stay.
 */
export function readPassphraseFile(file: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new MoorError('PASSPHRASE_FILE', `Cannot read the passphrase file ${file}.`, { file });
  }
  const passphrase = text.replace(/[\r\n]+$/, '');
  if (passphrase === '')
    throw new MoorError('PASSPHRASE_FILE', `The passphrase file ${file} is empty.`, { file });
  return passphrase;
}
