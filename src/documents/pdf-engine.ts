import { readFileSync } from 'node:fs';
import path from 'node:path';
import pdfmake from 'pdfmake';
import { modelText, type RenderJob } from './doc-model';
import { fontCoverage, missingCharacters, type Coverage } from './font-coverage';
import { FONT_FAMILY, pdfDefinition } from './pdf-definition';

/**
 * pdfmake 0.3 in Node, with the Chinese font. pdfmake takes fonts as paths (read from disk on
 * every document) or as names in its virtual file system: the TTFs (about 15 MB each) are read
 * once per process into the virtual file system and every document reuses those buffers; pdfkit
 * embeds only the glyphs a document uses.
 */
export const FONT_FILES = {
  regular: 'NotoSerifSC_400Regular.ttf',
  bold: 'NotoSerifSC_700Bold.ttf',
} as const;

export interface RenderedPdf {
  readonly bytes: Uint8Array;
  readonly pages: number;
  /** Characters of the text the font cannot draw (printed as empty boxes). */
  readonly missing: readonly string[];
}

let loaded: { dir: string; covers: Coverage } | null = null;

/** Reads the font files once; a second call with the same folder is free. */
export function loadFonts(fontsDir: string): void {
  if (loaded?.dir === fontsDir) return;
  const regular = readFileSync(path.join(fontsDir, FONT_FILES.regular));
  const bold = readFileSync(path.join(fontsDir, FONT_FILES.bold));
  pdfmake.virtualfs.writeFileSync(FONT_FILES.regular, regular);
  pdfmake.virtualfs.writeFileSync(FONT_FILES.bold, bold);
  pdfmake.setFonts({
    [FONT_FAMILY]: {
      normal: FONT_FILES.regular,
      bold: FONT_FILES.bold,
      italics: FONT_FILES.regular,
      bolditalics: FONT_FILES.bold,
    },
  });
  // Documents never fetch anything: no URLs, no local files besides the fonts above.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  // Both weights come from one family and cover the same characters.
  loaded = { dir: fontsDir, covers: fontCoverage(regular) };
}

export async function renderPdf(job: RenderJob, fontsDir: string): Promise<RenderedPdf> {
  loadFonts(fontsDir);
  const covers = loaded?.covers ?? (() => true);
  const definition = pdfDefinition(job.model, job.frame);
  let pages = 0;
  const buffer = await pdfmake
    .createPdf({
      ...definition,
      footer: (page, pageCount) => {
        pages = pageCount;
        return definition.footer(page, pageCount);
      },
    })
    .getBuffer();
  // A copy with its own memory: small Buffers share Node's pool, which must not be transferred.
  const bytes = new Uint8Array(buffer.byteLength);
  bytes.set(buffer);
  const text = `${job.frame.header}\n${modelText(job.model)}`;
  return { bytes, pages, missing: missingCharacters(text, covers) };
}
