import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  creditCodeCheckChar,
  creditCodeProblem,
  isChinesePhone,
  maskIdNumber,
  maskPhone,
  residentIdBirthDate,
  residentIdCheckChar,
  residentIdProblem,
  residentIdSex,
} from '../../../src/shared/china-ids';
import {
  CREDIT_CODE_ALPHABET,
  creditCode,
  referenceCreditCodeCheck,
  referenceResidentIdCheck,
  residentId,
} from '../../support/china-ids-reference';

const TODAY = new Date('2026-03-10T02:00:00Z');
const digits17 = fc.string({
  unit: fc.constantFrom(...'0123456789'),
  minLength: 17,
  maxLength: 17,
});

describe('resident ID (GB 11643-1999)', () => {
  it('computes the check character as ISO 7064 MOD 11-2 does, for any 17 digits', () => {
    fc.assert(
      fc.property(digits17, (first17) => {
        expect(residentIdCheckChar(first17)).toBe(referenceResidentIdCheck(first17));
      }),
      { seed: 20260310, numRuns: 2000 },
    );
  });

  it('produces every one of the eleven check characters, each matching the reference', () => {
    const seen = new Set<string>();
    for (let seq = 0; seq < 200; seq += 1) {
      const first17 = `11010519800101${String(seq).padStart(3, '0')}`;
      const check = residentIdCheckChar(first17);
      expect(check).toBe(referenceResidentIdCheck(first17));
      seen.add(check);
    }
    expect([...seen].sort()).toEqual([...'0123456789X'].sort());
  });

  it('accepts published examples and generated numbers', () => {
    // The GB 11643-1999 sample: Beijing Chaoyang, born 1949-12-31, a woman, check X.
    expect(residentIdProblem('11010519491231002X', TODAY)).toBeNull();
    expect(referenceResidentIdCheck('11010519491231002')).toBe('X');
    expect(residentIdSex('11010519491231002X')).toBe('female');
    expect(residentIdBirthDate('11010519491231002X')).toBe('1949-12-31');
    for (const id of [
      residentId('11010519800101123'),
      residentId('44030519750615035'),
      residentId('32010219901231002'),
      residentId('65010220000229001'), // 29 February of a leap year
    ]) {
      expect(residentIdProblem(id, TODAY), id).toBeNull();
    }
  });

  it('holds the other published sample (born 1880) to the 1900 lower bound, though its check is right', () => {
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
    expect(residentIdProblem('440524188001010014', TODAY)).toBe('birthDate');
  });

  it('rejects every wrong check character', () => {
    const valid = residentId('11010519800101123');
    for (const wrong of '0123456789X') {
      if (wrong === valid[17]) continue;
      expect(residentIdProblem(valid.slice(0, 17) + wrong, TODAY), wrong).toBe('checksum');
    }
  });

  it('rejects birth dates that do not exist', () => {
    for (const birth of ['19900230', '19000229', '20010229', '19901301', '19900100', '19900132']) {
      const id = residentId(`110105${birth}123`);
      expect(residentIdProblem(id, TODAY), birth).toBe('birthDate');
      expect(residentIdBirthDate(id)).toBeNull();
    }
  });

  it('rejects birth dates after today and before 1900, accepts today itself', () => {
    expect(residentIdProblem(residentId('11010520260311123'), TODAY)).toBe('birthDate');
    expect(residentIdProblem(residentId('11010520270101123'), TODAY)).toBe('birthDate');
    expect(residentIdProblem(residentId('11010518991231123'), TODAY)).toBe('birthDate');
    expect(residentIdProblem(residentId('11010520260310123'), TODAY)).toBeNull();
  });

  it("judges 'today' by the center's calendar (Asia/Shanghai), not UTC", () => {
    // 2026-03-10T17:00Z is 01:00 on 11 March in Beijing: a birth date of 11 March is today.
    const justAfterMidnightInBeijing = new Date('2026-03-10T17:00:00Z');
    expect(
      residentIdProblem(residentId('11010520260311123'), justAfterMidnightInBeijing),
    ).toBeNull();
  });

  it('rejects malformed numbers as format problems', () => {
    const valid = residentId('11010519800101123');
    for (const bad of [
      '',
      valid.slice(0, 17), // 17 characters
      `${valid}1`, // 19 characters
      `0${valid.slice(1)}`, // leading zero
      `${valid.slice(0, 5)}A${valid.slice(6)}`, // letter inside
      '11010519491231002x', // lower-case x (the schema upper-cases before checking)
      ` ${valid.slice(1)}`,
      '1101051949123100X2', // X not last
    ]) {
      expect(residentIdProblem(bad, TODAY), JSON.stringify(bad)).toBe('format');
    }
  });

  it('reads sex from the 17th digit', () => {
    expect(residentIdSex(residentId('11010519800101123'))).toBe('male');
    expect(residentIdSex(residentId('11010519800101121'))).toBe('male');
    expect(residentIdSex(residentId('11010519800101120'))).toBe('female');
    expect(residentIdSex(residentId('11010519800101128'))).toBe('female');
  });
});

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts the published example 91350100M000100Y43, whose check character is 3', () => {
    expect(referenceCreditCodeCheck('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
  });

  it('computes the check character as MOD 31 does, for any code body', () => {
    const code = fc.constantFrom(...CREDIT_CODE_ALPHABET);
    const body = fc
      .tuple(
        fc.string({ unit: code, minLength: 2, maxLength: 2 }),
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 6, maxLength: 6 }),
        fc.string({ unit: code, minLength: 9, maxLength: 9 }),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(body, (first17) => {
        expect(creditCodeCheckChar(first17)).toBe(referenceCreditCodeCheck(first17));
        expect(creditCodeProblem(creditCode(first17))).toBeNull();
      }),
      { seed: 20260310, numRuns: 2000 },
    );
  });

  it('rejects every wrong check character', () => {
    const valid = '91350100M000100Y43';
    for (const wrong of CREDIT_CODE_ALPHABET) {
      if (wrong === '3') continue;
      expect(creditCodeProblem(valid.slice(0, 17) + wrong), wrong).toBe('checksum');
    }
  });

  it('rejects the letters the standard leaves out (I, O, Z, S, V) anywhere', () => {
    for (const letter of 'IOZSV') {
      expect(creditCodeProblem(`91350100${letter}000100Y43`), `${letter} in body`).toBe('format');
      expect(creditCodeProblem(`91350100M000100Y4${letter}`), `${letter} as check`).toBe('format');
      expect(creditCodeProblem(`${letter}1350100M000100Y43`), `${letter} first`).toBe('format');
    }
  });

  it('rejects wrong length, lower case and letters in the administrative-division digits', () => {
    for (const bad of [
      '',
      '91350100M000100Y4',
      '91350100M000100Y433',
      '91350100m000100y43',
      '9135A100M000100Y43',
    ]) {
      expect(creditCodeProblem(bad), bad).toBe('format');
    }
  });
});

