import type { Block, DocFrame, DocModel } from './doc-model';
import { chineseNumeral } from './document.labels';
import type { PdfContent, PdfDefinition } from './pdfmake';

/**
 * The A4 layout of every document: the model's blocks as pdfmake content, inside a frame of
 * header (committee), copy mark (第k份 共N份), page numbers and the verification code with its
 * QR code on every page. Pure: the render worker calls it, so nothing here may be a function
 * that crosses threads (the header and footer callbacks are made on the worker's side).
 */
export const FONT_FAMILY = 'NotoSerifSC';

const BODY_SIZE = 12;
const MARGIN_X = 68;
const MARGIN_TOP = 72;
const MARGIN_BOTTOM = 80;

/** Each line of a multi-line text is its own paragraph, indented as prose is. */
function paragraphs(text: string, indent: boolean): PdfContent[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => ({
      text: line.trim(),
      leadingIndent: indent ? BODY_SIZE * 2 : 0,
      lineHeight: 1.35,
      margin: [0, 0, 0, 3],
    }));
}

function percentWidths(widths: readonly number[] | undefined, columns: number): string[] {
  const w = widths ?? Array.from({ length: columns }, () => 1);
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => `${((x / total) * 100).toFixed(2)}%`);
}

const ruled = {
  hLineWidth: () => 0.6,
  vLineWidth: () => 0.6,
  paddingLeft: () => 5,
  paddingRight: () => 5,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

const signatureRows = {
  hLineWidth: () => 0.6,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 2,
  paddingTop: () => 11,
  paddingBottom: () => 1,
};

function block(b: Block): PdfContent[] {
  switch (b.type) {
    case 'title':
      return [
        {
          text: b.text,
          fontSize: 20,
          bold: true,
          alignment: 'center',
          characterSpacing: 2,
          margin: [0, 0, 0, 6],
        },
      ];
    case 'number':
      return [{ text: b.text, alignment: 'right', fontSize: 11, margin: [0, 0, 0, 6] }];
    case 'heading':
      return [{ text: b.text, bold: true, fontSize: 12.5, margin: [0, 5, 0, 2] }];
    case 'paragraph':
      return paragraphs(b.text, b.indent ?? false);
    case 'fields':
      return [
        {
          table: {
            widths: ['22%', '78%'],
            body: b.rows.map(([label, value]) => [
              { text: label, bold: true },
              { text: value === '' ? ' ' : value },
            ]),
            dontBreakRows: false,
          },
          layout: ruled,
          margin: [0, 2, 0, 8],
        },
      ];
    case 'table':
      return [
        {
          table: {
            headerRows: 1,
            widths: percentWidths(b.widths, b.headers.length),
            body: [
              b.headers.map((h) => ({ text: h, bold: true, alignment: 'center' })),
              ...b.rows.map((row) => row.map((cell) => ({ text: cell === '' ? ' ' : cell }))),
            ],
          },
          layout: ruled,
          fontSize: 10,
          margin: [0, 2, 0, 8],
        },
      ];
    case 'numbered':
      return b.items.flatMap((item, i) =>
        item
          .split(/\r?\n/)
          .filter((line) => line.trim() !== '')
          .map((line, j) => ({
            text: j === 0 ? `${chineseNumeral(i + 1)}、${line.trim()}` : line.trim(),
            leadingIndent: BODY_SIZE * 2,
            lineHeight: 1.35,
            margin: [0, 0, 0, 3],
          })),
      );
    case 'signatures': {
      // Each label with a ruled space to sign on. The block moves to the next page as a whole,
      // taking the closing sentence with it.
      const stack: PdfContent[] = [
        ...(b.closing ? paragraphs(b.closing, true) : []),
        {
          table: {
            widths: ['auto', 170],
            body: b.lines.map((l) => [
              { text: `${l.label}：`, border: [false, false, false, false] },
              { text: l.value ?? ' ', border: [false, false, false, true] },
            ]),
          },
          layout: signatureRows,
          margin: [BODY_SIZE * 2, 4, 0, 0],
        },
        ...(b.footer ? [{ text: b.footer, alignment: 'right', margin: [0, 10, 0, 0] }] : []),
      ];
      return [{ stack, unbreakable: true, margin: [0, 6, 0, 0] }];
    }
    case 'pageBreak':
      return [{ text: '', pageBreak: 'after' }];
  }
}

export function contentOf(model: DocModel): PdfContent[] {
  return model.blocks.flatMap(block);
}

/** Page x of y within its own copy: every copy has the same pages, so the count divides. */
export function pageLabel(page: number, pageCount: number, copies: number) {
  const perCopy = Math.max(1, Math.round(pageCount / copies));
  const copy = Math.min(copies, Math.floor((page - 1) / perCopy) + 1);
  return { copy, page: ((page - 1) % perCopy) + 1, pages: perCopy };
}

/** The full pdfmake definition: `copies` identical copies, each starting on a new page. */
export function pdfDefinition(model: DocModel, frame: DocFrame): PdfDefinition {
  const content: PdfContent[] = [];
  for (let copy = 1; copy <= frame.copies; copy += 1) {
    // Built afresh per copy: pdfmake annotates the nodes it lays out.
    const body = contentOf(model);
    content.push(copy === 1 ? { stack: body } : { stack: body, pageBreak: 'before' });
  }
  const code = `${frame.code.slice(0, 4)}-${frame.code.slice(4)}`;
  return {
    pageSize: 'A4',
    pageMargins: [MARGIN_X, MARGIN_TOP, MARGIN_X, MARGIN_BOTTOM],
    info: {
      title: model.title,
      subject: `${frame.header} ${model.title}`,
      creator: 'Mediation Desk',
      producer: 'Mediation Desk',
      creationDate: new Date(frame.createdAt),
    },
    defaultStyle: { font: FONT_FAMILY, fontSize: BODY_SIZE },
    ...(frame.draft === true
      ? { watermark: { text: '草稿 未经核对', color: '#999999', opacity: 0.18, bold: true } }
      : {}),
    content,
    header: (page: number, pageCount: number) => {
      const { copy } = pageLabel(page, pageCount, frame.copies);
      return {
        columns: [
          { text: frame.header, width: '*' },
          {
            text: frame.copies > 1 ? `第${copy}份 共${frame.copies}份` : '',
            alignment: 'right',
            width: 'auto',
            bold: true,
          },
        ],
        fontSize: 9,
        color: '#333333',
        margin: [MARGIN_X, 36, MARGIN_X, 0],
      };
    },
    footer: (page: number, pageCount: number) => {
      const label = pageLabel(page, pageCount, frame.copies);
      return {
        columns: [
          {
            text: frame.draft === true ? '草稿（无校验码）' : `校验码 ${code}`,
            width: '*',
            fontSize: 9,
            margin: [0, 14, 0, 0],
          },
          {
            text: `第${label.page}页 共${label.pages}页`,
            width: 'auto',
            alignment: 'center',
            fontSize: 10,
            margin: [0, 14, 0, 0],
          },
          frame.draft === true
            ? { text: '', width: '*' }
            : { stack: [{ qr: code, fit: 46, alignment: 'right' }], width: '*' },
        ],
        margin: [MARGIN_X, 10, MARGIN_X, 0],
      };
    },
  };
}
