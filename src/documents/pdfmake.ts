/**
 * The part of pdfmake 0.3's server API this app uses, typed here (pdfmake ships no types).
 * Content nodes stay loosely typed: pdfmake's own schema is large and checked at run time.
 */
export type PdfContent = string | PdfNode;

export interface PdfNode {
  readonly [property: string]: unknown;
}

export type PageCallback = (page: number, pageCount: number) => PdfNode;

export interface PdfDefinition {
  readonly pageSize: 'A4';
  readonly pageMargins: readonly [number, number, number, number];
  readonly info: {
    readonly title: string;
    readonly subject: string;
    readonly creator: string;
    readonly producer: string;
    readonly creationDate: Date;
  };
  readonly defaultStyle: PdfNode;
  readonly watermark?: PdfNode;
  readonly content: PdfContent[];
  readonly header: PageCallback;
  readonly footer: PageCallback;
}

export interface PdfFontFamily {
  readonly normal: string;
  readonly bold: string;
  readonly italics: string;
  readonly bolditalics: string;
}

export interface PdfOutput {
  getBuffer(): Promise<Buffer>;
}

/** `require('pdfmake')` in Node: a singleton with a virtual file system for fonts. */
export interface PdfMake {
  readonly virtualfs: { writeFileSync(name: string, content: Buffer): void };
  setFonts(fonts: Readonly<Record<string, PdfFontFamily>>): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (path: string) => boolean): void;
  createPdf(definition: PdfDefinition, options?: Readonly<Record<string, unknown>>): PdfOutput;
}
