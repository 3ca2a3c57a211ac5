import { AppError } from '../api/result';
import type { CaseListFilter, CaseListSort, SortDirection } from '../cases/case-list.schema';
import { listCasePage, type Keyset } from '../cases/case-list.repository';
import type { Database } from '../db/database';
import { centerDate } from '../shared/center-time';
import type { Locale } from '../shared/messages';
import { listStudios } from '../studios/studio.repository';
import { buildDashboard } from './dashboard.service';
import { drillIds, type DrillSpec } from './drill.service';
import { centerDateTime, toCsv, type Sheet } from './export-table';
import { listUrgent } from './overdue.service';
import { listExportRows } from './report-rows.repository';
import { caseColumns, caseRow, dashboardSheets, type StudioNameMap } from './report-tables';
import { measureLabels, periodTitle, reportWords } from './report.labels';
import { resolvePeriod } from './report-period';
import {
  EXPORT_MAX_ROWS,
  OVERDUE_KINDS,
  type ExportFormat,
  type ExportedFile,
  type OverdueKind,
} from './report.schema';
import { toXlsx } from './xlsx-writer';

/**
 * 导出 files for the renderer to save: the dashboard's tables, the cases behind a figure, the
 * overdue list, or any case list (the Cases screen's filter). Personal ID and phone numbers are
 * always masked (report-rows.repository.ts): no role sees them whole in a list (DESIGN §7;
 * revealing one is the case page's own, audited act).
 */

export interface ExportContext {
  readonly db: Database;
  readonly scope: readonly number[] | null;
  readonly locale: Locale;
  readonly now: Date;
}

const MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

async function file(
  sheets: readonly Sheet[],
  format: ExportFormat,
  name: string,
  rows: number,
  now: Date,
): Promise<ExportedFile> {
  const bytes =
    format === 'xlsx'
      ? await toXlsx(sheets, { title: sheets[0]?.name ?? name, created: now })
      : toCsv(sheets);
  return {
    filename: `${name.replace(/[\\/:*?"<>|\s]+/g, '_')}.${format}`,
    mimeType: MIME[format],
    base64: bytes.toString('base64'),
    rows,
  };
}

function refuseLarge(count: number): void {
  if (count > EXPORT_MAX_ROWS) {
    throw new AppError('VALIDATION', 'error.report.tooManyRows', undefined, {
      count,
      max: EXPORT_MAX_ROWS,
    });
  }
}

async function studioNames(db: Database): Promise<StudioNameMap> {
  return new Map((await listStudios(db)).map((s) => [s.id, s]));
}

export async function exportDashboard(
  ctx: ExportContext,
  input: { from: string; to: string },
  format: ExportFormat,
): Promise<ExportedFile> {
  const view = await buildDashboard(ctx.db, input, ctx.scope, ctx.now);
  const sheets = dashboardSheets(view, ctx.locale);
  const rows = sheets.reduce((n, s) => n + s.rows.length, 0);
  const prefix = ctx.locale === 'zh-CN' ? '统计报表' : 'dashboard';
  return file(sheets, format, `${prefix}_${input.from}_${input.to}`, rows, ctx.now);
}

function caseSheet(
  name: string,
  caption: string[],
  rows: Parameters<typeof caseRow>[0][],
  studios: StudioNameMap,
  locale: Locale,
): Sheet {
  return {
    name,
    caption,
    columns: caseColumns(locale, false),
    rows: rows.map((r) => caseRow(r, studios, locale)),
  };
}

function asOfLine(ctx: ExportContext): string {
  const sep = ctx.locale === 'zh-CN' ? '：' : ': ';
  return `${reportWords.asOf[ctx.locale]}${sep}${centerDateTime(ctx.now.toISOString()) ?? ''}`;
}

export async function exportDrill(
  ctx: ExportContext,
  spec: DrillSpec,
  format: ExportFormat,
): Promise<ExportedFile> {
  const ids = await drillIds(ctx.db, spec, ctx.scope, ctx.now);
  refuseLarge(ids.length);
  const rows = await listExportRows(ctx.db, ids);
  const label = measureLabels[spec.measure][ctx.locale];
  const period = periodTitle(resolvePeriod(spec.from, spec.to), ctx.locale);
  const sheet = caseSheet(
    label,
    [`${period} ${label}`, asOfLine(ctx)],
    rows,
    await studioNames(ctx.db),
    ctx.locale,
  );
  const prefix = ctx.locale === 'zh-CN' ? '明细' : 'cases';
  return file(
    [sheet],
    format,
    `${prefix}_${spec.measure}_${spec.from}_${spec.to}`,
    rows.length,
    ctx.now,
  );
}

export async function exportOverdue(
  ctx: ExportContext,
  kinds: readonly OverdueKind[] | undefined,
  format: ExportFormat,
): Promise<ExportedFile> {
  const urgent = await listUrgent(ctx.db, ctx.scope, kinds ?? OVERDUE_KINDS, ctx.now);
  refuseLarge(urgent.length);
  const rows = new Map(
    (
      await listExportRows(
        ctx.db,
        urgent.map((u) => u.caseId),
      )
    ).map((r) => [r.id, r]),
  );
  const studios = await studioNames(ctx.db);
  const title = reportWords.overdue[ctx.locale];
  const sheet: Sheet = {
    name: title,
    caption: [title, asOfLine(ctx)],
    columns: caseColumns(ctx.locale, true),
    rows: urgent.flatMap((u) => {
      const row = rows.get(u.caseId);
      return row === undefined ? [] : [caseRow(row, studios, ctx.locale, u)];
    }),
  };
  const prefix = ctx.locale === 'zh-CN' ? '超期临期' : 'overdue';
  return file([sheet], format, `${prefix}_${centerDate(ctx.now)}`, sheet.rows.length, ctx.now);
}

// Cases are read a slice at a time, by the list's own keyset pages.
const CASE_SLICE = 5000;

export async function exportCaseList(
  ctx: ExportContext,
  filter: CaseListFilter,
  order: { sort: CaseListSort; direction: SortDirection },
  format: ExportFormat,
): Promise<ExportedFile> {
  const listContext = { studioIds: ctx.scope, today: centerDate(ctx.now) };
  const ids: number[] = [];
  let after: Keyset | null = null;
  for (;;) {
    const page: Awaited<ReturnType<typeof listCasePage>> = await listCasePage(
      ctx.db,
      filter,
      listContext,
      { ...order, limit: CASE_SLICE, after },
    );
    for (const r of page.rows) ids.push(r.id);
    refuseLarge(ids.length);
    const last = page.rows.at(-1);
    if (!page.hasMore || last === undefined) break;
    after = { key: last.sortKey, id: last.id };
  }
  const rows = await listExportRows(ctx.db, ids);
  const title = reportWords.cases[ctx.locale];
  const sheet = caseSheet(
    title,
    [title, asOfLine(ctx)],
    rows,
    await studioNames(ctx.db),
    ctx.locale,
  );
  const prefix = ctx.locale === 'zh-CN' ? '案件清单' : 'cases';
  return file([sheet], format, `${prefix}_${centerDate(ctx.now)}`, rows.length, ctx.now);
}
