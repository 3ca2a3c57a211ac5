import {
  categoryLabels,
  outcomeLabels,
  partyRoleLabels,
  riskLabels,
  sourceLabels,
  statusLabels,
} from '../cases/case.labels';
import type { Locale } from '../shared/messages';
import type { DashboardView, FiguresView, StudioName } from './dashboard.service';
import { centerDateTime, type Cell, type Column, type Sheet } from './export-table';
import type { UrgentCase } from './overdue.service';
import type { ExportCaseRow } from './report-rows.repository';
import {
  caseColumnLabels,
  dimensionLabels,
  generalNotes,
  measureLabels,
  noteText,
  periodKindLabels,
  periodTitle,
  rateLabels,
  rateNotes,
  reportWords,
  urgencyLabels,
} from './report.labels';
import {
  BASE_MEASURES,
  OUTCOME_MEASURES,
  RATE_KEYS,
  STATE_MEASURES,
  STATUS_MEASURES,
  type Measure,
} from './report.schema';

/**
 * The dashboard and case lists as sheets (export-table.ts), in the caller's language: what the
 * XLSX and CSV files hold and what the monthly report's tables print.
 */

const w = reportWords;

export type StudioNameMap = ReadonlyMap<number, StudioName>;

export function studioName(s: StudioName | undefined, locale: Locale): string {
  if (s === undefined) return '';
  return locale === 'zh-CN' ? s.nameZh : s.nameEn;
}

/** Columns of a table by group: counts, then the six rates. */
const GROUP_MEASURES: readonly Measure[] = ['registered', 'accepted', 'concluded', 'overdueAtEnd'];

export function groupColumns(first: string, locale: Locale): Column[] {
  return [
    { header: first, width: 26 },
    ...GROUP_MEASURES.map((m) => ({ header: measureLabels[m][locale], width: 12 })),
    ...RATE_KEYS.map((k) => ({ header: rateLabels[k][locale], width: 13 })),
  ];
}

export function groupRow(label: string, f: FiguresView): Cell[] {
  return [
    label,
    ...GROUP_MEASURES.map((m) => f.counts[m]),
    ...RATE_KEYS.map((k) => ({ rate: f.rates[k] })),
  ];
}

export function scopeText(view: DashboardView, locale: Locale): string {
  if (view.scope === null) return w.allStudios[locale];
  return view.studios.map((s) => studioName(s, locale)).join(locale === 'zh-CN' ? '、' : ', ');
}

function caption(view: DashboardView, locale: Locale, title: string): string[] {
  const sep = locale === 'zh-CN' ? '：' : ': ';
  return [
    title,
    `${w.period[locale]}${sep}${periodTitle(view.period, locale)}（${view.period.from} — ${view.period.to}）`,
    `${w.scope[locale]}${sep}${scopeText(view, locale)}`,
    `${w.asOf[locale]}${sep}${centerDateTime(view.asOf) ?? ''}`,
  ];
}

export function keyFigureRows(view: DashboardView, locale: Locale): Cell[][] {
  return RATE_KEYS.map((k) => {
    const r = view.current.rates[k];
    const p = view.previous.rates[k];
    return [rateLabels[k][locale], r.numerator, r.denominator, { rate: r }, { rate: p }];
  });
}

export function keyFigureColumns(locale: Locale): Column[] {
  return [
    { header: w.indicator[locale], width: 18 },
    { header: w.numerator[locale], width: 10 },
    { header: w.denominator[locale], width: 10 },
    { header: `${w.currentPeriod[locale]} ${w.rate[locale]}`, width: 14 },
    { header: `${w.previousPeriod[locale]} ${w.rate[locale]}`, width: 14 },
  ];
}

/** The measures of the counts table, in the dashboard's order. */
export const COUNT_MEASURES: readonly Measure[] = [
  ...BASE_MEASURES.filter((m) => !STATE_MEASURES.includes(m)),
  ...STATE_MEASURES,
  ...OUTCOME_MEASURES,
  ...STATUS_MEASURES,
];

