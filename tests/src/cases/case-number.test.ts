import { afterEach, describe, expect, it } from 'vitest';
import {
  centerYear,
  DEFAULT_NUMBER_TEMPLATE,
  formatCaseNumber,
} from '../../../src/cases/case-number';
import { intake } from '../../support/fixtures';
import { createClock, openTestCore, type TestCore } from '../../support/test-core';

const parts = { year: 2026, center: '矛', studio: '医', word: '调', seq: 1 };

describe('formatCaseNumber', () => {
  it('fills the default template', () => {
    expect(formatCaseNumber(DEFAULT_NUMBER_TEMPLATE, parts)).toBe('（2026）矛医调字第0001号');
  });

  it('pads the sequence to four digits and never truncates a longer one', () => {
    const seqs = [1, 7, 42, 999, 1000, 9999, 12345];
    expect(seqs.map((seq) => formatCaseNumber('{seq}', { ...parts, seq }))).toEqual([
      '0001',
      '0007',
      '0042',
      '0999',
      '1000',
      '9999',
      '12345',
    ]);
  });

  it('uses the judicial-confirmation word and an empty center code', () => {
    expect(
      formatCaseNumber(DEFAULT_NUMBER_TEMPLATE, {
        ...parts,
        center: '',
        studio: '司',
        word: '调确',
      }),
    ).toBe('（2026）司调确字第0001号');
  });

  it('follows a configured template, replacing every occurrence of a placeholder', () => {
    expect(formatCaseNumber('{studio}-{year}-{seq}/{year}', { ...parts, seq: 23 })).toBe(
      '医-2026-0023/2026',
    );
  });
});

describe('centerYear (Asia/Shanghai)', () => {
  it('turns the year at midnight in Beijing, eight hours before UTC', () => {
    expect(centerYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(centerYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
    expect(centerYear(new Date('2026-12-31T16:30:00Z'))).toBe(2027);
    expect(centerYear(new Date('2027-01-01T00:00:00Z'))).toBe(2027);
  });

  it('takes another time zone when given one', () => {
    expect(centerYear(new Date('2026-12-31T16:30:00Z'), 'UTC')).toBe(2026);
  });
});

describe('registration across the Beijing new year', () => {
  let t: TestCore | undefined;
  afterEach(async () => {
    await t?.close();
  });

  it('numbers a case registered at 00:30 on 1 January (Beijing) in the new year, from 0001', async () => {
    const clock = createClock(new Date('2026-12-31T15:30:00Z')); // 23:30 in Beijing
    t = await openTestCore({ now: clock.now });
    const medical = await t.studioId('medical');

    const first = await t.ok('cases/register', intake(medical));
    const second = await t.ok('cases/register', intake(medical));
    clock.set('2026-12-31T16:30:00Z'); // 00:30 on 1 January 2027 in Beijing
    const third = await t.ok('cases/register', intake(medical));
    const fourth = await t.ok('cases/register', intake(medical));

    expect([first, second, third, fourth].map((c) => c.number)).toEqual([
      '（2026）矛医调字第0001号',
      '（2026）矛医调字第0002号',
      '（2027）矛医调字第0001号',
      '（2027）矛医调字第0002号',
    ]);
    const sequences = await t.db
      .selectFrom('numberSequences')
      .selectAll()
      .orderBy('scope')
      .execute();
    expect(sequences).toEqual([
      { scope: `case:${medical}:2026`, lastValue: 2 },
      { scope: `case:${medical}:2027`, lastValue: 2 },
    ]);
    const years = await t.db
      .selectFrom('cases')
      .select(['numberYear', 'numberSeq'])
      .orderBy('id')
      .execute();
    expect(years).toEqual([
      { numberYear: 2026, numberSeq: 1 },
      { numberYear: 2026, numberSeq: 2 },
      { numberYear: 2027, numberSeq: 1 },
      { numberYear: 2027, numberSeq: 2 },
    ]);
  });

  it('follows the numbering template and center code stored in settings', async () => {
    t = await openTestCore();
    await t.db
      .updateTable('settings')
      .set({ value: '{center}{studio}{word}〔{year}〕{seq}号' })
      .where('key', '=', 'numbering.template')
      .execute();
    await t.db
      .updateTable('settings')
      .set({ value: '城' })
      .where('key', '=', 'center.numberCode')
      .execute();
    const { number } = await t.ok('cases/register', intake(await t.studioId('labour')));
    expect(number).toBe('城劳调〔2026〕0001号');
  });
});
