import type { Block, DocumentSpec, Section } from './model';
import type { Page } from './page';
import { countedNoun, type NounForms } from '../words/counted-noun';

/**
 * Words that name pages before the pages exist: the contents table's "pages 3–6" and the
 * certification's sheet count. A builder writes a reference; once the document is laid out,
 * the reference is replaced by the number, in the placed text of the PDF and in the cells of the
 * XLSX alike. References are written in left-aligned text, so the shorter number keeps its place.
 */
const REFERENCE = /\{pages:(\d+)-(\d+)\}|\{sheets:([^|}]+)\|([^|}]+)\|([^|}]+)\}/g;

/** The pages from the first of section `from` to the last of section `to`: "3–6", or "3". */
export function pagesOfSections(from: number, to: number): string {
  return `{pages:${from}-${to}}`;
}

/**
 * The number of pages of the whole copy (printed on one side: one sheet each) with its noun
 * agreed with it, as the edition writes it ("43 листа").
 */
export function countedSheets(noun: NounForms): string {
  return `{sheets:${noun.one}|${noun.few}|${noun.many}}`;
}

function resolver(pages: readonly Page[]): (text: string) => string {
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  pages.forEach((page, i) => {
    if (!first.has(page.sectionIndex)) first.set(page.sectionIndex, i + 1);
    last.set(page.sectionIndex, i + 1);
  });
  return (text) =>
    text.replace(
      REFERENCE,
      (whole, from?: string, to?: string, one?: string, few?: string, many?: string) => {
        if (one !== undefined && few !== undefined && many !== undefined)
          return countedNoun(pages.length, { one, few, many });
        if (from === undefined || to === undefined) return whole;
        const start = first.get(Number(from));
        const end = last.get(Number(to));
        if (start === undefined || end === undefined) return whole;
        return start === end ? String(start) : `${start}–${end}`;
      },
    );
}

/** Replaces the references in the laid-out pages. */
export function resolvePlacedReferences(pages: Page[]): void {
  const resolve = resolver(pages);
  for (const page of pages)
    page.texts.forEach((text, i) => {
      if (text.text.includes('{')) page.texts[i] = { ...text, text: resolve(text.text) };
    });
}

/** The spec with its references replaced, for the workbook that has no pages of its own. */
export function resolveSpecReferences(spec: DocumentSpec, pages: readonly Page[]): DocumentSpec {
  const resolve = resolver(pages);
  const block = (b: Block): Block => {
    if (b.kind === 'text') return { ...b, text: resolve(b.text) };
    if (b.kind === 'table')
      return {
        ...b,
        rows: b.rows.map((row) =>
          row.map((cell) =>
            typeof cell.value === 'string' ? { ...cell, value: resolve(cell.value) } : cell,
          ),
        ),
      };
    return b;
  };
  const section = (s: Section): Section => ({ ...s, blocks: s.blocks.map(block) });
  return { ...spec, sections: spec.sections.map(section) };
}
