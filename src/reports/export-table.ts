import type { Rate } from './report.schema';
import { formatRate } from './report.labels';

/**
 * What an export holds, before it is a file: sheets of typed cells. The XLSX writer keeps the
 * types (a rate is a number formatted as a percentage); CSV prints every cell as text, rates
 * through the same formatter the screen and the PDF use.
 */

export type Cell = string | number | null | { readonly rate: Rate };

export interface Column {
  readonly header: string;
  /** Characters, for the XLSX column width. */
  readonly width: number;
}

export interface Sheet {
  /** Sheet name (XLSX) and section title (CSV). */
  readonly name: string;
  /** Lines above the table: title, period, as-of. */
  readonly caption: readonly string[];
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
}

export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return formatRate(cell.rate);
  return String(cell);
}

/** A spreadsheet would run a cell starting with these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(text: string): string {
  const safe = FORMULA_START.test(text) && !/^-?\d+(\.\d+)?%?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * RFC 4180 CSV in UTF-8 with a byte-order mark (Excel opens Chinese text correctly only with
 * it), CRLF line ends; several sheets follow one another, each under its name, a blank line
 * between.
 */
export function toCsv(sheets: readonly Sheet[]): Buffer {
  const lines: string[] = [];
  sheets.forEach((sheet, i) => {
    if (i > 0) lines.push('');
    if (sheets.length > 1) lines.push(csvField(sheet.name));
    for (const caption of sheet.caption) lines.push(csvField(caption));
    lines.push(sheet.columns.map((c) => csvField(c.header)).join(','));
    for (const row of sheet.rows) lines.push(row.map((c) => csvField(cellText(c))).join(','));
  });
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** 2026-03-10T02:00:00.000Z → 2026-03-10 10:00 (center time, UTC+8 all year). */
export function centerDateTime(iso: string | null): string | null {
  if (iso === null) return null;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return new Date(at + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
