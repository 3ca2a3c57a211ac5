import { isChinesePhone, normalizePhone } from '../shared/china-ids';

/**
 * What a search box query means, decided without the database. Pure and browser-safe.
 *
 * Text is compared in one spelling on both sides (documents and queries): NFKC folds full-width
 * forms (（２０２６） typed with an IME → (2026)) and lower-casing folds Latin letters, so
 * `ABC` finds `abc` whatever the index underneath does with case.
 */
export function searchText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Shortest term the trigram index can answer; shorter terms are scanned for (see the dialect). */
export const MIN_INDEXED_TERM = 3;

/** A full personal or organization number, or a phone: looked up exactly in the parties table. */
export interface IdentifierQuery {
  readonly kind: 'identifier';
  /** Upper-cased 18-character resident ID, when the query has that shape. */
  readonly idNumber: string | null;
  /** Upper-cased 18-character unified social credit code, when the query has that shape. */
  readonly creditCode: string | null;
  /** Spellings under which the phone may be stored (see phoneSpellings). */
  readonly phones: readonly string[];
}

/** Words that must all occur (as substrings) in the case number, party names or the dispute. */
export interface TextQuery {
  readonly kind: 'text';
  /** Terms of MIN_INDEXED_TERM or more characters, in searchText spelling. */
  readonly indexed: readonly string[];
  /** Terms of one or two characters (two-character names such as 张伟 are common). */
  readonly short: readonly string[];
}

export type SearchQuery = IdentifierQuery | TextQuery;

const RESIDENT_ID = /^\d{17}[\dX]$/;
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Counts characters as the trigram tokenizer does (code points, not UTF-16 units). */
export function characterCount(term: string): number {
  return [...term].length;
}

/**
 * Reads a query. A whole query shaped like a resident ID, credit code or phone (spaces allowed:
 * people read numbers out in groups) is an exact lookup; anything else is split on white space
 * into terms that must all match. Returns null when nothing searchable is left.
 */
export function parseSearchQuery(raw: string): SearchQuery | null {
  const text = raw.normalize('NFKC').trim();
  if (text === '') return null;
  const compact = text.replace(/\s+/g, '').toUpperCase();
  const idNumber = RESIDENT_ID.test(compact) ? compact : null;
  const creditCode = CREDIT_CODE.test(compact) ? compact : null;
  const phone = normalizePhone(text);
  const phones = isChinesePhone(phone) ? phoneSpellings(phone) : [];
  if (idNumber !== null || creditCode !== null || phones.length > 0) {
    return { kind: 'identifier', idNumber, creditCode, phones };
  }
  const terms = [...new Set(searchText(text).split(/\s+/u))].filter((t) => t !== '');
  return {
    kind: 'text',
    indexed: terms.filter((t) => characterCount(t) >= MIN_INDEXED_TERM),
    short: terms.filter((t) => characterCount(t) < MIN_INDEXED_TERM),
  };
}

/**
 * Intake stores a phone as normalizePhone left it: mobiles as 11 digits, landlines as typed
 * minus spaces (`0591-87654321` or `059187654321`). A landline typed one way is also looked up
 * in the other spellings it may have been stored in.
 */
export function phoneSpellings(phone: string): string[] {
  if (!phone.startsWith('0')) return [phone];
  const digits = phone.replace(/-/g, '');
  // Area codes are 3 digits (010, 020–029) or 4 (0591, ...): try both splits.
  const candidates = [phone, digits, `${digits.slice(0, 3)}-${digits.slice(3)}`];
  candidates.push(`${digits.slice(0, 4)}-${digits.slice(4)}`);
  return [...new Set(candidates)].filter(isChinesePhone);
}
