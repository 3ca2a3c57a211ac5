import { caseListFilterSchema, CASE_LIST_SORTS, SORT_DIRECTIONS } from '../cases/case-list.schema';
import {
  CASE_STATUSES,
  CATEGORIES,
  OUTCOMES,
  SOURCES,
  type CaseStatus,
  type Outcome,
} from '../cases/case.schema';
import { z } from '../shared/zod-messages';

/**
 * The reports' inputs, and the names of what they count (measures) and the rates built from
 * them (DESIGN §6). Browser-safe: the dashboard's period picker and drill-down links use the
 * same names and checks as the core.
 */

export const BASE_MEASURES = [
  /** Registered in the period (登记). */
  'registered',
  /** …and answered (accepted, declined or referred) within the response limit. */
  'respondedInTime',
  /** …and answered late, or not yet answered. */
  'respondedLate',
  /** Accepted in the period (受理). */
  'accepted',
  /** Declined in the period (不予受理). */
  'declined',
  /** Referred elsewhere in the period (转办). */
  'referred',
  /** Accepted in the period and concluded since (办结). */
  'acceptedConcluded',
  /** Accepted in the period and still open. */
  'acceptedOpen',
  /** Concluded in the period (调解终结). */
  'concluded',
  /** …on or before the deadline in force at conclusion (按时办结). */
  'concludedOnTime',
  'concludedLate',
  /** …with a written or an oral agreement (调解成功). */
  'withAgreement',
  'withoutAgreement',
  /** …and visited since (回访). */
  'followedUp',
  'notFollowedUp',
  /** Cases whose last follow-up visited in the period was rated (有评价的回访). */
  'rated',
  /** …satisfied or basically satisfied (满意、基本满意). */
  'satisfied',
  'dissatisfied',
  /** Open (registered, accepted, in mediation) at the end of the period. */
  'openAtEnd',
  'inMediationAtEnd',
  /** Accepted or in mediation at the end of the period, past the deadline then in force. */
  'overdueAtEnd',
] as const;

export type OutcomeMeasure = `outcome.${Outcome}`;
export type StatusMeasure = `status.${CaseStatus}`;
export type Measure = (typeof BASE_MEASURES)[number] | OutcomeMeasure | StatusMeasure;

/** Concluded in the period, by outcome. */
export const OUTCOME_MEASURES: readonly OutcomeMeasure[] = OUTCOMES.map(
  (o) => `outcome.${o}` as const,
);
/** Registered in the period, by the status they are in now. */
export const STATUS_MEASURES: readonly StatusMeasure[] = CASE_STATUSES.map(
  (s) => `status.${s}` as const,
);

export const MEASURES: readonly [Measure, ...Measure[]] = [
  ...BASE_MEASURES,
  ...OUTCOME_MEASURES,
  ...STATUS_MEASURES,
];

/** Measures read at the end of the period (not events in it): not counted month by month. */
export const STATE_MEASURES: readonly Measure[] = ['openAtEnd', 'inMediationAtEnd', 'overdueAtEnd'];

export const RATE_KEYS = [
  'response',
  'completion',
  'onTime',
  'success',
  'followUp',
  'satisfaction',
] as const;
export type RateKey = (typeof RATE_KEYS)[number];

export interface RateDefinition {
  readonly key: RateKey;
  readonly numerator: Measure;
  readonly denominator: Measure;
  /** The denominator's cases that are not in the numerator: what to look at when it is low. */
  readonly complement: Measure;
}

export const RATES: Readonly<Record<RateKey, RateDefinition>> = {
  response: {
    key: 'response',
    numerator: 'respondedInTime',
    denominator: 'registered',
    complement: 'respondedLate',
  },
  completion: {
    key: 'completion',
    numerator: 'acceptedConcluded',
    denominator: 'accepted',
    complement: 'acceptedOpen',
  },
  onTime: {
    key: 'onTime',
    numerator: 'concludedOnTime',
    denominator: 'concluded',
    complement: 'concludedLate',
  },
  success: {
    key: 'success',
    numerator: 'withAgreement',
    denominator: 'concluded',
    complement: 'withoutAgreement',
  },
  followUp: {
    key: 'followUp',
    numerator: 'followedUp',
    denominator: 'concluded',
    complement: 'notFollowedUp',
  },
  satisfaction: {
    key: 'satisfaction',
    numerator: 'satisfied',
    denominator: 'rated',
    complement: 'dissatisfied',
  },
};

export interface Rate {
  readonly numerator: number;
  readonly denominator: number;
  /** numerator ÷ denominator; null when nothing was counted (shown as "—"). */
  readonly value: number | null;
}

/** Custom periods are at most this long: three years, one leap day included. */
export const MAX_PERIOD_DAYS = 3 * 365 + 1;

