/**
 * When an agreement takes effect (People's Mediation Law art. 29, 30): once every party has
 * signed, sealed or put a fingerprint, the mediator has signed and the committee's seal is on
 * it; the day the last of these happened. Pure, so the rule is tested without a database.
 */
export interface RecordedSignature {
  readonly signer: string;
  readonly signedOn: string;
}

export function partySigner(partyId: number): string {
  return `party:${partyId}`;
}

export function requiredSigners(partyIds: readonly number[]): string[] {
  return [...partyIds.map(partySigner), 'mediator', 'committee'];
}

export function missingSigners(
  partyIds: readonly number[],
  signatures: readonly RecordedSignature[],
): string[] {
  const present = new Set(signatures.map((s) => s.signer));
  return requiredSigners(partyIds).filter((s) => !present.has(s));
}

/** The effective date, or null while a signature or the seal is missing. */
export function effectiveOn(
  partyIds: readonly number[],
  signatures: readonly RecordedSignature[],
): string | null {
  if (missingSigners(partyIds, signatures).length > 0) return null;
  const required = new Set(requiredSigners(partyIds));
  return signatures
    .filter((s) => required.has(s.signer))
    .reduce((last, s) => (s.signedOn > last ? s.signedOn : last), '');
}