export function dashboardSheets(view: DashboardView, locale: Locale): Sheet[] {
  const studios = new Map(view.studios.map((s) => [s.id, s]));
  const head = (title: string) => caption(view, locale, title);
  const limit = { limit: view.responseLimitDays };
  return [
    {
      name: w.keyFigures[locale],
      caption: head(w.keyFigures[locale]),
      columns: keyFigureColumns(locale),
      rows: keyFigureRows(view, locale),
    },
    {
      name: w.counts[locale],
      caption: head(w.counts[locale]),
      columns: [
        { header: w.indicator[locale], width: 26 },
        { header: w.currentPeriod[locale], width: 12 },
        { header: w.previousPeriod[locale], width: 12 },
      ],
      rows: COUNT_MEASURES.map((m) => [
        measureLabels[m][locale],
        view.current.counts[m],
        view.previous.counts[m],
      ]),
    },
    {
      name: dimensionLabels.studio[locale],
      caption: head(w.byStudio[locale]),
      columns: groupColumns(dimensionLabels.studio[locale], locale),
      rows: [
        ...view.byStudio.map((g) =>
          groupRow(studioName(studios.get(g.studioId), locale), g.figures),
        ),
        groupRow(w.total[locale], view.current),
      ],
    },
    {
      name: dimensionLabels.category[locale],
      caption: head(w.byCategory[locale]),
      columns: groupColumns(dimensionLabels.category[locale], locale),
      rows: [
        ...view.byCategory.map((g) => groupRow(categoryLabels[g.category][locale], g.figures)),
        groupRow(w.total[locale], view.current),
      ],
    },
    {
      name: dimensionLabels.source[locale],
      caption: head(w.bySource[locale]),
      columns: groupColumns(dimensionLabels.source[locale], locale),
      rows: [
        ...view.bySource.map((g) => groupRow(sourceLabels[g.source][locale], g.figures)),
        groupRow(w.total[locale], view.current),
      ],
    },
    {
      name: w.trend[locale],
      caption: head(w.trend[locale]),
      columns: groupColumns(w.month[locale], locale),
      rows: view.trend.map((m) => groupRow(m.month, m.figures)),
    },
    {
      name: w.notes[locale],
      caption: head(w.notes[locale]),
      columns: [
        { header: w.indicator[locale], width: 18 },
        { header: w.notes[locale], width: 110 },
      ],
      rows: [
        [periodKindLabels[view.period.kind][locale], periodTitle(view.period, locale)],
        [
          w.previousPeriod[locale],
          `${periodTitle(view.previousPeriod, locale)}（${view.previousPeriod.from} — ${view.previousPeriod.to}）`,
        ],
        ...RATE_KEYS.map((k) => [rateLabels[k][locale], noteText(rateNotes[k], locale, limit)]),
        ...generalNotes.map((n) => ['', noteText(n, locale)]),
      ],
    },
  ];
}

function partiesText(row: ExportCaseRow, locale: Locale): string {
  const zh = locale === 'zh-CN';
  return row.parties
    .map((p) => {
      const numbers = [p.idNumber, p.phone].filter((v): v is string => v !== null);
      const extra =
        numbers.length === 0 ? '' : zh ? `（${numbers.join('，')}）` : ` (${numbers.join(', ')})`;
      return `${partyRoleLabels[p.role][locale]}${zh ? '：' : ': '}${p.name}${extra}`;
    })
    .join(zh ? '；' : '; ');
}

const c = caseColumnLabels;

export function caseColumns(locale: Locale, urgent: boolean): Column[] {
  return [
    { header: c.number[locale], width: 30 },
    { header: c.studio[locale], width: 22 },
    { header: c.category[locale], width: 14 },
    { header: c.source[locale], width: 14 },
    { header: c.risk[locale], width: 8 },
    { header: c.status[locale], width: 10 },
    ...(urgent
      ? [
          { header: c.urgency[locale], width: 12 },
          { header: c.daysLeft[locale], width: 10 },
        ]
      : []),
    { header: c.registeredAt[locale], width: 17 },
    { header: c.answeredAt[locale], width: 17 },
    { header: c.deadlineOn[locale], width: 12 },
    { header: c.concludedAt[locale], width: 17 },
    { header: c.outcome[locale], width: 14 },
    { header: c.parties[locale], width: 60 },
    { header: c.summary[locale], width: 80 },
  ];
}

export function caseRow(
  row: ExportCaseRow,
  studios: StudioNameMap,
  locale: Locale,
  urgent?: UrgentCase,
): Cell[] {
  return [
    row.number,
    studioName(studios.get(row.studioId), locale),
    categoryLabels[row.category]?.[locale] ?? row.category,
    sourceLabels[row.source]?.[locale] ?? row.source,
    riskLabels[row.riskLevel]?.[locale] ?? row.riskLevel,
    statusLabels[row.status]?.[locale] ?? row.status,
    ...(urgent === undefined
      ? []
      : [
          urgencyLabels[urgent.kind === 'dueSoon' ? 'due_soon' : urgent.kind][locale],
          urgent.daysLeft,
        ]),
    centerDateTime(row.registeredAt),
    centerDateTime(row.answeredAt),
    urgent?.dueOn ?? row.deadlineOn,
    centerDateTime(row.concludedAt),
    row.outcome === null ? null : (outcomeLabels[row.outcome]?.[locale] ?? row.outcome),
    partiesText(row, locale),
    row.summary,
  ];
}