/** A calendar date at the center, YYYY-MM-DD, that exists (no 30 February). */
const centerDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
  .refine(
    (v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
    },
    { error: 'validation.date' },
  );

const studioIds = z.array(z.int32().positive()).max(50);

function checkRange(v: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (v.from > v.to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.dateRange' });
    return;
  }
  const days = (Date.parse(`${v.to}T00:00:00Z`) - Date.parse(`${v.from}T00:00:00Z`)) / 86_400_000;
  if (days + 1 > MAX_PERIOD_DAYS) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.report.periodTooLong' });
  }
}

const periodShape = {
  /** First day of the period (center date). */
  from: centerDate,
  /** Last day, inclusive. */
  to: centerDate,
  /** Only these studios (checked against the caller's); absent: every studio the caller sees. */
  studioIds: studioIds.optional(),
};

/** 统计 the dashboard of a period: from, to (whole month, quarter or year, or custom). */
export const reportPeriodSchema = z.object(periodShape).superRefine(checkRange);
export type ReportPeriodInput = z.input<typeof reportPeriodSchema>;

export const GROUP_DIMENSIONS = ['studio', 'category', 'source'] as const;
export type GroupDimension = (typeof GROUP_DIMENSIONS)[number];

/** One row of a dashboard table: a studio id, a category or a source. */
const groupSchema = z.discriminatedUnion('by', [
  z.object({ by: z.literal('studio'), key: z.int32().positive() }),
  z.object({ by: z.literal('category'), key: z.enum(CATEGORIES) }),
  z.object({ by: z.literal('source'), key: z.enum(SOURCES) }),
]);
export type DrillGroup = z.output<typeof groupSchema>;

export const DRILL_MAX_LIMIT = 200;

const drillShape = {
  ...periodShape,
  /** The figure: a measure, counted in the period from–to (a month of the trend is a period). */
  measure: z.enum(MEASURES),
  /** Only the cases of one row of a dashboard table. */
  group: groupSchema.optional(),
};

/** 明细 the cases behind one figure of the dashboard. */
export const drillSchema = z
  .object({
    ...drillShape,
    offset: z.int32().min(0).max(1_000_000).default(0),
    limit: z.int32().min(1).max(DRILL_MAX_LIMIT).default(50),
  })
  .superRefine(checkRange);
export type DrillInput = z.input<typeof drillSchema>;

export const OVERDUE_KINDS = ['overdue', 'dueSoon', 'response'] as const;
export type OverdueKind = (typeof OVERDUE_KINDS)[number];

const overdueShape = {
  studioIds: studioIds.optional(),
  /**
   * overdue: past the case deadline; dueSoon: due within DUE_SOON_DAYS (deadline.ts); response:
   * registered and not answered past the response limit. Absent: all three.
   */
  kinds: z
    .array(z.enum(OVERDUE_KINDS))
    .min(1)
    .max(OVERDUE_KINDS.length * 2)
    .optional(),
};

/** 超期、临期 open cases past or near their deadline, across studios or the caller's own. */
export const overdueSchema = z.object({
  ...overdueShape,
  offset: z.int32().min(0).max(1_000_000).default(0),
  limit: z.int32().min(1).max(DRILL_MAX_LIMIT).default(100),
});
export type OverdueInput = z.input<typeof overdueSchema>;

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** More rows than this is not a list but a copy of the database: refused. */
export const EXPORT_MAX_ROWS = 50_000;

const format = z.enum(EXPORT_FORMATS);

/** 导出 the dashboard's tables, a drill-down list, the overdue list or any case list. */
export const exportSchema = z.discriminatedUnion('what', [
  z.object({ what: z.literal('dashboard'), format, ...periodShape }).superRefine(checkRange),
  z.object({ what: z.literal('drill'), format, ...drillShape }).superRefine(checkRange),
  z.object({ what: z.literal('overdue'), format, ...overdueShape }),
  z.object({
    what: z.literal('cases'),
    format,
    /** The case list's filter and search (cases/list), as the Cases screen sends it. */
    filter: caseListFilterSchema,
    sort: z.enum(CASE_LIST_SORTS).default('registeredAt'),
    direction: z.enum(SORT_DIRECTIONS).default('desc'),
  }),
]);
export type ExportInput = z.input<typeof exportSchema>;

/** 月度统计报表 the monthly statistics report (PDF). */
export const monthlyReportSchema = z.object({
  year: z.int32().min(2000).max(2100),
  month: z.int32().min(1).max(12),
  studioIds: studioIds.optional(),
});
export type MonthlyReportInput = z.input<typeof monthlyReportSchema>;

/** A file for the renderer to save: its bytes as base64. */
export interface ExportedFile {
  readonly filename: string;
  readonly mimeType: string;
  readonly base64: string;
  /** Data rows written (cases, or table rows for the dashboard). */
  readonly rows: number;
}
