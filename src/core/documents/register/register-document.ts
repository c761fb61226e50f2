import { anchorLine } from '../anchor-line';
import { documentLabels } from '../words';
import type { Align, CellValue, DocumentSpec, Orientation } from '../layout/model';
import { fingerprintOf, shortHash } from '../short-hash';
import { writePdf, writeXlsx } from '../write-document';

/**
 * A printable register (archive register, backup register, hand-over log): a title, a table
 * and the signatures under it. `renderRegisterPdf` / `renderRegisterXlsx` print it with the same
 * machinery as the class copies: A4, columns sized by weight across the page, long text wrapped,
 * header repeated on every page, "page n of N", the id, a short content hash and a QR code on
 * every page, and byte-identical files for the same layout (the only date is `createdAt`).
 *
 * Example:
 *   await renderRegisterPdf({
 *     id: 'REG-ARCHIVE-2025', language: 'ky', createdAt: '2026-06-01T09:00:00.000Z',
 *     title: 'Архивдик реестр', subtitle: ['№ 95 гимназия', '2025–2026 окуу жылы'],
 *     orientation: 'landscape',
 *     columns: [{ header: '№', weight: 1, align: 'center' }, { header: 'Документ', weight: 6 }],
 *     rows: [[1, 'Q1-2025-8А-ky-…']],
 *     signatures: [{ role: 'Катчы', name: 'Асанова А. Б.' }],
 *   }, '/out/archive-register.pdf');
 */
export interface RegisterLayout {
  /** Printed on every page and in the QR code: the register's document id. */
  readonly id: string;
  readonly language: 'ky' | 'ru';
  /** ISO instant: the date of the document record (the files carry no other date). */
  readonly createdAt: string;
  readonly title: string;
  readonly subtitle?: readonly string[];
  readonly orientation?: Orientation;
  /** Widths are relative weights across the printable width. */
  readonly columns: readonly { readonly header: string; readonly weight: number; readonly align?: Align }[];
  /** One array per row, one value per column; numbers stay numbers in the XLSX. */
  readonly rows: readonly (readonly CellValue[])[];
  /** Signatures under the table (role, the name that decodes the signature, a date line unless `withDate: false`). */
  readonly signatures?: readonly {
    readonly role: string;
    readonly name: string;
    readonly withDate?: boolean;
    readonly seal?: boolean;
  }[];
  /** The audit chain's head when the register is printed ("123:0f3a…"), under the table. */
  readonly auditHead?: string | null;
}

export interface RenderedRegister {
  readonly path: string;
  readonly sha256: string;
  readonly pages: number;
  /** The hash printed on the pages: a fingerprint of the layout's content. */
  readonly shortHash: string;
}

export function registerSpec(layout: RegisterLayout): DocumentSpec {
  const labels = documentLabels(layout.language);
  const totalWeight = layout.columns.reduce((sum, c) => sum + c.weight, 0) || 1;
  return {
    id: layout.id,
    shortHash: shortHash(fingerprintOf(layout)),
    title: layout.title,
    language: layout.language,
    createdAt: layout.createdAt,
    pageLabel: labels.pageLabel,
    sections: [
      {
        sheetName: layout.title,
        orientation: layout.orientation ?? 'landscape',
        pageHeader: [layout.title, ...(layout.subtitle ?? [])],
        blocks: [
          {
            kind: 'table',
            fontSize: 8,
            minFontSize: 6,
            columns: layout.columns.map((c) => ({
              header: c.header,
              width: 0,
              grow: (c.weight / totalWeight) * 100,
              align: c.align ?? 'left',
            })),
            rows: layout.rows.map((row) => layout.columns.map((_, i) => ({ value: row[i] ?? null }))),
          },
          ...(layout.signatures && layout.signatures.length > 0
            ? [
                { kind: 'space' as const, height: 14 },
                {
                  kind: 'signatures' as const,
                  size: 9,
                  captions: labels.captions,
                  signatures: layout.signatures.map((s) => ({
                    role: s.role,
                    name: s.name,
                    withDate: s.withDate ?? true,
                    ...(s.seal === true ? { seal: labels.seal } : {}),
                  })),
                },
              ]
            : []),
          ...anchorLine(labels, layout.auditHead),
        ],
      },
    ],
  };
}

export async function renderRegisterPdf(layout: RegisterLayout, target: string): Promise<RenderedRegister> {
  const spec = registerSpec(layout);
  const written = await writePdf(spec, target);
  return { ...written, shortHash: spec.shortHash };
}

export async function renderRegisterXlsx(
  layout: RegisterLayout,
  target: string,
): Promise<Omit<RenderedRegister, 'pages'>> {
  const spec = registerSpec(layout);
  const written = await writeXlsx(spec, target);
  return { ...written, shortHash: spec.shortHash };
}

/** A register in the format the file's name asks for (the caller has checked it is one of these). */
export function renderRegister(
  layout: RegisterLayout,
  target: string,
  format: 'pdf' | 'xlsx',
): Promise<Omit<RenderedRegister, 'pages'>> {
  return format === 'pdf' ? renderRegisterPdf(layout, target) : renderRegisterXlsx(layout, target);
}
