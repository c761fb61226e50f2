import { zipArchive } from './zip-writer';

/**
 * The few SpreadsheetML parts a printed document needs (shared strings, a small style table,
 * worksheets with page setup, merged headers and footers), written directly. exceljs built an
 * object per cell and dominated the time of printing a whole school; this writes strings.
 */
export interface XlsxStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly border?: boolean;
  readonly fill?: boolean;
  readonly align?: 'left' | 'center' | 'right';
  readonly wrap?: boolean;
  /** An Excel number format such as '0.00'. */
  readonly numFmt?: string;
}

export type XlsxValue = string | number | null;

export interface XlsxCell {
  readonly value: XlsxValue;
  readonly style?: XlsxStyle;
}

export interface XlsxSheet {
  readonly name: string;
  readonly orientation: 'portrait' | 'landscape';
  /** Column widths in characters, from column A. */
  readonly widths: readonly number[];
  /** Rows from row 1; an empty array is an empty row. */
  readonly rows: readonly (readonly XlsxCell[])[];
  /** Merged ranges as [row, firstColumn, lastColumn] (1-based). */
  readonly merges: readonly (readonly [number, number, number])[];
  /** Excel footer codes, e.g. "&LId&CPage &P of &N". */
  readonly footer: string;
}

export interface XlsxWorkbook {
  readonly title: string;
  readonly subject: string;
  readonly creator: string;
  readonly createdAt: Date;
  readonly sheets: readonly XlsxSheet[];
}

