import fs from 'node:fs';
import path from 'node:path';
import { MoorError } from '../../errors';
import { validateBundle, type ValidBundle } from './validate';

/** Reads and validates a bundle file; nothing is written anywhere. */
export function readBundleFile(file: string): ValidBundle {
  const name = path.basename(file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new MoorError('BUNDLE_UNREADABLE', `Cannot read ${file}: ${(error as Error).message}.`, { file });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new MoorError(
      'BUNDLE_NOT_JSON',
      `${name} is not a Мөөр bundle: it is not valid JSON (${(error as Error).message}).`,
      { file },
    );
  }
  return validateBundle(data, name);
}
