import {
  CASE_LIST_SORTS,
  SORT_DIRECTIONS,
  type CaseListFilterInput,
  type CaseListSort,
  type SortDirection,
} from '../../../src/cases/case-list.schema';
import {
  CASE_STATUSES,
  CATEGORIES,
  RISK_LEVELS,
  SOURCES,
  type CaseStatus,
  type Category,
  type RiskLevel,
  type Source,
} from '../../../src/cases/case.schema';

/**
 * The case list's state as it lives in the URL (`#/cases?status=registered&sort=number`): the
 * filter bar, the search box and the sort. Pure, so the home page can link to a filtered list and
 * saved filters can be stored as the same query string.
 */
export interface ListParams {
  readonly studioIds: readonly number[];
  readonly statuses: readonly CaseStatus[];
  readonly categories: readonly Category[];
  readonly sources: readonly Source[];
  readonly riskLevels: readonly RiskLevel[];
  readonly mediatorId: number | null;
  readonly overdue: boolean;
  readonly dueSoon: boolean;
  /** YYYY-MM-DD, center time. */
  readonly registeredFrom: string | null;
  readonly registeredTo: string | null;
  readonly q: string;
  readonly sort: CaseListSort;
  readonly direction: SortDirection;
}

export const DEFAULT_PARAMS: ListParams = {
  studioIds: [],
  statuses: [],
  categories: [],
  sources: [],
  riskLevels: [],
  mediatorId: null,
  overdue: false,
  dueSoon: false,
  registeredFrom: null,
  registeredTo: null,
  q: '',
  sort: 'registeredAt',
  direction: 'desc',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | null {
  return raw !== null && (values as readonly string[]).includes(raw) ? (raw as T) : null;
}

function listOf<T extends string>(values: readonly T[], raw: string | null): T[] {
  if (raw === null || raw === '') return [];
  const picked = raw.split(',').filter((v): v is T => (values as readonly string[]).includes(v));
  return [...new Set(picked)];
}

function ids(raw: string | null): number[] {
  if (raw === null || raw === '') return [];
  const picked = raw
    .split(',')
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0);
  return [...new Set(picked)];
}

function positive(raw: string | null): number | null {
  const n = Number(raw);
  return raw !== null && Number.isSafeInteger(n) && n > 0 ? n : null;
}

function date(raw: string | null): string | null {
  return raw !== null && DATE.test(raw) ? raw : null;
}

/** Reads a query string; anything unknown or malformed is dropped, never an error. */
export function parseParams(search: string): ListParams {
  const p = new URLSearchParams(search);
  let registeredFrom = date(p.get('from'));
  let registeredTo = date(p.get('to'));
  if (registeredFrom !== null && registeredTo !== null && registeredFrom > registeredTo) {
    [registeredFrom, registeredTo] = [registeredTo, registeredFrom];
  }
  return {
    studioIds: ids(p.get('studio')),
    statuses: listOf(CASE_STATUSES, p.get('status')),
    categories: listOf(CATEGORIES, p.get('category')),
    sources: listOf(SOURCES, p.get('source')),
    riskLevels: listOf(RISK_LEVELS, p.get('risk')),
    mediatorId: positive(p.get('mediator')),
    overdue: p.get('overdue') === '1',
    dueSoon: p.get('dueSoon') === '1',
    registeredFrom,
    registeredTo,
    q: (p.get('q') ?? '').slice(0, 100),
    sort: oneOf(CASE_LIST_SORTS, p.get('sort')) ?? DEFAULT_PARAMS.sort,
    direction: oneOf(SORT_DIRECTIONS, p.get('dir')) ?? DEFAULT_PARAMS.direction,
  };
}

/** The shortest query string for these params (defaults left out), stable in key order. */
export function serializeParams(params: Partial<ListParams>): string {
  const v = { ...DEFAULT_PARAMS, ...params };
  const p = new URLSearchParams();
  if (v.q.trim() !== '') p.set('q', v.q);
  if (v.studioIds.length > 0) p.set('studio', v.studioIds.join(','));
  if (v.statuses.length > 0) p.set('status', v.statuses.join(','));
  if (v.categories.length > 0) p.set('category', v.categories.join(','));
  if (v.sources.length > 0) p.set('source', v.sources.join(','));
  if (v.riskLevels.length > 0) p.set('risk', v.riskLevels.join(','));
  if (v.mediatorId !== null) p.set('mediator', String(v.mediatorId));
  if (v.overdue) p.set('overdue', '1');
  if (v.dueSoon) p.set('dueSoon', '1');
  if (v.registeredFrom !== null) p.set('from', v.registeredFrom);
  if (v.registeredTo !== null) p.set('to', v.registeredTo);
  if (v.sort !== DEFAULT_PARAMS.sort) p.set('sort', v.sort);
  if (v.direction !== DEFAULT_PARAMS.direction) p.set('dir', v.direction);
  return p.toString();
}

/** A link to the case list showing these cases. */
export function caseListHref(params: Partial<ListParams>): string {
  const search = serializeParams(params);
  // `?` alone marks "explicitly unfiltered" so the list does not restore the last-used filter.
  return `/cases?${search === '' ? 'all' : search}`;
}

/** The part of the params the core filters by (cases/count; cases/list adds sort and page). */
export function toApiFilter(params: ListParams): CaseListFilterInput {
  const q = params.q.trim();
  return {
    studioIds: params.studioIds.length > 0 ? [...params.studioIds] : undefined,
    statuses: params.statuses.length > 0 ? [...params.statuses] : undefined,
    categories: params.categories.length > 0 ? [...params.categories] : undefined,
    sources: params.sources.length > 0 ? [...params.sources] : undefined,
    riskLevels: params.riskLevels.length > 0 ? [...params.riskLevels] : undefined,
    mediatorId: params.mediatorId ?? undefined,
    overdue: params.overdue || undefined,
    dueSoon: params.dueSoon || undefined,
    registeredFrom: params.registeredFrom ?? undefined,
    registeredTo: params.registeredTo ?? undefined,
    q: q === '' ? undefined : q,
  };
}

/** Whether any filter or search narrows the list (the sort does not count). */
export function isFiltered(params: ListParams): boolean {
  return (
    serializeParams({
      ...params,
      sort: DEFAULT_PARAMS.sort,
      direction: DEFAULT_PARAMS.direction,
    }) !== ''
  );
}
