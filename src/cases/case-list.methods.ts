import { defineMethod, type Caller } from '../api/method';
import { fieldError } from '../api/validation';
import { centerDate } from '../shared/center-time';
import { z } from '../shared/zod-messages';
import { assertStudioAccess, seesAllStudios } from './case-access';
import {
  CASE_LIST_SORTS,
  SORT_DIRECTIONS,
  caseListFilterSchema,
  caseListSchema,
  type CaseListQuery,
} from './case-list.schema';
import {
  NO_DEADLINE_SORT_KEY,
  countCases,
  listCasePage,
  listPartyNames,
  type CaseListRow,
  type Keyset,
  type ListContext,
} from './case-list.repository';
import type { PartyRole } from './case.schema';

/** One row of the case list. Parties by name and role only: lists carry no personal numbers. */
export interface CaseListItem extends Omit<CaseListRow, 'sortKey'> {
  readonly parties: readonly { readonly name: string; readonly role: PartyRole }[];
}

export interface CaseListPage {
  readonly items: readonly CaseListItem[];
  /** Pass as `after` (with the same sort and direction) for the next page; null on the last. */
  readonly nextCursor: string | null;
}

const SUMMARY_LENGTH = 80;

/**
 * The studios a call lists. Reception, director and admin see the whole center; others their
 * own studios. Naming a studio outside one's scope is refused, as cases/queue does, rather than
 * quietly answered with nothing.
 */
function listedStudios(caller: Caller, requested: readonly number[] | undefined): number[] | null {
  const asked = requested !== undefined && requested.length > 0 ? [...new Set(requested)] : null;
  if (seesAllStudios(caller)) return asked;
  if (asked === null) return [...caller.studioIds];
  for (const studioId of asked) assertStudioAccess(caller, studioId);
  return asked;
}

// The cursor is opaque to clients (base64url JSON) but checked like any input: a tampered or
// foreign cursor is a VALIDATION error on `after`, never an SQL error or a wrong page.
const cursorSchema = z
  .object({
    s: z.enum(CASE_LIST_SORTS),
    d: z.enum(SORT_DIRECTIONS),
    k: z.string().max(200),
    i: z.int32().positive(),
  })
  .strict();

const KEY_SHAPE: Record<CaseListQuery['sort'], RegExp> = {
  registeredAt: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/,
  deadlineOn: /^\d{4}-\d{2}-\d{2}$/,
  number: /^[^\0]{1,200}$/,
};

export function encodeCursor(query: CaseListQuery, row: CaseListRow): string {
  const json = JSON.stringify({ s: query.sort, d: query.direction, k: row.sortKey, i: row.id });
  return Buffer.from(json, 'utf8').toString('base64url');
}

export function decodeCursor(query: CaseListQuery): Keyset | null {
  if (query.after === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(query.after, 'base64url').toString('utf8'));
  } catch {
    throw fieldError('after', 'validation.cursor');
  }
  const cursor = cursorSchema.safeParse(parsed);
  if (
    !cursor.success ||
    cursor.data.s !== query.sort ||
    cursor.data.d !== query.direction ||
    !KEY_SHAPE[query.sort].test(cursor.data.k) ||
    (query.sort === 'deadlineOn' && cursor.data.k > NO_DEADLINE_SORT_KEY)
  ) {
    throw fieldError('after', 'validation.cursor');
  }
  return { key: cursor.data.k, id: cursor.data.i };
}

/** One line for the list: white space (line breaks included) collapsed, ~80 characters. */
function trimSummary(summary: string): string {
  const chars = [...summary.replace(/\s+/g, ' ').trim()];
  return chars.length > SUMMARY_LENGTH
    ? `${chars.slice(0, SUMMARY_LENGTH).join('')}…`
    : chars.join('');
}

export const caseListMethods = {
  /** 案件列表 the Cases screen: filter bar, search box, sort, keyset pages. */
  'cases/list': defineMethod({
    input: caseListSchema,
    access: 'signedIn',
    write: false,
    summary: 'Cases matching filters and a search, sorted, one keyset page at a time',
    handler: async (ctx, input): Promise<CaseListPage> => {
      const after = decodeCursor(input);
      const scope: ListContext = {
        studioIds: listedStudios(ctx.caller(), input.studioIds),
        today: centerDate(ctx.now),
      };
      const { rows, hasMore } = await listCasePage(ctx.db, input, scope, {
        sort: input.sort,
        direction: input.direction,
        limit: input.limit,
        after,
      });
      const parties = await listPartyNames(
        ctx.db,
        rows.map((r) => r.id),
      );
      const last = rows.at(-1);
      return {
        items: rows.map(({ sortKey: _sortKey, ...r }) => ({
          ...r,
          summary: trimSummary(r.summary),
          parties: parties.get(r.id) ?? [],
        })),
        nextCursor: hasMore && last !== undefined ? encodeCursor(input, last) : null,
      };
    },
  }),

  /** "共 N 件": how many cases the same filter finds. */
  'cases/count': defineMethod({
    input: caseListFilterSchema,
    access: 'signedIn',
    write: false,
    summary: 'How many cases match the filters and search of cases/list',
    handler: async (ctx, input): Promise<{ total: number }> => {
      const scope: ListContext = {
        studioIds: listedStudios(ctx.caller(), input.studioIds),
        today: centerDate(ctx.now),
      };
      return { total: await countCases(ctx.db, input, scope) };
    },
  }),
};
