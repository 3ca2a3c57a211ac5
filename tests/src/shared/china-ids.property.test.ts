import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  creditCodeCheckChar,
  creditCodeProblem,
  residentIdCheckChar,
  residentIdProblem,
} from '../../../src/shared/china-ids';

const TODAY = new Date('2026-03-10T02:00:00Z');
const digit = fc.integer({ min: 0, max: 9 }).map(String);

/** Region (6 digits, not starting with 0), a real birth date, a 3-digit sequence. */
const first17 = fc
  .tuple(
    fc.integer({ min: 100000, max: 999999 }),
    fc.date({ min: new Date('1901-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }),
    fc.array(digit, { minLength: 3, maxLength: 3 }),
  )
  .map(
    ([region, birth, seq]) =>
      `${region}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${seq.join('')}`,
  );

describe('check characters (property-based)', () => {
  it('a resident ID with its computed check character is valid, with any other it is not', () => {
    fc.assert(
      fc.property(first17, fc.constantFrom(...'0123456789X'), (body, other) => {
        const check = residentIdCheckChar(body);
        expect(residentIdProblem(body + check, TODAY)).toBeNull();
        if (other !== check) expect(residentIdProblem(body + other, TODAY)).toBe('checksum');
      }),
    );
  });

  it('changing any single digit of a valid resident ID is detected', () => {
    fc.assert(
      fc.property(first17, fc.integer({ min: 0, max: 16 }), digit, (body, index, replacement) => {
        const id = body + residentIdCheckChar(body);
        fc.pre(id[index] !== replacement);
        const changed = id.slice(0, index) + replacement + id.slice(index + 1);
        expect(residentIdProblem(changed, TODAY)).not.toBeNull();
      }),
    );
  });

  it('a credit code with its computed check character is valid, with any other it is not', () => {
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const code17 = fc
      .tuple(
        fc.constantFrom(...'1259'),
        fc.constantFrom(...'123'),
        fc.integer({ min: 100000, max: 999999 }),
        fc.array(fc.constantFrom(...chars), { minLength: 9, maxLength: 9 }),
      )
      .map(([a, b, region, rest]) => `${a}${b}${region}${rest.join('')}`);
    fc.assert(
      fc.property(code17, fc.constantFrom(...chars), (body, other) => {
        const check = creditCodeCheckChar(body);
        expect(creditCodeProblem(body + check)).toBeNull();
        if (other !== check) expect(creditCodeProblem(body + other)).toBe('checksum');
      }),
    );
  });
});
