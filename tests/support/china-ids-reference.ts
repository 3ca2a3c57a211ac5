/**
 * Independent reference implementations of the two check-character algorithms, written from the
 * standards' own definitions (weights derived, not copied), so tests of src/shared/china-ids.ts
 * compare against something other than the code under test.
 */

/** GB 11643-1999, ISO 7064 MOD 11-2: weight of position i (0-based) is 2^(17-i) mod 11. */
export function referenceResidentIdCheck(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`not 17 digits: ${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const value = (12 - (sum % 11)) % 11;
  return value === 10 ? 'X' : String(value);
}

/** A complete resident ID: 17 digits plus the reference check character. */
export function residentId(first17: string): string {
  return first17 + referenceResidentIdCheck(first17);
}

/** GB 32100-2015 code character values: digits, then capitals without I, O, Z, S, V. */
const CREDIT_CODE_VALUES: Readonly<Record<string, number>> = {
  ...Object.fromEntries([...'0123456789'].map((c, i) => [c, i])),
  A: 10,
  B: 11,
  C: 12,
  D: 13,
  E: 14,
  F: 15,
  G: 16,
  H: 17,
  J: 18,
  K: 19,
  L: 20,
  M: 21,
  N: 22,
  P: 23,
  Q: 24,
  R: 25,
  T: 26,
  U: 27,
  W: 28,
  X: 29,
  Y: 30,
};

export const CREDIT_CODE_ALPHABET = Object.keys(CREDIT_CODE_VALUES).join('');

/** GB 32100-2015: weight of position i (0-based) is 3^i mod 31; check = 31 - (sum mod 31), 31 → 0. */
export function referenceCreditCodeCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CREDIT_CODE_VALUES[first17[i] ?? ''];
    if (value === undefined) throw new Error(`not a credit-code character: ${first17[i]}`);
    sum += value * (3 ** i % 31);
  }
  const check = (31 - (sum % 31)) % 31;
  const char = Object.keys(CREDIT_CODE_VALUES).find((c) => CREDIT_CODE_VALUES[c] === check);
  if (char === undefined) throw new Error('unreachable');
  return char;
}

/** A complete unified social credit code: 17 characters plus the reference check character. */
export function creditCode(first17: string): string {
  return first17 + referenceCreditCodeCheck(first17);
}
