import type { Database } from '../db/database';
import { centerDate } from '../shared/center-time';
import { periodWindow, factRange } from './dashboard.service';
import { loadCaseFacts } from './report-facts.repository';
import { loadReportContext } from './report-context';
import { MEASURE_INDEX } from './report-measures';
import { resolvePeriod } from './report-period';
import { listReportRows, type ReportCaseRow } from './report-rows.repository';
import type { DrillGroup, Measure } from './report.schema';
import type { CaseFacts } from './case-facts';
import { eachCase } from './tally';

export interface DrillSpec {
  readonly from: string;
  readonly to: string;
  readonly measure: Measure;
  readonly group?: DrillGroup | undefined;
}

export interface DrillPage {
  /** How many cases the figure counts: the figure itself. */
  readonly total: number;
  readonly items: readonly ReportCaseRow[];
}

function inGroup(
  group: DrillGroup | undefined,
  t: CaseFacts,
  row: number,
  studioId: number,
): boolean {
  if (group === undefined) return true;
  switch (group.by) {
    case 'studio':
      return studioId === group.key;
    case 'category':
      return t.categoryOf(row) === group.key;
    case 'source':
      return t.sourceOf(row) === group.key;
  }
}

/**
 * The ids of exactly the cases a figure counts, newest registration first: the same loop and
 * the same decisions as the dashboard (tally.ts eachCase), kept when they report the measure.
 */
export async function drillIds(
  db: Database,
  spec: DrillSpec,
  scope: readonly number[] | null,
  now: Date,
): Promise<number[]> {
  const today = centerDate(now);
  const period = resolvePeriod(spec.from, spec.to);
  const range = factRange([period], today);
  if (range === null) return [];
  const { session } = await loadReportContext(db);
  const facts = await loadCaseFacts(db, { ...range, studioIds: scope });
  const wanted = MEASURE_INDEX[spec.measure];
  const found: { id: number; registeredOn: number }[] = [];
  eachCase(
    session,
    facts,
    periodWindow(period, today),
    scope === null ? null : new Set(scope),
    (row, studioId, recorded) => {
      if (!inGroup(spec.group, facts, row, studioId)) return;
      for (let i = 0; i < recorded.length; i += 1) {
        if (recorded.measures[i] === wanted) {
          found.push({ id: facts.id[row] ?? 0, registeredOn: facts.registered[row] ?? 0 });
          return;
        }
      }
    },
  );
  found.sort((a, b) => b.registeredOn - a.registeredOn || b.id - a.id);
  return found.map((f) => f.id);
}

export async function drillPage(
  db: Database,
  spec: DrillSpec,
  page: { offset: number; limit: number },
  scope: readonly number[] | null,
  now: Date,
): Promise<DrillPage> {
  const ids = await drillIds(db, spec, scope, now);
  const items = await listReportRows(db, ids.slice(page.offset, page.offset + page.limit));
  return { total: ids.length, items };
}
