import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AgreementContentInput } from '../../../src/documents/document.schema';
import { caseIn, S, type Center } from '../../support/lifecycle';

/**
 * PDF checks with poppler-utils (pdftotext, pdftoppm): pdfjs-dist is not installed here, and
 * poppler reads the PDFs as an independent implementation would.
 */
function withPdfFile<T>(bytes: Uint8Array, run: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'md-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    return run(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of every page, in reading order (pdftotext separates pages with a form feed). */
export function pageTexts(bytes: Uint8Array): string[] {
  const text = withPdfFile(bytes, (file) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
  );
  return text.split('\f').slice(0, -1);
}

/** All text with whitespace removed: line breaks fall anywhere in Chinese prose. */
export function flatText(bytes: Uint8Array): string {
  return pageTexts(bytes).join('').replace(/\s+/g, '');
}

export function pageSizes(bytes: Uint8Array): string[] {
  const info = withPdfFile(bytes, (file) =>
    execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' }),
  );
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/g)].map((m) => m[1] ?? '');
}

/** Fonts embedded in the PDF (pdffonts): name, type, embedded, subset. */
export function pdfFonts(bytes: Uint8Array): string {
  return withPdfFile(bytes, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
}

/**
 * Renders the pages to PNG under .scratch/documents/<name>-<page>.png (git-ignored; Playwright
 * empties test-results/ on every run), to be looked at;
 * returns the files written.
 */
export function savePngs(bytes: Uint8Array, name: string, lastPage = 99, dpi = 60): string[] {
  const out = path.resolve('.scratch', 'documents');
  mkdirSync(out, { recursive: true });
  withPdfFile(bytes, (file) => {
    const range = ['-f', '1', '-l', String(lastPage)];
    execFileSync('pdftoppm', ['-r', String(dpi), ...range, '-png', file, path.join(out, name)]);
  });
  writeFileSync(path.join(out, `${name}.pdf`), bytes);
  return readdirSync(out)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .map((f) => path.join(out, f));
}

export function decode(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

export async function pdfOf(c: Center, id: number, session: string = S.clerk) {
  return decode((await c.t.ok('documents/pdf', { id }, session)).dataBase64);
}

/** An agreement for the case's parties: facts, two terms, performance, N+1 copies. */
export function agreementContent(
  partyIds: readonly number[],
  overrides: Partial<AgreementContentInput> = {},
): AgreementContentInput {
  return {
    parties: partyIds.map((partyId) => ({ partyId })),
    facts: '申请人张伟于2026年1月5日在被申请人处接受阑尾切除手术，术后切口感染，住院治疗二十日。',
    issues: '医疗费、误工费的赔偿数额。',
    responsibilities:
      '被申请人术后护理存在不足，承担主要责任；申请人未遵医嘱按时换药，承担次要责任。',
    terms: [
      '被申请人于2026年4月30日前一次性赔偿申请人医疗费、误工费共计人民币伍万元整（¥50,000.00）。',
      '申请人收到赔偿款后，不再就本次纠纷向被申请人主张任何权利。',
    ],
    performanceManner: '银行转账至申请人指定账户',
    performancePlace: '市第一人民医院财务科',
    performanceDeadline: '2026-04-30',
    copies: partyIds.length + 1,
    ...overrides,
  };
}

/** A medical case in mediation with a mediator, and its party ids in order. */
export async function caseInMediation(c: Center) {
  const { id, number } = await caseIn(c, 'in_mediation');
  await c.t.ok(
    'cases/assignMediators',
    {
      id,
      version: (await c.t.ok('cases/get', { id }, S.mediator)).version,
      staffIds: [c.staff.mediator],
    },
    S.mediator,
  );
  const view = await c.t.ok('cases/get', { id }, S.mediator);
  return { id, number, partyIds: view.parties.map((p) => p.partyId) };
}

export interface WordBox {
  readonly page: number;
  readonly text: string;
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

/** Every word with its box (pdftotext -bbox), to prove nothing runs off the page. */
export function wordBoxes(bytes: Uint8Array): WordBox[] {
  const html = withPdfFile(bytes, (file) =>
    execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
  const boxes: WordBox[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page += 1;
    const m = /xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(
      line,
    );
    if (m === null) continue;
    boxes.push({
      page,
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      text: m[5] ?? '',
    });
  }
  return boxes;
}

/** A4 in points, and the text area the layout keeps to (margins 68 pt left and right). */
export const A4 = { width: 595.28, height: 841.89, left: 68, right: 595.28 - 68 } as const;

/** Words outside the text area: none may exist. */
export function overflowing(bytes: Uint8Array): WordBox[] {
  return wordBoxes(bytes).filter(
    (w) => w.xMin < A4.left - 0.5 || w.xMax > A4.right + 0.5 || w.yMin < 0 || w.yMax > A4.height,
  );
}