describe('phone numbers', () => {
  it('accepts mainland mobiles, with or without +86', () => {
    for (const phone of ['13812345678', '19912345678', '+8613812345678', '8613812345678']) {
      expect(isChinesePhone(phone), phone).toBe(true);
    }
  });

  it('accepts landlines with area code, with or without hyphen, with an extension', () => {
    for (const phone of [
      '010-12345678',
      '01012345678',
      '0591-87654321',
      '0755-1234567',
      '010-12345678-123',
      '05918765432-8001',
    ]) {
      expect(isChinesePhone(phone), phone).toBe(true);
    }
  });

  it('rejects everything else', () => {
    for (const phone of [
      '',
      '12812345678', // no 12x mobile prefix
      '1381234567', // 10 digits
      '138123456789', // 12 digits
      '+85213812345678',
      '+86-13812345678',
      '12345678', // landline without area code
      '010-123456', // 6-digit local number
      '010-12345678-', // empty extension
      '010-12345678-1234567', // 7-digit extension
      '1381234567a',
      '110',
    ]) {
      expect(isChinesePhone(phone), phone).toBe(false);
    }
  });
});

describe('masking (DESIGN §7)', () => {
  it('keeps the first and last four characters of a resident ID', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });

  it('keeps the first three and last four digits of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('010-12345678')).toBe('010****5678');
  });

  it('hides short values completely', () => {
    expect(maskIdNumber('12345678')).toBe('********');
    expect(maskPhone('1234567')).toBe('*******');
  });

  it('never shows the birth date of a resident ID', () => {
    const masked = maskIdNumber(residentId('11010519800101123'));
    expect(masked).not.toContain('19800101');
    expect(masked).toHaveLength(18);
  });
});