export function xlsxPackage(workbook: XlsxWorkbook): Buffer {
  const strings = new StringTable();
  const styles = new StyleTable();
  const sheets = workbook.sheets.map((sheet) => worksheetXml(sheet, strings, styles));
  const part = (name: string, xml: string) => ({ name, data: Buffer.from(xml, 'utf8') });
  return zipArchive(
    [
      part('[Content_Types].xml', contentTypes(workbook.sheets.length)),
      part('_rels/.rels', rootRels),
      part('docProps/app.xml', appXml(workbook.creator)),
      part('docProps/core.xml', coreXml(workbook)),
      part('xl/workbook.xml', workbookXml(workbook.sheets)),
      part('xl/_rels/workbook.xml.rels', workbookRels(workbook.sheets.length)),
      part('xl/styles.xml', styles.xml()),
      part('xl/sharedStrings.xml', strings.xml()),
      ...sheets.map((xml, i) => part(`xl/worksheets/sheet${i + 1}.xml`, xml)),
    ],
    workbook.createdAt,
  );
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

// eslint-disable-next-line no-control-regex -- XML 1.0 cannot carry these control characters at all
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlText(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

class StringTable {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  private count = 0;

  id(text: string): number {
    this.count += 1;
    let id = this.index.get(text);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(text);
      this.index.set(text, id);
    }
    return id;
  }

  xml(): string {
    const items = this.list.map((t) => `<si><t xml:space="preserve">${xmlText(t)}</t></si>`).join('');
    return `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

class StyleTable {
  private readonly fonts = ['<font><sz val="10"/><name val="Arial"/><family val="2"/></font>'];
  private readonly numFmts: string[] = [];
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly xfIndex = new Map<string, number>([['{}', 0]]);

  /** Style objects are mostly shared between cells: look them up by identity before by content. */
  private readonly byObject = new Map<XlsxStyle, number>();

  id(style: XlsxStyle | undefined): number {
    if (!style) return 0;
    const known = this.byObject.get(style);
    if (known !== undefined) return known;
    const key = JSON.stringify(style);
    let id = this.xfIndex.get(key);
    if (id === undefined) {
      id = this.xfs.length;
      this.xfs.push(this.xf(style));
      this.xfIndex.set(key, id);
    }
    this.byObject.set(style, id);
    return id;
  }

  private xf(style: XlsxStyle): string {
    const fontXml =
      `<font>${style.bold ? '<b/>' : ''}${style.italic ? '<i/>' : ''}` +
      `<sz val="${style.size ?? 10}"/><name val="Arial"/><family val="2"/></font>`;
    let fontId = this.fonts.indexOf(fontXml);
    if (fontId < 0) fontId = this.fonts.push(fontXml) - 1;
    let numFmtId = 0;
    if (style.numFmt !== undefined) {
      let at = this.numFmts.indexOf(style.numFmt);
      if (at < 0) at = this.numFmts.push(style.numFmt) - 1;
      numFmtId = 164 + at;
    }
    const alignment =
      style.align !== undefined || style.wrap === true
        ? `<alignment${style.align ? ` horizontal="${style.align}"` : ''} vertical="center"${style.wrap ? ' wrapText="1"' : ''}/>`
        : '';
    return (
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${style.fill ? 2 : 0}" borderId="${style.border ? 1 : 0}" xfId="0"` +
      ` applyFont="1"${numFmtId ? ' applyNumberFormat="1"' : ''}${style.fill ? ' applyFill="1"' : ''}` +
      `${style.border ? ' applyBorder="1"' : ''}${alignment ? ` applyAlignment="1">${alignment}</xf>` : '/>'}`
    );
  }

  xml(): string {
    const numFmts = this.numFmts.length
      ? `<numFmts count="${this.numFmts.length}">${this.numFmts
          .map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xmlText(f)}"/>`)
          .join('')}</numFmts>`
      : '';
    const thin =
      '<left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>' +
      '<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/>';
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">${numFmts}` +
      `<fonts count="${this.fonts.length}">${this.fonts.join('')}</fonts>` +
      '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
      '<fill><patternFill patternType="solid"><fgColor rgb="FFE0E0E0"/><bgColor indexed="64"/></patternFill></fill></fills>' +
      `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${thin}</border></borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    );
  }
}

export function columnName(index: number): string {
  let name = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function worksheetXml(sheet: XlsxSheet, strings: StringTable, styles: StyleTable): string {
  const out: string[] = [
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`,
  ];
  if (sheet.widths.length > 0) {
    out.push('<cols>');
    sheet.widths.forEach((width, i) =>
      out.push(`<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`),
    );
    out.push('</cols>');
  }
  out.push('<sheetData>');
  sheet.rows.forEach((row, r) => {
    if (row.length === 0) return;
    out.push(`<row r="${r + 1}">`);
    row.forEach((cell, c) => {
      const ref = `${columnName(c + 1)}${r + 1}`;
      const s = styles.id(cell.style);
      const style = s === 0 ? '' : ` s="${s}"`;
      if (cell.value === null) {
        if (s !== 0) out.push(`<c r="${ref}"${style}/>`);
      } else if (typeof cell.value === 'number') {
        out.push(`<c r="${ref}"${style}><v>${cell.value}</v></c>`);
      } else {
        out.push(`<c r="${ref}"${style} t="s"><v>${strings.id(cell.value)}</v></c>`);
      }
    });
    out.push('</row>');
  });
  out.push('</sheetData>');
  if (sheet.merges.length > 0) {
    out.push(`<mergeCells count="${sheet.merges.length}">`);
    for (const [row, first, last] of sheet.merges) {
      out.push(`<mergeCell ref="${columnName(first)}${row}:${columnName(last)}${row}"/>`);
    }
    out.push('</mergeCells>');
  }
  out.push(
    '<pageMargins left="0.5" right="0.3" top="0.3" bottom="0.5" header="0.2" footer="0.2"/>',
    `<pageSetup paperSize="9" orientation="${sheet.orientation}" fitToWidth="1" fitToHeight="0"/>`,
    `<headerFooter><oddFooter>${xmlText(sheet.footer)}</oddFooter></headerFooter></worksheet>`,
  );
  return out.join('');
}

function contentTypes(sheets: number): string {
  const sheetTypes = Array.from(
    { length: sheets },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheetTypes +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    '</Types>'
  );
}

const rootRels =
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  `<Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';

function appXml(creator: string): string {
  return (
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
    `<Application>${xmlText(creator)}</Application></Properties>`
  );
}

function coreXml(workbook: XlsxWorkbook): string {
  const at = workbook.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(workbook.title)}</dc:title><dc:subject>${xmlText(workbook.subject)}</dc:subject>` +
    `<dc:creator>${xmlText(workbook.creator)}</dc:creator><cp:lastModifiedBy>${xmlText(workbook.creator)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified></cp:coreProperties>`
  );
}

function workbookXml(sheets: readonly XlsxSheet[]): string {
  const list = sheets
    .map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  return `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${list}</sheets></workbook>`;
}

function workbookRels(sheets: number): string {
  const list = Array.from(
    { length: sheets },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('');
  return (
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list}` +
    `<Relationship Id="rId${sheets + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${sheets + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
  );
}
