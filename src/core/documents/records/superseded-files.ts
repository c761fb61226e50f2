import fs from 'node:fs';
import path from 'node:path';
import { printedDateTime } from '../format-date';
import { reprintReasonLines } from '../class-copy/print-particulars';
import { reprintWords } from '../words';
import { writeAtomically } from '../write-document';
import type { DocumentRecord } from './document-store';
import { parseReprintReason } from './reprint-reason';

/** Where a replaced copy's files went, and how to put them back if recording the new copy fails. */
export interface MovedAside {
  readonly pdfPath: string;
  readonly xlsxPath: string | null;
  readonly notePath: string;
  undo(): void;
}

/**
 * Moves a replaced copy's files into `superseded/` beside them and leaves a note there, in the
 * copy's language, saying which copy replaced it, when and why: the archive keeps every print,
 * and no one picks up the old paper as the one in force. A file no longer on disk stays recorded
 * where it was.
 */
export function moveSupersededAside(old: DocumentRecord, replacement: DocumentRecord): MovedAside {
  const folder = path.join(path.dirname(old.pdf_path), 'superseded');
  fs.mkdirSync(folder, { recursive: true });
  const moves: { from: string; to: string }[] = [];
  const move = (from: string): string => {
    if (!fs.existsSync(from)) return from;
    const to = path.join(folder, path.basename(from));
    fs.renameSync(from, to);
    moves.push({ from, to });
    return to;
  };
  const notePath = path.join(folder, `${old.id}.superseded.txt`);
  try {
    const pdfPath = move(old.pdf_path);
    const xlsxPath = old.xlsx_path === null ? null : move(old.xlsx_path);
    writeAtomically(notePath, Buffer.from(supersededNote(old, replacement), 'utf8'));
    return {
      pdfPath,
      xlsxPath,
      notePath,
      undo: () => {
        undo(moves, notePath);
      },
    };
  } catch (error) {
    undo(moves, notePath);
    throw error;
  }
}

function undo(moves: readonly { from: string; to: string }[], notePath: string): void {
  for (const { from, to } of [...moves].reverse()) fs.renameSync(to, from);
  fs.rmSync(notePath, { force: true });
}

function supersededNote(old: DocumentRecord, replacement: DocumentRecord): string {
  const words = reprintWords(old.language);
  const reason = parseReprintReason(replacement.replaces_json);
  const lines = [
    words.supersededTitle,
    '',
    words.supersededBy(old.id, replacement.id, printedDateTime(replacement.created_at)),
    ...(reason === null ? [] : [reprintReasonLines(old.language, reason)[1]]),
    '',
    words.supersededKept,
  ];
  // A byte-order mark and CRLF: Windows Notepad on the school's PC shows the Cyrillic text right.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
