import { categoryLabels } from '../cases/case.labels';
import type { Block, DocModel } from '../documents/doc-model';
import type { Locale } from '../shared/messages';
import type { DashboardView, FiguresView } from './dashboard.service';
import { centerDateTime } from './export-table';
import { studioName } from './report-tables';
import {
  dimensionLabels,
  formatRate,
  generalNotes,
  measureLabels,
  noteText,
  periodTitle,
  rateLabels,
  rateNotes,
  reportWords,
} from './report.labels';
import { OUTCOME_MEASURES, RATE_KEYS, type Measure } from './report.schema';

/**
 * 月度统计报表 the monthly statistics report, laid out as a government work report: title and
 * period, key figures with the previous month beside, case counts, tables by studio and by
 * category, notes on how each figure is computed, and the lines for who filled and checked it.
 * A document model (src/documents/doc-model.ts) for the documents' PDF pipeline.
 */

const w = reportWords;

const COUNT_ROWS: readonly Measure[] = [
  'registered',
  'accepted',
  'declined',
  'referred',
  'concluded',
  ...OUTCOME_MEASURES,
  'openAtEnd',
  'inMediationAtEnd',
  'overdueAtEnd',
];

const GROUP_COUNTS: readonly Measure[] = ['registered', 'accepted', 'concluded', 'overdueAtEnd'];

function countTable(
  first: string,
  rows: readonly { label: string; figures: FiguresView }[],
  locale: Locale,
): Block {
  return {
    type: 'table',
    headers: [first, ...GROUP_COUNTS.map((m) => measureLabels[m][locale])],
    rows: rows.map((r) => [r.label, ...GROUP_COUNTS.map((m) => String(r.figures.counts[m]))]),
    widths: [3, 1, 1, 1, 1],
  };
}

/**
 * The six rates by group. Chinese headers fit one table of seven columns on A4; English words
 * are longer than such a column, so English gets two tables of three rates.
 */
function rateTables(
  first: string,
  rows: readonly { label: string; figures: FiguresView }[],
  locale: Locale,
): Block[] {
  const groups = locale === 'zh-CN' ? [RATE_KEYS] : [RATE_KEYS.slice(0, 3), RATE_KEYS.slice(3)];
  return groups.map((keys) => ({
    type: 'table',
    headers: [first, ...keys.map((k) => rateLabels[k][locale])],
    rows: rows.map((r) => [r.label, ...keys.map((k) => formatRate(r.figures.rates[k]))]),
    widths: [keys.length === 6 ? 2.6 : 2.2, ...keys.map(() => 1)],
  }));
}

/** The opening paragraph of a work report: the month in one sentence. */
function summary(view: DashboardView, locale: Locale): string {
  const c = view.current.counts;
  const r = view.current.rates;
  const p = view.previous.counts;
  return locale === 'zh-CN'
    ? `本期共登记矛盾纠纷${c.registered}件（上期${p.registered}件），受理${c.accepted}件，不予受理${c.declined}件，转办${c.referred}件；调解终结${c.concluded}件，其中达成协议${c.withAgreement}件，调解成功率${formatRate(r.success)}；按时办结率${formatRate(r.onTime)}，响应率${formatRate(r.response)}，满意率${formatRate(r.satisfaction)}。期末在办${c.openAtEnd}件，其中超期${c.overdueAtEnd}件。`
    : `In the period ${c.registered} disputes were registered (previous period: ${p.registered}), ${c.accepted} accepted, ${c.declined} declined and ${c.referred} referred; ${c.concluded} were concluded, ${c.withAgreement} with an agreement (success rate ${formatRate(r.success)}); on-time completion ${formatRate(r.onTime)}, response rate ${formatRate(r.response)}, satisfaction ${formatRate(r.satisfaction)}. At the end of the period ${c.openAtEnd} cases were open, ${c.overdueAtEnd} of them overdue.`;
}

/** Chinese section numbers: 一、二、三、 */
const SECTION = ['一', '二', '三', '四', '五', '六'];

