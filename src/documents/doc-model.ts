/**
 * A document as plain data: what it says, in order, without layout. The kinds (src/documents/
 * kinds) build it from the case; the PDF layout (pdf-definition.ts) and the renderer's HTML
 * preview both draw it, so the preview shows the same words the paper will carry. Plain JSON
 * (no functions): it crosses to the render worker and is stored with the document.
 */
export type Block =
  /** Centred document title, e.g. 人民调解协议书. */
  | { readonly type: 'title'; readonly text: string }
  /** Right-aligned line under the title: the case or document number. */
  | { readonly type: 'number'; readonly text: string }
  | { readonly type: 'heading'; readonly text: string }
  /** Body text; `indent` indents the first line by two characters, as Chinese prose is set. */
  | { readonly type: 'paragraph'; readonly text: string; readonly indent?: boolean }
  /** Label–value rows in a ruled table (registration forms). */
  | { readonly type: 'fields'; readonly rows: readonly (readonly [string, string])[] }
  | {
      readonly type: 'table';
      readonly headers: readonly string[];
      readonly rows: readonly (readonly string[])[];
      /** Relative column widths (star sizing); equal when left out. */
      readonly widths?: readonly number[];
    }
  /** 一、二、三、 numbered items (agreement terms). */
  | { readonly type: 'numbered'; readonly items: readonly string[] }
  /**
   * The closing sentence and the signature lines, kept together on one page so the signatures
   * never stand alone at the top of an otherwise empty page.
   */
  | {
      readonly type: 'signatures';
      readonly closing?: string;
      readonly lines: readonly SignatureLine[];
      /** Place and date line under the signatures (right aligned). */
      readonly footer?: string;
    }
  | { readonly type: 'pageBreak' };

export interface SignatureLine {
  readonly label: string;
  /** What is written on the line already (a name); blank for a hand signature. */
  readonly value?: string;
}

export interface DocModel {
  readonly title: string;
  readonly blocks: readonly Block[];
}

/** The page frame around the content: header, copies, page numbers, verification code. */
export interface DocFrame {
  /** The committee or center name at the top of every page. */
  readonly header: string;
  readonly code: string;
  /** The copies printed in one go, each marked 第k份 共N份; 1 prints no copy mark. */
  readonly copies: number;
  /** When the document was first generated (PDF metadata; the same on every reprint). */
  readonly createdAt: string;
  /** An unsaved preview: marked 草稿 across every page, never a paper to sign. */
  readonly draft?: boolean;
}

/** One section of a longer document (the dossier) with the pages it starts on. */
export interface RenderJob {
  readonly model: DocModel;
  readonly frame: DocFrame;
}

/** Every string a model contains, in order: what the font must cover. */
export function modelText(model: DocModel): string {
  const parts: string[] = [model.title];
  for (const b of model.blocks) {
    switch (b.type) {
      case 'title':
      case 'number':
      case 'heading':
      case 'paragraph':
        parts.push(b.text);
        break;
      case 'fields':
        for (const [label, value] of b.rows) parts.push(label, value);
        break;
      case 'table':
        parts.push(...b.headers, ...b.rows.flat());
        break;
      case 'numbered':
        parts.push(...b.items);
        break;
      case 'signatures':
        parts.push(b.closing ?? '', b.footer ?? '');
        for (const l of b.lines) parts.push(l.label, l.value ?? '');
        break;
      case 'pageBreak':
        break;
    }
  }
  return parts.join('\n');
}
