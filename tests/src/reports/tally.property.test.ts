import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTCOMES, type CaseStatus } from '../../../src/cases/case.schema';
import { dateOf, dayOf } from '../../../src/reports/center-day';
import { counters, countsOf } from '../../../src/reports/report-measures';
import { trendMonths, resolvePeriod } from '../../../src/reports/report-period';
import { MEASURES, RATES, RATE_KEYS } from '../../../src/reports/report.schema';
import type { CaseFacts } from '../../../src/reports/case-facts';
import { classify } from '../../../src/reports/rates';
import { eachCase, monthWindow, tally } from '../../../src/reports/tally';
import { FAMILY, LABOUR, MEDICAL, NO_RULE, fact, session, table, window } from './facts';

const STUDIOS = [MEDICAL, LABOUR, FAMILY, NO_RULE];
const START = dayOf('2025-11-01');
const TODAY = dayOf('2026-06-15');

/** A random case that went through the lifecycle in order, up to TODAY at most. */
const caseArb = fc
  .record({
    studio: fc.constantFrom(...STUDIOS),
    category: fc.constantFrom('medical', 'labour', 'neighbourhood', 'contract') as fc.Arbitrary<
      'medical' | 'labour' | 'neighbourhood' | 'contract'
    >,
    source: fc.constantFrom('walk_in', 'hotline_12345', 'grid_member') as fc.Arbitrary<
      'walk_in' | 'hotline_12345' | 'grid_member'
    >,
    registered: fc.integer({ min: START, max: TODAY }),
    path: fc.constantFrom(
      'registered',
      'declined',
      'referred',
      'accepted',
      'in_mediation',
      'concluded',
      'archived',
    ),
    answerAfter: fc.integer({ min: 0, max: 4 }),
    mediationAfter: fc.integer({ min: 0, max: 10 }),
    concludeAfter: fc.integer({ min: 1, max: 90 }),
    outcome: fc.constantFrom(...OUTCOMES),
    transfers: fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.constantFrom(...STUDIOS)), {
      maxLength: 2,
    }),
    pause: fc.option(
      fc.tuple(fc.integer({ min: 0, max: 40 }), fc.option(fc.integer({ min: 1, max: 30 }))),
    ),
    extension: fc.option(
      fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 30 })),
    ),
    visits: fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom('satisfied', 'basically_satisfied', 'dissatisfied', null),
      ),
      { maxLength: 3 },
    ),
  })
  .map((r): CaseFacts => {
    const cap = (d: number) => Math.min(d, TODAY);
    const registered = r.registered;
    const answered = cap(registered + r.answerAfter);
    const accepted = ['accepted', 'in_mediation', 'concluded', 'archived'].includes(r.path);
    const mediation = ['in_mediation', 'concluded', 'archived'].includes(r.path)
      ? cap(answered + r.mediationAfter)
      : undefined;
    const concluded = ['concluded', 'archived'].includes(r.path)
      ? cap((mediation ?? answered) + r.concludeAfter)
      : undefined;
    const closed = concluded ?? (r.path === 'declined' || r.path === 'referred' ? answered : TODAY);
    // Transfers happen while the case is open, each from the studio it was in.
    let studio = r.studio;
    const transfers: [string, number, number][] = [];
    for (const [after, to] of [...r.transfers].sort((a, b) => a[0] - b[0])) {
      const on = registered + after;
      if (on > closed || to === studio) continue;
      transfers.push([dateOf(on), studio, to]);
      studio = to;
    }
    const changes: ['pause' | 'resume' | 'extension', string, number?][] = [];
    if (accepted && r.pause !== null) {
      const [after, length] = r.pause;
      const on = answered + after;
      if (on <= closed) {
        changes.push(['pause', dateOf(on)]);
        if (length !== null && on + length <= closed) changes.push(['resume', dateOf(on + length)]);
      }
    }
    if (accepted && r.extension !== null && answered + r.extension[0] <= closed) {
      changes.push(['extension', dateOf(answered + r.extension[0]), r.extension[1]]);
    }
    const visits: [string, 'satisfied' | 'basically_satisfied' | 'dissatisfied' | null][] =
      concluded === undefined
        ? []
        : r.visits
            .filter(([after]) => concluded + after <= TODAY)
            .map(([after, rating]) => [dateOf(concluded + after), rating]);
    return fact({
      studio,
      category: r.category,
      source: r.source,
      status: r.path as CaseStatus,
      outcome: concluded === undefined ? undefined : r.outcome,
      registered: dateOf(registered),
      answered: r.path === 'registered' ? undefined : dateOf(answered),
      accepted: accepted ? dateOf(answered) : undefined,
      mediation: mediation === undefined ? undefined : dateOf(mediation),
      concluded: concluded === undefined ? undefined : dateOf(concluded),
      transfers,
      changes,
      visits,
    });
  });

