import { centerDate } from './center-time';

/**
 * Checks for the identifiers people bring to the reception desk. Pure and browser-safe:
 * the intake form and the core use the same functions.
 */

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const RESIDENT_ID_CHECK = '10X98765432';

/** GB 11643-1999: 17 digits and a check character computed with ISO 7064 MOD 11-2. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (RESIDENT_ID_WEIGHTS[i] ?? 0);
  return RESIDENT_ID_CHECK[sum % 11] ?? '';
}

export type ResidentIdProblem = 'format' | 'birthDate' | 'checksum';

export function residentIdProblem(id: string, today = new Date()): ResidentIdProblem | null {
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return 'format';
  const birth = residentIdBirthDate(id);
  if (birth === null || birth > centerDate(today) || birth < '1900-01-01') return 'birthDate';
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return 'checksum';
  return null;
}

/** Birth date (YYYY-MM-DD) encoded in positions 7–14, or null when it is not a real date. */
export function residentIdBirthDate(id: string): string | null {
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** The 17th digit is odd for men and even for women. */
export function residentIdSex(id: string): 'male' | 'female' {
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** GB 32100-2015 unified social credit code check character (MOD 31 over its 31-character set). */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    sum += USCC_CHARS.indexOf(first17[i] ?? '') * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_CHARS[(31 - (sum % 31)) % 31] ?? '';
}

export type CreditCodeProblem = 'format' | 'checksum';

export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return 'format';
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return 'checksum';
  return null;
}

/** Mainland mobile (optionally +86) or a landline with area code and optional extension. */
export function isChinesePhone(phone: string): boolean {
  return /^(?:\+?86)?1[3-9]\d{9}$/.test(phone) || /^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/.test(phone);
}

/** One spelling per phone number: no spaces, brackets or hyphens, no +86 before a mobile. */
export function normalizePhone(phone: string): string {
  const compact = phone.replace(/[\s()-]/g, '');
  return /^(?:\+?86)?1[3-9]\d{9}$/.test(compact)
    ? compact.slice(-11)
    : phone.replace(/[\s()]/g, '');
}

/** Lists and exports show personal numbers masked (DESIGN §7). */
export function maskIdNumber(id: string): string {
  return id.length <= 8
    ? '*'.repeat(id.length)
    : `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

export function maskPhone(phone: string): string {
  return phone.length <= 7
    ? '*'.repeat(phone.length)
    : `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
