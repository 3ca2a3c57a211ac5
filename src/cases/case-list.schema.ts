import { z } from '../shared/zod-messages';
import { CASE_STATUSES, CATEGORIES, RISK_LEVELS, SOURCES } from './case.schema';

/**
 * The case list's filter, sort and page (cases/list, cases/count). Browser-safe: the renderer's
 * filter bar parses with the same schema the core does.
 */

/** Statuses in which a case is still being worked, so its deadline still matters. */
export const OPEN_STATUSES = ['registered', 'accepted', 'in_mediation'] as const;

export const CASE_LIST_SORTS = ['registeredAt', 'deadlineOn', 'number'] as const;
export type CaseListSort = (typeof CASE_LIST_SORTS)[number];

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export const CASE_LIST_MAX_LIMIT = 200;
export const CASE_LIST_DEFAULT_LIMIT = 50;
/** Long enough for a full case number plus a name; a search box is not a document. */
export const CASE_SEARCH_MAX_LENGTH = 100;
/** How many days ahead "due soon" looks (calendar days; the working-day urgency is deadline.ts's). */
export const DUE_SOON_DAYS = 3;

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

/** A multi-choice filter: absent or empty means "any"; repeats are harmless. */
const anyOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).max(values.length * 2);

const filterShape = {
  studioIds: z.array(z.int32().positive()).max(50).optional(),
  statuses: anyOf(CASE_STATUSES).optional(),
  categories: anyOf(CATEGORIES).optional(),
  sources: anyOf(SOURCES).optional(),
  riskLevels: anyOf(RISK_LEVELS).optional(),
  /** Cases this staff member mediates (case_mediators). */
  mediatorId: z.int32().positive().optional(),
  /**
   * Open cases past their deadline. `overdue` and `dueSoon` together mean "urgent": either one
   * (both at once would always be empty). `false` is the same as absent.
   */
  overdue: z.boolean().optional(),
  /** Open cases due today or within DUE_SOON_DAYS calendar days. */
  dueSoon: z.boolean().optional(),
  /** Registered on or after this date (Asia/Shanghai). */
  registeredFrom: centerDate.optional(),
  /** Registered on or before this date (Asia/Shanghai), inclusive. */
  registeredTo: centerDate.optional(),
  /**
   * Search: case number (or a fragment), party names, summary and requests; or a full resident
   * ID, credit code or phone. Blank means no search.
   */
  q: z
    .string()
    .trim()
    .max(CASE_SEARCH_MAX_LENGTH)
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
};

function checkDateRange(
  v: { registeredFrom?: string | undefined; registeredTo?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (v.registeredFrom !== undefined && v.registeredTo !== undefined) {
    if (v.registeredFrom > v.registeredTo) {
      ctx.addIssue({ code: 'custom', path: ['registeredTo'], message: 'validation.dateRange' });
    }
  }
}

/** Which cases: the filter bar (also the input of cases/count). */
export const caseListFilterSchema = z.object(filterShape).superRefine(checkDateRange);
export type CaseListFilterInput = z.input<typeof caseListFilterSchema>;
export type CaseListFilter = z.output<typeof caseListFilterSchema>;

/** Which cases, in which order, which page. */
export const caseListSchema = z
  .object({
    ...filterShape,
    sort: z.enum(CASE_LIST_SORTS).default('registeredAt'),
    direction: z.enum(SORT_DIRECTIONS).default('desc'),
    limit: z.int32().min(1).max(CASE_LIST_MAX_LIMIT).default(CASE_LIST_DEFAULT_LIMIT),
    /** `nextCursor` of the previous page, as given; the same sort and direction must be asked. */
    after: z
      .string()
      .max(1000)
      .regex(/^[A-Za-z0-9_-]+$/, { error: 'validation.cursor' })
      .optional(),
  })
  .superRefine(checkDateRange);
export type CaseListInput = z.input<typeof caseListSchema>;
export type CaseListQuery = z.output<typeof caseListSchema>;