export function monthlyReportModel(view: DashboardView, locale: Locale): DocModel {
  const zh = locale === 'zh-CN';
  const sep = zh ? '：' : ': ';
  const section = (i: number, text: string) =>
    zh ? `${SECTION[i] ?? i + 1}、${text}` : `${i + 1}. ${text}`;
  const studios = new Map(view.studios.map((s) => [s.id, s]));
  const total = { label: w.total[locale], figures: view.current };
  const byStudio = [
    ...view.byStudio.map((g) => ({
      label: studioName(studios.get(g.studioId), locale),
      figures: g.figures,
    })),
    total,
  ];
  const byCategory = [
    ...view.byCategory.map((g) => ({
      label: categoryLabels[g.category][locale],
      figures: g.figures,
    })),
    total,
  ];
  const scope =
    view.scope === null
      ? w.allStudios[locale]
      : view.studios.map((s) => studioName(s, locale)).join(zh ? '、' : ', ');
  const limit = { limit: view.responseLimitDays };
  const title = w.monthlyTitle[locale];

  return {
    title,
    blocks: [
      { type: 'title', text: title },
      {
        type: 'number',
        text: zh ? `（${periodTitle(view.period, locale)}）` : periodTitle(view.period, locale),
      },
      {
        type: 'fields',
        rows: [
          [w.period[locale], `${view.period.from} — ${view.period.to}`],
          [w.scope[locale], scope],
          [w.asOf[locale], centerDateTime(view.asOf) ?? ''],
          [w.previousPeriod[locale], `${view.previousPeriod.from} — ${view.previousPeriod.to}`],
        ],
      },
      { type: 'paragraph', text: summary(view, locale), indent: true },
      { type: 'heading', text: section(0, w.keyFigures[locale]) },
      {
        type: 'table',
        headers: [
          w.indicator[locale],
          `${w.numerator[locale]}/${w.denominator[locale]}`,
          w.currentPeriod[locale],
          w.previousPeriod[locale],
        ],
        rows: RATE_KEYS.map((k) => {
          const r = view.current.rates[k];
          return [
            rateLabels[k][locale],
            `${r.numerator}/${r.denominator}`,
            formatRate(r),
            formatRate(view.previous.rates[k]),
          ];
        }),
        widths: [2, 1.6, 1.2, 1.2],
      },
      { type: 'heading', text: section(1, w.counts[locale]) },
      {
        type: 'table',
        headers: [w.indicator[locale], w.currentPeriod[locale], w.previousPeriod[locale]],
        rows: COUNT_ROWS.map((m) => [
          measureLabels[m][locale],
          String(view.current.counts[m]),
          String(view.previous.counts[m]),
        ]),
        widths: [3, 1, 1],
      },
      { type: 'heading', text: section(2, w.byStudio[locale]) },
      countTable(dimensionLabels.studio[locale], byStudio, locale),
      ...rateTables(dimensionLabels.studio[locale], byStudio, locale),
      { type: 'heading', text: section(3, w.byCategory[locale]) },
      countTable(dimensionLabels.category[locale], byCategory, locale),
      ...rateTables(dimensionLabels.category[locale], byCategory, locale),
      { type: 'heading', text: section(4, w.notes[locale]) },
      {
        type: 'numbered',
        items: [
          ...RATE_KEYS.map(
            (k) => `${rateLabels[k][locale]}${sep}${noteText(rateNotes[k], locale, limit)}`,
          ),
          ...generalNotes.map((n) => noteText(n, locale)),
        ],
      },
      {
        type: 'signatures',
        lines: [{ label: zh ? '填报人' : 'Prepared by' }, { label: zh ? '审核人' : 'Checked by' }],
        footer: zh
          ? `填报日期：${view.today.slice(0, 4)}年${Number(view.today.slice(5, 7))}月${Number(view.today.slice(8, 10))}日`
          : `Date: ${view.today}`,
      },
    ],
  };
}
