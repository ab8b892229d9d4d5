import JSZip from 'jszip';
import { printable } from '../../core/printable';

/** A formal document: a centred title and line under it, paragraphs, sections with a heading and a table, a closing line on the right. */
export interface DocxDocument {
  title: string;
  subtitle: string;
  paragraphs: string[];
  sections: { heading: string; header: string[]; rows: string[][] }[];
  /** Paragraphs after the sections (a disclaimer). */
  after?: string[];
  closing: string;
}

const escape = (text: string) => printable(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A run of text; line breaks in it become Word line breaks. */
const run = (text: string, props = '') => `<w:r>${props && `<w:rPr>${props}</w:rPr>`}${text.split('\n').map((line, i) => `${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${escape(line)}</w:t>`).join('')}</w:r>`;
const paragraph = (text: string, opts: { align?: 'center' | 'right'; bold?: boolean; size?: number } = {}) =>
  `<w:p>${opts.align ? `<w:pPr><w:jc w:val="${opts.align}"/></w:pPr>` : ''}${run(text, `${opts.bold ? '<w:b/>' : ''}${opts.size ? `<w:sz w:val="${opts.size}"/>` : ''}`)}</w:p>`;
const cell = (text: string, bold = false) => `<w:tc>${text.split('\n').map((line) => paragraph(line, { bold })).join('')}</w:tc>`;

function table(header: string[], rows: string[][]): string {
  const border = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>`).join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>${border}</w:tblBorders></w:tblPr>`
    + `<w:tr><w:trPr><w:tblHeader/></w:trPr>${header.map((h) => cell(h, true)).join('')}</w:tr>`
    + rows.map((r) => `<w:tr>${r.map((c) => cell(c)).join('')}</w:tr>`).join('')
    + '</w:tbl>';
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
  + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
  + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
  + '<Default Extension="xml" ContentType="application/xml"/>'
  + '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
  + '</Types>';
const RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
  + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
  + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
  + '</Relationships>';

/** WordprocessingML body paragraphs as DOCX bytes on A4 pages. */
async function packDocx(body: string): Promise<Uint8Array> {
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    + '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    + body
    + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1247" w:bottom="1440" w:left="1247" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>'
    + '</w:body></w:document>';
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', RELS);
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * A document as DOCX bytes (WordprocessingML that Word and WPS open and edit): the title centred and
 * large, the line under it centred, the paragraphs, each section's heading in bold and its table
 * (header row repeated on each page, thin borders), the paragraphs after, the closing line on the right, an A4 page.
 * Text is made printable (no control characters) and escaped.
 */
export async function buildDocx(doc: DocxDocument): Promise<Uint8Array> {
  return packDocx([
    paragraph(doc.title, { align: 'center', bold: true, size: 36 }),
    paragraph(doc.subtitle, { align: 'center' }),
    ...doc.paragraphs.map((p) => paragraph(p)),
    ...doc.sections.flatMap((s) => [paragraph(s.heading, { bold: true, size: 28 }), table(s.header, s.rows)]),
    ...(doc.after ?? []).map((p) => paragraph(p)),
    paragraph(doc.closing, { align: 'right' }),
  ].join(''));
}

/** A letter: its title, the greeting, the body paragraphs and the closing lines (signed on the right). */
export interface DocxLetter {
  title: string;
  greeting: string;
  paragraphs: string[];
  closing: string[];
}

const PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';

/** Letters as one DOCX, each on its own page (title centred, body paragraphs, closing lines on the right); text made printable and escaped. */
export async function buildLettersDocx(letters: readonly DocxLetter[]): Promise<Uint8Array> {
  return packDocx(letters.map((l) => [
    paragraph(l.title, { align: 'center', bold: true, size: 32 }),
    paragraph(l.greeting),
    ...l.paragraphs.map((p) => paragraph(p)),
    ...l.closing.map((c) => paragraph(c, { align: 'right' })),
  ].join('')).join(PAGE_BREAK));
}
