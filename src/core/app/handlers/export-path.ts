import fs from 'node:fs';
import path from 'node:path';
import { MoorError } from '../../errors';

/**
 * Where the window asks for an export (a report, a register) to be written, checked before any
 * work is done. Each fault has its own code and names the form's field, so the form says what to fix.
 */

/** The folder must be there already: a typo must not make a new folder somewhere. */
export function assertExportFolder(folder: string, field: string): void {
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new MoorError('EXPORT_NO_FOLDER', `There is no folder ${folder}.`, { field, folder });
  }
}

/** A file to write: a full path, in a folder that is there, ending in one of `formats`; its format. */
export function exportFileFormat<Format extends string>(
  file: string,
  formats: readonly Format[],
  field: string,
): Format {
  if (!path.isAbsolute(file)) {
    throw new MoorError('EXPORT_RELATIVE_PATH', `${file}: give the full path of the file to write.`, {
      field,
    });
  }
  const format = fileFormat(file, formats);
  if (format === undefined) {
    const endings = formats.map((f) => `.${f}`).join(' or ');
    throw new MoorError('EXPORT_WRONG_EXTENSION', `${file}: the file name must end in ${endings}.`, {
      field,
      expected: formats,
    });
  }
  assertExportFolder(path.dirname(file), field);
  return format;
}

/** Which of `formats` a file name's ending names (case aside); the command line checks its --out with it too. */
export function fileFormat<Format extends string>(
  file: string,
  formats: readonly Format[],
): Format | undefined {
  const extension = path.extname(file).slice(1).toLowerCase();
  return formats.find((f) => f === extension);
}
