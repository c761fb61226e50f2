import type { Language } from '../../db/schema';
import type {
  ChecklistWords,
  DocumentLabels,
  PrintedWords,
  RegisterWords,
  ReprintWords,
  SignatureSheetWords,
} from './catalog';
import { ky } from './ky';
import { ru } from './ru';

export type {
  ChecklistWords,
  DocumentLabels,
  PrintedWords,
  RegisterColumns,
  RegisterWords,
  ReprintWords,
  SignatureSheetWords,
} from './catalog';

const editions: Readonly<Record<Language, PrintedWords>> = { ky, ru };

/** The printed words of one edition. */
export function printedWords(language: Language): PrintedWords {
  return editions[language];
}

export function documentLabels(language: Language): DocumentLabels {
  return printedWords(language).document;
}

export function checklistWords(language: Language): ChecklistWords {
  return printedWords(language).checklist;
}

export function registerWords(language: Language): RegisterWords {
  return printedWords(language).registers;
}

export function signatureSheetWords(language: Language): SignatureSheetWords {
  return printedWords(language).signatureSheet;
}

export function reprintWords(language: Language): ReprintWords {
  return printedWords(language).reprint;
}
