import { addCalendarDays, addMonths } from '../calendar/iso-date';
import type { Database } from '../db/database';
import { documentRenderer } from '../documents/document-runtime';
import { canonicalJson, sha256Hex, verificationCode } from '../documents/verification-code';
import { getSetting } from '../settings/settings.repository';
import type { Locale } from '../shared/messages';
import { buildDashboard, type DashboardView } from './dashboard.service';
import { monthlyReportModel } from './monthly-report';

export interface MonthlyReport {
  readonly filename: string;
  readonly mimeType: 'application/pdf';
  readonly base64: string;
  /** The verification code printed on every page (hash of the report's content). */
  readonly code: string;
  readonly pages: number;
  /** The figures printed, as the dashboard gives them for the month. */
  readonly figures: DashboardView;
}

/** The center's name at the top of every page (Settings), or the generic name. */
async function header(db: Database, locale: Locale): Promise<string> {
  const name = await getSetting(db, locale === 'zh-CN' ? 'center.name' : 'center.nameEn');
  if (name !== null && name.trim() !== '') return name;
  return locale === 'zh-CN' ? '矛盾纠纷调处化解中心' : 'Dispute Mediation Center';
}

/**
 * 月度统计报表 one month's figures as a PDF, rendered by the documents' worker (pdfmake with
 * the Chinese font). The code is taken from the content, so the same figures give the same code.
 */
export async function monthlyReport(
  db: Database,
  month: { year: number; month: number },
  scope: readonly number[] | null,
  locale: Locale,
  now: Date,
): Promise<MonthlyReport> {
  const from = `${month.year}-${String(month.month).padStart(2, '0')}-01`;
  const to = addCalendarDays(addMonths(from, 1), -1);
  const view = await buildDashboard(db, { from, to }, scope, now);
  const model = monthlyReportModel(view, locale);
  const code = verificationCode(sha256Hex(canonicalJson(model)));
  const pdf = await documentRenderer().render({
    model,
    frame: { header: await header(db, locale), code, copies: 1, createdAt: now.toISOString() },
  });
  const prefix = locale === 'zh-CN' ? '月度统计报表' : 'monthly-report';
  return {
    filename: `${prefix}_${from.slice(0, 7)}.pdf`,
    mimeType: 'application/pdf',
    base64: Buffer.from(pdf.bytes).toString('base64'),
    code,
    pages: pdf.pages,
    figures: view,
  };
}
