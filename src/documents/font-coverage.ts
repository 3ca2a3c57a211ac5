/**
 * Which characters a TrueType font can draw, read from its `cmap` table (formats 4 and 12), so
 * a document whose text the font cannot cover (a rare 生僻字) is reported instead of printing
 * an empty box unnoticed. Self-contained: a few dozen lines beat a font library for one table.
 */
export type Coverage = (codePoint: number) => boolean;

interface Range {
  readonly start: number;
  readonly end: number;
}

function tableOffset(font: Uint8Array, tag: string): number {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = view.getUint16(4);
  for (let i = 0; i < tables; i += 1) {
    const record = 12 + i * 16;
    const name = String.fromCharCode(...font.subarray(record, record + 4));
    if (name === tag) return view.getUint32(record + 8);
  }
  throw new Error(`font has no ${tag} table`);
}

function format12(view: DataView, at: number): Range[] {
  const groups = view.getUint32(at + 12);
  const ranges: Range[] = [];
  for (let g = 0; g < groups; g += 1) {
    const p = at + 16 + g * 12;
    ranges.push({ start: view.getUint32(p), end: view.getUint32(p + 4) });
  }
  return ranges;
}

function format4(view: DataView, at: number): Range[] {
  const segments = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const offsets = deltas + segments * 2;
  const ranges: Range[] = [];
  for (let s = 0; s < segments; s += 1) {
    const start = view.getUint16(starts + s * 2);
    const end = view.getUint16(ends + s * 2);
    if (start === 0xffff) continue;
    const rangeOffset = view.getUint16(offsets + s * 2);
    if (rangeOffset === 0) {
      ranges.push({ start, end });
      continue;
    }
    // Glyph ids through the glyph array: a zero entry is a character the font lacks.
    for (let c = start; c <= end; c += 1) {
      const glyphAt = offsets + s * 2 + rangeOffset + (c - start) * 2;
      if (view.getUint16(glyphAt) !== 0) ranges.push({ start: c, end: c });
    }
  }
  return ranges;
}

export function fontCoverage(font: Uint8Array): Coverage {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const cmap = tableOffset(font, 'cmap');
  const count = view.getUint16(cmap + 2);
  let best: Range[] | null = null;
  for (let i = 0; i < count; i += 1) {
    const record = cmap + 4 + i * 8;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const at = cmap + view.getUint32(record + 4);
    const format = view.getUint16(at);
    if (platform === 3 && encoding === 10 && format === 12) {
      best = format12(view, at);
      break;
    }
    if (platform === 3 && encoding === 1 && format === 4) best ??= format4(view, at);
  }
  const ranges = (best ?? []).slice().sort((a, b) => a.start - b.start);
  return (codePoint) => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = ranges[mid];
      if (r === undefined) return false;
      if (codePoint < r.start) hi = mid - 1;
      else if (codePoint > r.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

/** The distinct characters of `text` the font cannot draw (whitespace and controls aside). */
export function missingCharacters(text: string, covers: Coverage): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 || /\s/u.test(ch)) continue;
    if (!covers(cp)) missing.add(ch);
  }
  return [...missing];
}
