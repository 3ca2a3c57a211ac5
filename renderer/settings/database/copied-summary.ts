/** The tables a person recognizes in the copy summary; the rest are counted together. */
export const SUMMARY_TABLES = [
  'staff',
  'cases',
  'parties',
  'sessions',
  'documents',
  'auditLog',
] as const;
export type SummaryTable = (typeof SUMMARY_TABLES)[number] | 'other';

export interface CopiedSummary {
  readonly total: number;
  readonly parts: readonly { readonly table: SummaryTable; readonly rows: number }[];
}

const camel = (name: string) => name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** Rows copied per table (as the core reports them, snake or camel case) → a short summary. */
export function summarizeCopied(copied: Readonly<Record<string, number>>): CopiedSummary {
  const byTable = new Map<string, number>();
  for (const [table, rows] of Object.entries(copied)) {
    const key = camel(table);
    byTable.set(key, (byTable.get(key) ?? 0) + rows);
  }
  const total = [...byTable.values()].reduce((sum, rows) => sum + rows, 0);
  // Tables with nothing copied are left out: the summary says what came across.
  const parts: { table: SummaryTable; rows: number }[] = SUMMARY_TABLES.map((table) => ({
    table,
    rows: byTable.get(table) ?? 0,
  })).filter((part) => part.rows > 0);
  const shown = parts.reduce((sum, part) => sum + part.rows, 0);
  if (total > shown) parts.push({ table: 'other', rows: total - shown });
  return { total, parts };
}
