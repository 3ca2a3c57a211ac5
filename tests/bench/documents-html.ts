import { pathToFileURL } from 'node:url';
import path from 'node:path';
import type { Block, DocModel } from '../../src/documents/doc-model';
import { chineseNumeral } from '../../src/documents/document.labels';
import { FONT_FILES } from '../../src/documents/pdf-engine';

/**
 * The same document model laid out as HTML for Chromium's page.pdf(), with the same font files,
 * so the benchmark can put pdfmake's time next to the browser's.
 */
const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

function lines(text: string, indent: boolean): string {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => `<p class="${indent ? 'i' : ''}">${escape(l.trim())}</p>`)
    .join('');
}

function block(b: Block): string {
  switch (b.type) {
    case 'title':
      return `<h1>${escape(b.text)}</h1>`;
    case 'number':
      return `<div class="n">${escape(b.text)}</div>`;
    case 'heading':
      return `<h2>${escape(b.text)}</h2>`;
    case 'paragraph':
      return lines(b.text, b.indent ?? false);
    case 'fields':
      return `<table>${b.rows.map(([l, v]) => `<tr><th>${escape(l)}</th><td>${escape(v)}</td></tr>`).join('')}</table>`;
    case 'table':
      return `<table><tr>${b.headers.map((h) => `<th>${escape(h)}</th>`).join('')}</tr>${b.rows
        .map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`)
        .join('')}</table>`;
    case 'numbered':
      return b.items.map((item, i) => lines(`${chineseNumeral(i + 1)}、${item}`, true)).join('');
    case 'signatures':
      return `<div class="s">${b.closing ? lines(b.closing, true) : ''}${b.lines
        .map((l) => `<p class="i">${escape(l.label)}：<span class="u"></span></p>`)
        .join('')}${b.footer ? `<p class="n">${escape(b.footer)}</p>` : ''}</div>`;
    case 'pageBreak':
      return '<div style="break-after: page"></div>';
  }
}

export function documentHtml(model: DocModel, fontsDir: string): string {
  const font = (file: string) => pathToFileURL(path.join(fontsDir, file)).href;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
@font-face { font-family: Doc; src: url('${font(FONT_FILES.regular)}'); font-weight: 400; }
@font-face { font-family: Doc; src: url('${font(FONT_FILES.bold)}'); font-weight: 700; }
@page { size: A4; margin: 27mm 24mm 30mm; }
body { font-family: Doc, serif; font-size: 12pt; line-height: 1.45; }
h1 { text-align: center; font-size: 20pt; letter-spacing: 2pt; }
h2 { font-size: 13pt; margin: 6pt 0 3pt; }
p { margin: 0 0 3pt; } .i { text-indent: 2em; } .n { text-align: right; }
table { width: 100%; border-collapse: collapse; } th, td { border: 0.6pt solid #000; padding: 3pt 5pt; }
.s { break-inside: avoid; } .u { display: inline-block; width: 170pt; border-bottom: 0.6pt solid #000; }
</style></head><body>${model.blocks.map(block).join('')}</body></html>`;
}
