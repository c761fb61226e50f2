import fs from 'node:fs';
import path from 'node:path';
import { MoorError } from '../../errors';

/**
 * A PDF the app wrote into its own data folder (a class copy, the merged file for the print shop,
 * a signature tracker), read to be printed from the window. Nothing outside that folder and
 * nothing but a PDF is read: the window must not be a way to read any file on the PC.
 */
export function readPrintablePdf(dataDir: string, file: string): Buffer {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    throw new MoorError(
      'DOCUMENT_FILE_MISSING',
      `${file} is no longer where it was written; print it again.`,
      {
        path: file,
      },
    );
  }
  const relative = path.relative(fs.realpathSync(dataDir), real);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  if (!inside || path.extname(real).toLowerCase() !== '.pdf' || !fs.statSync(real).isFile()) {
    throw new MoorError(
      'DOCUMENT_NOT_PRINTABLE',
      `${file} is not a PDF this app wrote into its folder; only those are printed from the window.`,
      { path: file },
    );
  }
  return fs.readFileSync(real);
}
