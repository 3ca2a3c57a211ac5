import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, dayNumber, fromDayNumber } from '../../../src/calendar/iso-date';
import {
  computeDeadline,
  DEADLINE_UNITS,
  type DeadlineChange,
  type DeadlineRule,
} from '../../../src/cases/deadline';
import { official2026 } from '../calendar/official-schedule';

const cal = official2026();
const date = fc
  .integer({ min: dayNumber('2025-09-01'), max: dayNumber('2027-03-31') })
  .map(fromDayNumber);
const rule: fc.Arbitrary<DeadlineRule> = fc.record({
  amount: fc.integer({ min: 1, max: 60 }),
  unit: fc.constantFrom(...DEADLINE_UNITS),
});
const change: fc.Arbitrary<DeadlineChange> = fc.oneof(
  fc.record({ kind: fc.constantFrom('pause' as const, 'resume' as const), onDate: date }),
  fc.record({
    kind: fc.constant('extension' as const),
    onDate: date,
    days: fc.integer({ min: 1, max: 30 }),
  }),
);
const changes = fc.array(change, { maxLength: 8 });

const extensionDays = (list: readonly DeadlineChange[]) =>
  list.reduce((sum, c) => sum + (c.kind === 'extension' ? (c.days ?? 0) : 0), 0);

describe('deadlines (property-based)', () => {
  it('always end on a working day, never before the rule alone would', () => {
    fc.assert(
      fc.property(rule, date, changes, date, (r, accepted, list, today) => {
        const state = computeDeadline(cal, r, accepted, list, today);
        const plain = computeDeadline(cal, r, accepted, [], today);
        expect(cal.isWorkingDay(state.dueOn)).toBe(true);
        expect(state.dueOn >= plain.dueOn).toBe(true);
        expect(state.pausedDays).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('a working-day deadline is exactly amount + paused + extension working days away', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        date,
        changes,
        date,
        (amount, accepted, list, today) => {
          const state = computeDeadline(
            cal,
            { amount, unit: 'working_days' },
            accepted,
            list,
            today,
          );
          expect(cal.workingDaysBetween(accepted, state.dueOn)).toBe(
            amount + state.pausedDays + extensionDays(list),
          );
        },
      ),
    );
  });

  it('while a pause is open, the due date only moves later as days pass', () => {
    fc.assert(
      fc.property(rule, date, fc.integer({ min: 0, max: 40 }), (r, accepted, offset) => {
        const paused = [{ kind: 'pause' as const, onDate: addCalendarDays(accepted, offset) }];
        let previous = '';
        for (let i = 0; i < 20; i += 1) {
          const today = addCalendarDays(accepted, offset + i);
          const { dueOn } = computeDeadline(cal, r, accepted, paused, today);
          expect(dueOn >= previous).toBe(true);
          previous = dueOn;
        }
      }),
      { numRuns: 50 },
    );
  });
});