const periodArb = fc.constantFrom(
  ['2026-01-01', '2026-03-31'],
  ['2026-03-01', '2026-03-31'],
  ['2026-01-01', '2026-12-31'],
  ['2026-02-10', '2026-05-20'],
  ['2025-12-01', '2025-12-31'],
);

describe('the tally (property-based, random lifecycles)', () => {
  it('groups add up to the totals, and each rate splits its denominator in two', () => {
    fc.assert(
      fc.property(fc.array(caseArb, { maxLength: 60 }), periodArb, (cases, [from, to]) => {
        const facts = table(cases);
        const s = session();
        const w = window(from, to, to < dateOf(TODAY) ? to : dateOf(TODAY));
        const result = tally(
          s,
          facts,
          { current: w, previous: w, months: [], studios: null },
          TODAY,
        );
        for (const m of MEASURES) {
          for (const groups of [result.byStudio, result.byCategory, result.bySource]) {
            const sum = [...groups.values()].reduce((n, f) => n + f.counts[m], 0);
            expect(sum, m).toBe(result.current.counts[m]);
          }
        }
        for (const key of RATE_KEYS) {
          const def = RATES[key];
          const c = result.current.counts;
          expect(c[def.numerator] + c[def.complement], key).toBe(c[def.denominator]);
        }
        // A studio filter gives that studio's row.
        for (const [studio, figures] of result.byStudio) {
          const only = tally(
            s,
            facts,
            { current: w, previous: w, months: [], studios: new Set([studio]) },
            TODAY,
          );
          expect(only.current.counts).toEqual(figures.counts);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the trend equals classifying every case in every month', () => {
    fc.assert(
      fc.property(
        fc.array(caseArb, { maxLength: 60 }),
        fc.constantFrom(null, [MEDICAL], [LABOUR, FAMILY]),
        (cases, studios) => {
          const facts = table(cases);
          const s = session();
          const period = resolvePeriod('2026-01-01', '2026-12-31');
          const months = trendMonths(period, dateOf(TODAY));
          const scope = studios === null ? null : new Set(studios);
          const w = window('2026-01-01', '2026-12-31', dateOf(TODAY));
          const result = tally(
            s,
            facts,
            { current: w, previous: w, months, studios: scope },
            TODAY,
          );
          for (const m of months) {
            const naive = counters();
            eachCase(s, facts, monthWindow(m, TODAY), scope, (_f, _studio, recorded) => {
              for (let i = 0; i < recorded.length; i += 1) {
                const k = recorded.measures[i] ?? 0;
                naive[k] = (naive[k] ?? 0) + 1;
              }
            });
            expect(result.trend.get(m.month)?.counts, m.month).toEqual(countsOf(naive));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('classify reports each measure at most once per case', () => {
    fc.assert(
      fc.property(caseArb, periodArb, (f, [from, to]) => {
        const seen: number[] = [];
        classify(session(), f, 0, window(from, to), { add: (m: number) => seen.push(m) });
        expect(new Set(seen).size).toBe(seen.length);
      }),
      { numRuns: 500 },
    );
  });
});
