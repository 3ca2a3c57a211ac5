import { createHash } from 'node:crypto';

/**
 * The short code printed on every page of a document: taken from the hash of what the document
 * says, so a paper copy can be checked against the record (documents/verify). Crockford's
 * base32 (no I, L, O, U): read aloud or typed from paper without confusing 0/O or 1/I.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 8;

/** JSON with object keys sorted, so equal content always hashes equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) sorted[key] = (v as Record<string, unknown>)[key];
    return sorted;
  });
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * 40 bits of the content hash as 8 characters; `attempt` takes the next 40 bits, for the
 * (astronomically rare) code already held by a document with other content.
 */
export function verificationCode(contentHash: string, attempt = 0): string {
  const hex = contentHash.slice(attempt * 10, attempt * 10 + 10).padEnd(10, '0');
  let bits = BigInt(`0x${hex}`);
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) {
    code = ALPHABET[Number(bits & 31n)] + code;
    bits >>= 5n;
  }
  return code;
}

/** 7KQF3M2X → 7KQF-3M2X, as printed. */
export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
