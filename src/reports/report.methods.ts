import { defineMethod } from '../api/method';
import { buildDashboard, type DashboardView } from './dashboard.service';
import { drillPage, type DrillPage } from './drill.service';
import {
  exportCaseList,
  exportDashboard,
  exportDrill,
  exportOverdue,
  type ExportContext,
} from './export.service';
import { monthlyReport, type MonthlyReport } from './monthly-report.service';
import { urgentPage, type UrgentPage } from './overdue.service';
import { reportScope } from './report-context';
import {
  drillSchema,
  exportSchema,
  monthlyReportSchema,
  overdueSchema,
  reportPeriodSchema,
  type ExportedFile,
} from './report.schema';

/**
 * Reports: the center's rates, overdue work, exports and the monthly report. Read-only. Every
 * signed-in role may call them; the director, reception and admin see the whole center, a
 * mediator or clerk the studios they work in (report-context.ts reportScope).
 */
export const reportMethods = {
  /** 统计 the dashboard: rates with their parts, counts, by studio, category, source, by month. */
  'reports/dashboard': defineMethod({
    input: reportPeriodSchema,
    access: 'signedIn',
    write: false,
    summary: 'Rates, counts, tables by studio, category and source, and the monthly trend',
    handler: async (ctx, input): Promise<DashboardView> =>
      buildDashboard(ctx.db, input, reportScope(ctx.caller(), input.studioIds), ctx.now),
  }),

  /** 明细 exactly the cases behind one figure of the dashboard, a page at a time. */
  'reports/drill': defineMethod({
    input: drillSchema,
    access: 'signedIn',
    write: false,
    summary: 'The cases a dashboard figure counts (a measure in a period, optionally one group)',
    handler: async (ctx, input): Promise<DrillPage> =>
      drillPage(
        ctx.db,
        input,
        { offset: input.offset, limit: input.limit },
        reportScope(ctx.caller(), input.studioIds),
        ctx.now,
      ),
  }),

  /** 超期、临期 open cases past or near their deadline or response limit today. */
  'reports/overdue': defineMethod({
    input: overdueSchema,
    access: 'signedIn',
    write: false,
    summary:
      'Open cases overdue, due soon or unanswered past the response limit, most urgent first',
    handler: async (ctx, input): Promise<UrgentPage> =>
      urgentPage(
        ctx.db,
        reportScope(ctx.caller(), input.studioIds),
        input.kinds,
        { offset: input.offset, limit: input.limit },
        ctx.now,
      ),
  }),

  /** 导出 XLSX or CSV of the dashboard, a drill-down, the overdue list or a case list. */
  'reports/export': defineMethod({
    input: exportSchema,
    access: 'signedIn',
    write: false,
    summary: 'A file (base64) of dashboard tables or a case list, personal numbers masked',
    handler: async (ctx, input): Promise<ExportedFile> => {
      const studioIds = input.what === 'cases' ? input.filter.studioIds : input.studioIds;
      const ec: ExportContext = {
        db: ctx.db,
        scope: reportScope(ctx.caller(), studioIds),
        locale: ctx.session.locale,
        now: ctx.now,
      };
      switch (input.what) {
        case 'dashboard':
          return exportDashboard(ec, input, input.format);
        case 'drill':
          return exportDrill(ec, input, input.format);
        case 'overdue':
          return exportOverdue(ec, input.kinds, input.format);
        case 'cases':
          return exportCaseList(
            ec,
            input.filter,
            { sort: input.sort, direction: input.direction },
            input.format,
          );
      }
    },
  }),

  /** 月度统计报表 the monthly statistics report as a PDF. */
  'reports/monthly': defineMethod({
    input: monthlyReportSchema,
    access: 'signedIn',
    write: false,
    summary: 'The monthly statistics report (PDF, base64) in the layout of a work report',
    handler: async (ctx, input): Promise<MonthlyReport> =>
      monthlyReport(
        ctx.db,
        input,
        reportScope(ctx.caller(), input.studioIds),
        ctx.session.locale,
        ctx.now,
      ),
  }),
};
